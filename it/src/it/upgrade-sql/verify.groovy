import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir)
def log = db.log()
def sql = new File(basedir, 'target/upgrade.sql').text
assert sql.contains('CREATE TABLE users') && sql.contains('CREATE TABLE messages')
assert !db.exists('users')
db.drop()
