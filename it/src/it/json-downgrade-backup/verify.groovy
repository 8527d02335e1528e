import com.plccoach.migrations.it.ItDatabase
import groovy.json.JsonSlurper
def db = ItDatabase.of(basedir)
def json = new JsonSlurper().parse(new File(basedir, 'target/downgrade.json'))
assert json.goal == 'downgrade' && json.headsAfter == [] && json.revisions*.revision == ['002', '001']
assert db.query('select count(*) from plccoach_version') == [['0']]
assert new File(json.backup.path).length() == json.backup.bytes && json.backup.bytes > 0
db.drop()
