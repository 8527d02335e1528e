import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir)
def log = db.log()
assert log.contains('table notes was added by hand')
assert log.contains("write them into a revision (the desired schema plus `mvn plccoach:revision -Dplccoach.autogenerate=true -Dplccoach.message=...`); -Dplccoach.drift=false skips this comparison")
assert log.contains('Check passed: heads 001, applied 001, nothing pending')
db.drop()
