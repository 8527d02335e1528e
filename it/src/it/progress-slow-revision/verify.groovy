import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir)
def lines = db.log().readLines()
// the log is written as the build runs: the announcement and a progress line come before the revision ends
def announced = lines.findIndexOf { it.contains('[INFO] Applying 1/1 001 (slow backfill) ...') }
def progress = lines.findIndexOf { it.contains('[INFO] Still applying 1/1 001 (slow backfill) after ') && it.contains('waiting on Timeout/PgSleep; running SELECT pg_sleep(6)') }
def applied = lines.findIndexOf { it =~ /\[INFO\] Applied 1\/1 001 \(slow backfill\) in \d+ ms/ }
assert announced >= 0 && progress > announced && applied > progress : "announced ${announced}, progress ${progress}, applied ${applied}"
db.drop()
