import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir)
def pid = new File(basedir, 'holder.pid').text.trim()
def lines = db.log().readLines()
def named = lines.findIndexOf { it.contains('[INFO] Still applying 1/1 001 (event note) after ')
        && it.contains("waiting for AccessExclusiveLock on events held by pid ${pid} (application 'nightly report'")
        && it.contains('query: LOCK TABLE events IN ACCESS EXCLUSIVE MODE)') }
def failed = lines.findIndexOf { it.contains('canceling statement due to lock timeout') }
assert named >= 0 && failed > named : "progress naming pid ${pid} at ${named}, failure at ${failed}"
db.drop()
