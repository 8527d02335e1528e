import com.plccoach.migrations.it.ItDatabase
import java.net.URLEncoder
def db = ItDatabase.fixedName(basedir).createWithPassword("dburl-Secret-5")
db.mavenConfig("-Dplccoach.it=1")
return true
