import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir)
def log = db.log()
assert log.contains('lock_timeout struck revision(s) [001] (try 1 of 4): the lock is held by pid ')
assert log.contains("(application 'dashboard report', transaction open for ")
assert log.contains('Applied 1/1 001 (message scores)')
assert db.query("SELECT count(*) FROM information_schema.columns WHERE table_name = 'messages' AND column_name = 'score'")[0][0] == '1'
db.drop()
