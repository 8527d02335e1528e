import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir)
def log = db.log()
assert log.contains('[DEBUG]')
assert log.contains('Current: <base>')
assert !log.contains('debugurl-Secret-13')
db.drop()
