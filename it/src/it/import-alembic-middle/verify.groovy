import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir)
def log = db.log()
assert db.query("select revisions from plccoach_history where operation = 'stamp'") == [['{001,002,003,004}']]
assert log.contains('Done: upgrade to head: 2 revision(s), 002,004 -> 006')
assert db.query('select version_num from alembic_version order by 1').flatten().contains('004')
db.drop()
