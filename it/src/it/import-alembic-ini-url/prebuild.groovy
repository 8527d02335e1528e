import com.plccoach.migrations.it.AlembicProjects
import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir).create()
def project = AlembicProjects.copy(basedir, 'plccoach')
AlembicProjects.upgrade(project, db, '002')
def ini = new File(project, 'alembic.ini')
ini.text = ini.text.replaceFirst(/(?m)^sqlalchemy\.url = .*$/, 'sqlalchemy.url = postgresql+psycopg2://postgres@' + db.hostPort() + '/' + db.name())
return true
