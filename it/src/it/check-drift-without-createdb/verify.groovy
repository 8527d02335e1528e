import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir)
def log = db.log()
assert log.contains('The user needs CREATEDB there; or set -Dplccoach.verifyUrl to a server where it may create databases.'
        + ' To check without comparing the live schema, add -Dplccoach.drift=false.')
assert log.contains('Check passed: heads 001, applied 001, nothing pending')
assert !log.contains('drift-Secret-8')
db.drop()
