import com.plccoach.migrations.it.ItDatabase
import groovy.json.JsonSlurper
def db = ItDatabase.of(basedir)
def json = new JsonSlurper().parse(new File(basedir, 'target/check.json'))
assert json.goal == 'check' && json.outcome == 'failure'
assert json.findings.severalHeads.sort() == ['a3', 'b3']
assert json.pending.size() == 4
db.drop()
