import com.plccoach.migrations.it.ItDatabase
import java.net.URLEncoder
def db = ItDatabase.fixedName(basedir).createWithPassword("settings-Encrypted-Secret-42")
db.mavenConfig("-Dplccoach.url=" + db.bareUrl())
return true
