import com.plccoach.migrations.it.ItDatabase
def db = ItDatabase.of(basedir).create()
// in maven.config, not invoker.goals: the invoker splits goals on commas
db.mavenConfig("-Dplccoach.url=" + db.url(), "-Dplccoach.schemas=tenant_a,tenant_b")
return true
