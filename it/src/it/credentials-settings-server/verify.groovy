import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.fixedName(basedir)
def log = db.log()
assert log.contains('Current: <base>')
db.drop()
