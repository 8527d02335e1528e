import com.plccoach.migrations.it.ItDatabase
def source = ItDatabase.of(basedir).create()
def empty = ItDatabase.of(new File(basedir, 'empty')).create()
source.mavenConfig("-Dsource.url=" + source.url(), "-Dempty.url=" + empty.url())
return true
