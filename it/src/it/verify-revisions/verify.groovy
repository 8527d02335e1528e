import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir)
def log = db.log()
assert log =~ /001 \(create users\): up, down and up again restore the schema exactly/
assert !db.exists('users') : 'verify works on a scratch database, never on the configured one'
db.drop()
