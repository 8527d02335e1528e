import com.plccoach.migrations.it.ItDatabase
import groovy.json.JsonSlurper
def db = ItDatabase.of(basedir)
def json = new JsonSlurper().parse(new File(basedir, 'target/plan.json'))
assert json.goal == 'plan' && json.verdict == 'refused'
def users = json.revisions*.statements.flatten()*.droppedTables.flatten().find { it.relation == 'public.users' }
assert users.rows == (db.query('select count(*) from users')[0][0] as long)
assert json.counts.dataLoss == json.dataLoss.size()
db.drop()
