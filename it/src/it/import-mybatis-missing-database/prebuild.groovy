import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir)
db.drop()
// the server is there, the database is not
db.mavenConfig("-Dplccoach.url=" + db.url())
return true
