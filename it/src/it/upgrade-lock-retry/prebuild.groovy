import com.plccoach.migrations.it.ItDatabase
import org.postgresql.Driver
def db = ItDatabase.of(basedir).create()
db.execute("CREATE TABLE messages (id bigint PRIMARY KEY)")
db.mavenConfig("-Dplccoach.url=" + db.url())
// a report holds ACCESS SHARE; it ends 1.5 s after the upgrade starts waiting, so the first try times out (1 s) and a retry succeeds
def holder = new Driver().connect(db.url(), new Properties())
holder.createStatement().execute("SET application_name = 'dashboard report'")
holder.autoCommit = false
holder.createStatement().execute("LOCK TABLE messages IN ACCESS SHARE MODE")
def watcher = new Driver().connect(db.url(), new Properties())
Thread.startDaemon {
    def deadline = System.currentTimeMillis() + 120_000
    while (System.currentTimeMillis() < deadline) {
        def rs = watcher.createStatement().executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'plccoach-maven-plugin' AND wait_event_type = 'Lock'")
        rs.next()
        if (rs.getInt(1) > 0) break
        Thread.sleep(50)
    }
    Thread.sleep(1500)
    holder.rollback()
    holder.close()
    watcher.close()
}
return true
