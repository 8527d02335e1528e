import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir)
def log = db.log()
assert log.contains("plccoach.serverId is 'no-such-server' but settings.xml has no <server> with that id")
db.drop()
