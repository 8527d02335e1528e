import com.plccoach.migrations.it.ItDatabase
import java.net.URLEncoder
def db = ItDatabase.fixedName(basedir).createWithPassword("settings-plain-Secret-41")
db.mavenConfig("-Dplccoach.url=" + db.bareUrl())
return true
