import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir)
def log = db.log()
assert log.contains('a3') && log.contains('b3')
assert log.contains('Check passed')
db.drop()
