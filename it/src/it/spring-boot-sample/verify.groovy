import com.plccoach.migrations.it.ItDatabase
import groovy.json.JsonSlurper
import java.util.zip.ZipFile
def log = ItDatabase.of(basedir).log()
assert log.count('Tests run: 6, Failures: 0, Errors: 0, Skipped: 0') == 3 // Boot 4.0, 4.1 and 3.5, same tests
def starter = new File(localRepositoryPath, "com/plccoach/migrations/plccoach-spring-boot-starter").listFiles().collect { v -> v.listFiles().find { it.name.endsWith(".jar") } }.find { it }
def jar = new ZipFile(starter)
def metadata = new JsonSlurper().parse(jar.getInputStream(jar.getEntry('META-INF/spring-configuration-metadata.json')))
def described = metadata.properties.findAll { it.description }.collect { it.name }
assert described.containsAll(['enabled', 'locations', 'target', 'schema', 'placeholders', 'lock-timeout', 'lock-wait',
        'transaction-per-revision', 'allow-data-loss', 'url', 'user', 'password'].collect { 'plccoach.' + it })
for (name in ['boot4', 'boot4.spare', 'boot41', 'boot41.spare', 'boot3', 'boot3.spare']) { ItDatabase.of(new File(basedir, name)).drop() }
