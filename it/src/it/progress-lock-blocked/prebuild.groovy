import com.plccoach.migrations.it.ItDatabase
import org.postgresql.Driver
def db = ItDatabase.of(basedir).create()
db.mavenConfig("-Dplccoach.url=" + db.url())
// partitioned and without partitions: the upgrade's "does any table hold rows" probe reads no table, so the first
// statement to wait for the lock is the revision's own
db.execute("CREATE TABLE events (id bigint, at date) PARTITION BY RANGE (at)")
def holder = new Driver().connect(db.url(), new Properties())
holder.createStatement().execute("SET application_name = 'nightly report'")
holder.autoCommit = false
new File(basedir, 'holder.pid').text = holder.createStatement().executeQuery("SELECT pg_backend_pid()").with { next(); getString(1) }
holder.createStatement().execute("LOCK TABLE events IN ACCESS EXCLUSIVE MODE")
Thread.startDaemon {
    Thread.sleep(120_000) // the verify script drops the database first; this is only a backstop
    holder.close()
}
return true
