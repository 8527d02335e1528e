import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir)
assert db.log().contains('Imported 6 Alembic revision(s): 6 file(s) written, 0 unchanged, 0 stub(s); alembic_version [002], 2 revision(s) recorded as applied')
assert db.query('select id from plccoach_version order by id') == [['001'], ['002']]
db.drop()
