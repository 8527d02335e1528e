import com.plccoach.migrations.it.ItDatabase
import org.postgresql.Driver
def db = ItDatabase.of(basedir).create()
db.execute("CREATE TABLE messages (id bigint PRIMARY KEY)")
db.mavenConfig("-Dplccoach.url=" + db.url())
// a report holds ACCESS SHARE for longer than the build takes
def holder = new Driver().connect(db.url(), new Properties())
holder.createStatement().execute("SET application_name = 'dashboard report'")
holder.autoCommit = false
holder.createStatement().execute("LOCK TABLE messages IN ACCESS SHARE MODE")
Thread.startDaemon {
    Thread.sleep(60_000)
    holder.rollback()
    holder.close()
}
return true
