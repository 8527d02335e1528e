import com.plccoach.migrations.it.ItDatabase
def dbs = (1..3).collect { ItDatabase.of(basedir).member(it).create() }
dbs[1].execute('CREATE TABLE messages (id int)')
new File(basedir, 'target').mkdirs()
new File(basedir, 'target/databases.txt').text = '# the fleet of this project\n' + dbs.collect { it.url() }.join('\n') + '\n'
return true
