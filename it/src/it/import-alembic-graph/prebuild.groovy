import com.plccoach.migrations.it.AlembicProjects
import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir).create()
AlembicProjects.upgrade(AlembicProjects.copy(basedir, 'plccoach'), db, 'head')
db.mavenConfig("-Dplccoach.url=" + db.url())
return true
