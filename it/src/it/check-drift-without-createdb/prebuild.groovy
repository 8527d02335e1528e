import com.plccoach.migrations.it.ItDatabase
// the project's own role owns its database but has no CREATEDB, like a deployment user
def db = ItDatabase.of(basedir).createWithPassword("drift-Secret-8")
db.mavenConfig("-Dplccoach.url=" + db.bareUrl() + "?user=" + db.name(), "-Dplccoach.password=drift-Secret-8")
return true
