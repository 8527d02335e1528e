import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir)
def log = db.log()
def dir = new File(basedir, 'src/main/resources/db/revisions')
def users = new File(dir, '20250102093000_create_users.sql').text
assert users.startsWith('-- revision: 20250102093000\n-- down_revision: 20250101000000\n')
assert users.contains('CREATE TABLE app_users') && users.contains('-- //@UNDO')
assert log.contains('Imported 3 MyBatis script(s)')
assert log.contains('Recorded 2 applied script(s) from CHANGELOG as applied up to 20250102093000')
assert db.query("select count(*) from information_schema.columns where table_name = 'app_users' and column_name = 'email'") == [['1']]
db.drop()
