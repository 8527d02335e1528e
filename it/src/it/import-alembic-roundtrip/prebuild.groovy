import com.plccoach.migrations.it.AlembicProjects
import com.plccoach.migrations.it.ItDatabase
def project = AlembicProjects.copy(basedir, 'plccoach')
def db = ItDatabase.of(basedir).create()
AlembicProjects.upgrade(project, db, 'head')
// Alembic's own result, kept apart to compare our upgrade with
AlembicProjects.upgrade(project, ItDatabase.of(new File(basedir, 'alembic')).create(), 'head')
db.mavenConfig("-Dplccoach.url=" + db.url())
return true
