import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir)
def log = db.log()
assert !db.exists('users')
assert log.contains('Stamped head: <base> -> ')
assert log.contains('Current: 002')
db.drop()
