import com.plccoach.migrations.it.AlembicProjects
import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir)
def alembic = ItDatabase.of(new File(basedir, 'alembic'))
def log = db.log()
assert log =~ /006 \(add tool message role\): up, down and up again restore the schema exactly/
assert log.contains('Done: downgrade to base: 6 revision(s), 006 -> <base>')
assert log.contains('Done: upgrade to head: 6 revision(s), <base> -> 006')
assert AlembicProjects.catalogDifferences(alembic, db) == []
alembic.drop()
db.drop()
