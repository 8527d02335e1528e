import com.plccoach.migrations.it.ItDatabase
import java.net.URLEncoder
def db = ItDatabase.of(basedir).createWithPassword("pgpass-Secret:7")
def pgpass = new File(basedir, 'pgpass')
pgpass.text = "otherhost:*:*:*:wrong\n*:*:" + db.name() + ":" + db.name() + ":pgpass-Secret\\:7\n"
java.nio.file.Files.setPosixFilePermissions(pgpass.toPath(), java.nio.file.attribute.PosixFilePermissions.fromString('rw-------'))
db.mavenConfig("-Dplccoach.url=" + db.bareUrl() + "?user=" + db.name())
return true
