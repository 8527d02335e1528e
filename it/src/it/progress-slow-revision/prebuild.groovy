import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir).create()
db.mavenConfig("-Dplccoach.url=" + db.url())
return true
