import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir)
def log = db.log()
assert db.exists('users') && db.exists('messages')
assert log =~ /\[INFO\] Applied 1\/2 001 \(create users\) in \d+ ms/
assert log.contains('Done: upgrade to head: 2 revision(s), <base> -> 002')
db.drop()
