import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir)
def log = db.log()
assert log.contains('password authentication failed')
assert log.contains('with the password from the configuration')
assert !log.readLines().any { it.contains('wrong-Secret-9') && !it.contains('invoker') && !it.contains('-Dplccoach.password') }
db.drop()
