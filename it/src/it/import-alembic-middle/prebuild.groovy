import com.plccoach.migrations.it.AlembicProjects
import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir).create()
// 004 depends on 002 from the other branch: Alembic applies 001, 002, 003 and 004
AlembicProjects.upgrade(AlembicProjects.copy(basedir, 'plccoach'), db, '004')
db.mavenConfig("-Dplccoach.url=" + db.url())
return true
