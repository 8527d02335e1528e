import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir)
def lines = db.log().readLines()
def longest = lines.max { it.length() }
assert longest.length() <= 300 : "a line of ${longest.length()} characters: ${longest.take(400)}"
// an upgrade and a downgrade of 500 revisions each: one line per revision and a few dozen more per run
def count = lines.size()
assert count <= 2 * 500 + 80 : "${count} lines"
def reverted = lines.count { it.contains('] Reverted ') }
assert reverted == 500
def last = lines.any { it.contains('Reverted 500/500 001 (create customer_orders_archive_001) in ') }
assert last
def dump = lines.any { it.contains('with --table for 500 tables: ') && it.contains(' and 498 more') }
assert dump
def allowed = lines.any { it.contains('plccoach.allowDataLoss is set: the downgrade to base destroys 500 object(s) holding data:') }
assert allowed
def more = lines.any { it.contains('and 490 more: `mvn plccoach:plan` lists them all') }
assert more
assert !db.exists('customer_orders_archive_001')
db.drop()
