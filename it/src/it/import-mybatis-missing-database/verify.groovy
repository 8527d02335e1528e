import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir)
def log = db.log()
assert log.contains('Cannot connect to ') && log.contains("database \"${db.name()}\" does not exist")
assert !new File(basedir, 'src/main/resources/db/revisions').exists()
