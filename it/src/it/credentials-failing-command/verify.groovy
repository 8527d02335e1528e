import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir)
def log = db.log()
assert log.contains('plccoach.passwordCommand (sh) failed with exit code 4')
assert !log.contains('leaked-Secret-11')
db.drop()
