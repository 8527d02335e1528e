import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir)
def log = db.log()
assert log.contains('Check failed, 1 lock hazard(s) in pending revisions (plccoach.lint=error):')
assert log.contains('20251114_0900_002_index_users_by_email.sql:7: require-concurrent-index-creation (revision 002)')
assert log.contains('[users: ') && log.contains(', ~1,000 rows]')
assert !db.exists('users_email_idx')
db.drop()
