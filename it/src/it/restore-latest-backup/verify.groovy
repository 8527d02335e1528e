import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir)
def log = db.log()
assert db.query('select count(*) from users') == [['2']]
assert log.contains('Restoring ') && log.contains(' into ' + db.name() + ': 1 table: public.users')
db.drop()
