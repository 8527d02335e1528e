import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir)
def log = db.log()
def check = log.substring(log.indexOf(':check (default-cli)'))
// the drift comparison builds both revisions on a scratch database: that is check's business, not an upgrade's lines
assert !check.contains('Applied ') && !check.contains('Done: upgrade') && !check.contains('Upgrading to')
assert check.contains('Check passed: heads 002, applied 002, nothing pending')
assert log.substring(0, log.indexOf(':check (default-cli)')).contains('Applied 2/2 002 (create messages) in ')
db.drop()
