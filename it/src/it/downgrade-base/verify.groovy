import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir)
def log = db.log()
assert !db.exists('users') && !db.exists('messages')
assert log.contains('Downgraded 2 revision(s)')
def archives = []
new File(basedir, 'target/backups').eachFileRecurse { if (it.isFile()) archives << it }
assert !archives.isEmpty()
db.drop()
