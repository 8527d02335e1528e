import com.plccoach.migrations.it.ItDatabase
import java.net.URLEncoder
def db = ItDatabase.of(basedir).createWithPassword("debug-Secret-12")
db.mavenConfig("-Dplccoach.url=" + db.bareUrl() + "?user=" + db.name())
return true
