import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir)
def log = db.log()
assert log.contains('002_sharing.sql (revision 002) disagrees with Alembic\'s alembic/versions/20251114_0900_002_add_conversation_sharing.py:'
    + ' down_revision is base in the file but 001 in Alembic. Nothing was imported.')
assert new File(basedir, 'src/main/resources/db/revisions').list() as List == ['002_sharing.sql']
assert !db.exists('plccoach_version')
db.drop()
