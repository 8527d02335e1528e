import com.plccoach.migrations.it.ItDatabase
import java.net.URLEncoder
def db = ItDatabase.of(basedir).createWithPassword("url-Secret:3@x/y")
db.mavenConfig("-Dplccoach.url=" + "postgresql://" + db.name() + ":" + URLEncoder.encode("url-Secret:3@x/y", "UTF-8") + "@" + db.hostPort() + "/" + db.name() + "?sslmode=disable")
return true
