import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir)
def log = db.log()
assert log.contains('Skipped (plccoach.skip=true)')
assert !db.exists('users')
db.drop()
