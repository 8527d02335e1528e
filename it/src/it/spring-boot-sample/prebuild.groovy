import com.plccoach.migrations.it.ItDatabase
// per line: the database the service migrates, and a spare one that no test may migrate
def urls = ['boot4', 'boot4.spare', 'boot41', 'boot41.spare', 'boot3', 'boot3.spare'].collect { name ->
    "-Dit.${name}.db.url=" + ItDatabase.of(new File(basedir, name)).create().url()
}
ItDatabase.of(basedir).mavenConfig(*urls)
return true
