import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir)
def log = db.log()
assert log.contains('3 file(s) written, 0 already there unchanged')
assert log.contains('0 file(s) written, 3 already there unchanged')
assert log.contains('The state already records 20250102093000, the last of the 2 script(s) applied in CHANGELOG: state unchanged')
assert log.contains('Nothing changed: the import was already done')
assert db.query('select count(*) from plccoach_history') == [['1']]
assert db.query('select id from plccoach_version order by 1') == [['20250101000000'], ['20250102093000']]
db.drop()
