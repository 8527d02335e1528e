import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir)
def log = db.log()
assert log.contains('The state already records 20250102093000, the last of the 2 script(s) applied in CHANGELOG: state unchanged')
assert log.contains('Nothing changed: the import was already done')
def lastImport = log.substring(log.lastIndexOf(':import-mybatis (default-cli)'))
assert !lastImport.contains('Stamped') && lastImport.contains('0 file(s) written, 3 already there unchanged')
assert db.query('select count(*) from plccoach_version') == [['3']]
db.drop()
