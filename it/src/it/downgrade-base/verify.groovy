import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir)
def log = db.log()
assert !db.exists('users') && !db.exists('messages')
assert log.contains('Done: downgrade to base: 2 revision(s), 002 -> <base>')
def archives = []
new File(basedir, 'target/backups').eachFileRecurse { if (it.isFile()) archives << it }
assert !archives.isEmpty()
db.drop()
