import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir)
def log = db.log()
assert log.contains('nosuchrev')
assert log.contains('[ERROR] Failed to execute goal com.plccoach.migrations:plccoach-maven-plugin')
assert !log.contains('MojoExecutionException') : 'a bad target is the user\'s to fix: MojoFailureException'
assert !db.exists('users')
db.drop()
