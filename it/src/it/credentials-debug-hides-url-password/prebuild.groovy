import com.plccoach.migrations.it.ItDatabase
import java.net.URLEncoder
def db = ItDatabase.of(basedir).createWithPassword("debugurl-Secret-13")
db.mavenConfig("-Dplccoach.url=" + "postgresql://" + db.name() + ":" + URLEncoder.encode("debugurl-Secret-13", "UTF-8") + "@" + db.hostPort() + "/" + db.name() + "?sslmode=disable")
return true
