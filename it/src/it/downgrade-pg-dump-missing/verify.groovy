import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir)
def log = db.log()
assert log.contains('/nonexistent/pg_dump')
assert db.exists('users')
db.drop()
