import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir)
def log = db.log()
assert db.exists('users') && db.exists('messages')
assert log.contains('Upgraded 2 revision(s)')
assert log.contains('<base> -> 002')
db.drop()
