import com.plccoach.migrations.it.AlembicProjects
import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir).create()
AlembicProjects.upgrade(AlembicProjects.copy(basedir, 'plccoach'), db, 'head')
// someone started the move by hand and gave 002 another parent
def dir = new File(basedir, 'src/main/resources/db/revisions')
dir.mkdirs()
new File(dir, '002_sharing.sql').text = '-- revision: 002\n-- down_revision: base\n\nALTER TABLE conversations ADD COLUMN shared_with uuid[];\n'
db.mavenConfig("-Dplccoach.url=" + db.url())
return true
