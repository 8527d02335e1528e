import com.plccoach.migrations.it.ItDatabase
import groovy.json.JsonSlurper
def db = ItDatabase.of(basedir)
def html = new File(basedir, 'target/plccoach/report.html').text
assert html.contains('<g class="revision applied" data-revision="001"')
assert html.contains('<g class="revision pending" data-revision="002"')
def json = new JsonSlurper().parse(new File(basedir, 'target/report.json'))
assert json.goal == 'report' && json.revisions == 2 && json.applied == 1 && json.runs == 1
db.drop()
