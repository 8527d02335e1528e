import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir).create()
// changed by hand, outside any revision: the upgrade leaves it, the drift check must name it
db.execute("CREATE TABLE notes (id bigint PRIMARY KEY, body text)")
db.mavenConfig("-Dplccoach.url=" + db.url())
return true
