import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir)
def log = db.log()
assert log.contains('Check passed: heads 002, applied 001; 1 revision(s) pending: 002')
assert log.contains('1 revision(s) pending: 002. Apply them with `mvn plccoach:upgrade`')
db.drop()
