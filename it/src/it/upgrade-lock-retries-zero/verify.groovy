import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir)
def log = db.log()
assert log.contains('ERROR: canceling statement due to lock timeout (SQLSTATE 55P03)')
assert log.contains("Not retried (plccoach.lockRetries=0); the lock is held by pid ")
assert log.contains("(application 'dashboard report', transaction open for ")
assert db.query("SELECT count(*) FROM information_schema.columns WHERE table_name = 'messages'")[0][0] == '1'
assert !db.exists('plccoach_version') || db.query("SELECT count(*) FROM plccoach_version")[0][0] == '0'
db.drop()
