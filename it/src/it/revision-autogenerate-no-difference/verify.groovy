import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir)
def log = db.log()
assert log.contains('plccoach.autogenerate needs the desired schema: add -Dplccoach.desiredSchema=src/main/schema')
assert log.contains('No difference between the revisions\' schema and ')
assert log.contains('nothing written')
assert new File(basedir, 'src/main/resources/db/revisions').list() as List == ['20251113_0100_001_create_users.sql']
db.drop()
