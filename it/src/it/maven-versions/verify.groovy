import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir)
def log = db.log()
// mavenVersion is set per invoker execution of it/pom.xml; the wrapper's run of this project has none
assert !binding.hasVariable('mavenVersion') || log.contains("Apache Maven ${mavenVersion} (")
assert log.contains('Done: upgrade to head: 2 revision(s), <base> -> 002') && log.contains('Current: 002 (2 applied)')
assert log.contains('Done: downgrade to base: 2 revision(s), 002 -> <base>') && !db.exists('users')
def version = (new File(basedir, 'pom.xml').text =~ /plccoach-maven-plugin<\/artifactId>\s*<version>([^<]+)</)[0][1]
assert db.query('select distinct tool_version from plccoach_history') == [[version]]
db.drop()
