import com.plccoach.migrations.it.ItDatabase
import groovy.json.JsonSlurper
def db = ItDatabase.of(basedir)
def upgrade = new JsonSlurper().parse(new File(basedir, 'target/upgrade.json'))
def current = new JsonSlurper().parse(new File(basedir, 'target/current.json'))
def applied = db.query('select id from plccoach_version order by id').collect { it[0] }
assert upgrade.format == 1 && upgrade.goal == 'upgrade' && upgrade.outcome == 'success'
assert upgrade.revisions*.revision.sort() == applied
assert current.goal == 'current' && current.applied*.revision.sort() == applied && current.heads == ['002']
db.drop()
