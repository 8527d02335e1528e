import com.plccoach.migrations.it.ItDatabase
def dbs = (1..3).collect { ItDatabase.of(basedir).member(it) }
def log = dbs[0].log()
assert dbs[0].exists('messages') && dbs[2].exists('messages') && !dbs[1].exists('users')
assert log =~ /(?m)^\[INFO\] 127\.0\.0\.1:\d+\/${dbs[1].name()} +<base> -> <base> +0 +\d+ ms +failed: Revision 002 \(create messages\) failed in /
assert log =~ /(?m)^\[INFO\] 127\.0\.0\.1:\d+\/${dbs[2].name()} +<base> -> 002 +2 +\d+ ms +success$/
assert log.contains('upgrade to head on 3 database(s), 2 at once: 2 succeeded, 1 failed')
assert log.contains('BUILD FAILURE') && log.contains('ERROR: relation "messages" already exists')
for (db in dbs) { db.drop() }
