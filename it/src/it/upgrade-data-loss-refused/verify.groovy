import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir)
def log = db.log()
assert log.contains('plccoach.allowDataLoss')
assert log.contains('users')
assert db.query('select count(*) from users') == [['2']]
db.drop()
