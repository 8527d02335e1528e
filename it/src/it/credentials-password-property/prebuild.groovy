import com.plccoach.migrations.it.ItDatabase
import java.net.URLEncoder
def db = ItDatabase.of(basedir).createWithPassword("prop-Secret-1")
db.mavenConfig("-Dplccoach.url=" + db.bareUrl() + "?user=" + db.name())
return true
