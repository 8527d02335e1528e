import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir)
def log = db.log()
assert log.contains('Current: 001 (1 applied)')
assert log =~ /(?m)^\[INFO\] 001 +\S+/
db.drop()
