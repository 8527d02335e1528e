import com.plccoach.migrations.it.ItDatabase
import groovy.json.JsonSlurper
def db = ItDatabase.of(basedir)
def json = new JsonSlurper().parse(new File(basedir, 'target/upgrade.json'))
assert json.goal == 'upgrade' && json.outcome == 'failure' && json.error.kind == 'input'
assert db.log().contains(json.error.message.readLines()[0])
assert !db.exists('users')
db.drop()
