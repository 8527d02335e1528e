import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir)
def log = db.log()
assert log.contains('6 Alembic revision(s): 6 file(s) written, 0 unchanged, 0 stub(s); alembic_version [006], 6 revision(s) recorded as applied')
assert log.contains('6 Alembic revision(s): 0 file(s) written, 6 unchanged, 0 stub(s); alembic_version [006], 0 revision(s) recorded as applied')
assert new File(basedir, 'src/main/resources/db/revisions').list().length == 6
assert db.query('select count(*) from plccoach_history') == [['1']]
db.drop()
