import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir)
def log = db.log()
assert !log.contains('[ERROR]')
assert !db.exists('users') : 'verify works on a scratch database, never on the configured one'
db.drop()
