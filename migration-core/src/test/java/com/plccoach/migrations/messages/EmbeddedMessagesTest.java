package com.plccoach.migrations.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.Advice;
import com.plccoach.migrations.BackupException;
import com.plccoach.migrations.CheckReport;
import com.plccoach.migrations.EntryPoint;
import com.plccoach.migrations.EnvironmentException;
import com.plccoach.migrations.MigrationException;
import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.ScriptSource;
import com.plccoach.migrations.TargetException;
import com.plccoach.migrations.VerificationException;
import com.plccoach.migrations.VerifyReport;
import com.plccoach.migrations.testing.RevisionFiles;
import com.plccoach.migrations.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** A service that embeds the core is told what to call, never what to type into Maven. */
class EmbeddedMessagesTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    /** What only Maven understands: a goal, a -D property, a mvn command line. */
    static final String MAVEN_SYNTAX = "(?s).*(mvn |-Dplccoach|plccoach:[a-z]).*";

    @TempDir
    Path scripts;

    @TempDir
    Path backups;

    private RevisionFiles files;

    @BeforeEach
    void setUp() throws Exception {
        db.recreate();
        files = RevisionFiles.in(scripts);
        files.write("001", "base", "CREATE TABLE users (id bigint PRIMARY KEY);", "DROP TABLE users;");
    }

    @Test
    void severalHeadsInCheckNameTheMergeCallAndTheWayToAcceptThem() throws Exception {
        files.write("a2", "001", "CREATE TABLE t_a2 (id int);", "DROP TABLE t_a2;");
        files.write("b2", "001", "CREATE TABLE t_b2 (id int);", "DROP TABLE t_b2;");

        CheckReport report = migrator().check();

        assertThat(report.problems(false)).singleElement().asString()
                .isEqualTo("the graph has 2 heads (a2, b2): join them with `migrator.merge(heads, message)`, or accept them"
                        + " with checkReport.problems(true) if the branches are kept apart on purpose")
                .doesNotMatch(MAVEN_SYNTAX);
    }

    @Test
    void severalHeadsReadTheSameFromMavenExceptForWhatToType() {
        String embedded = TargetException.severalHeads(List.of("a2", "b2"), "so no single schema", null, Advice.EMBEDDED).getMessage();
        String maven = TargetException.severalHeads(List.of("a2", "b2"), "so no single schema", null, Advice.MAVEN).getMessage();

        assertThat(embedded).isEqualTo("the graph has 2 heads (a2, b2), so no single schema: join them with"
                + " `migrator.merge(heads, message)`");
        assertThat(maven).isEqualTo("the graph has 2 heads (a2, b2), so no single schema: join them with `mvn plccoach:merge`");
    }

    @Test
    void aMissingPgDumpNamesTheBuilderMethod() {
        Migrator migrator = Migrator.builder().url(db.url()).scripts(ScriptSource.directory(scripts)).backupDir(backups)
                .pgDump("/nonexistent/pg_dump").build();
        migrator.upgrade("head");

        assertThatThrownBy(() -> migrator.downgrade("base"))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("Migrator.builder().pgDump(\"/path/to/pg_dump\")")
                .satisfies(e -> assertThat(e.getMessage()).doesNotMatch(MAVEN_SYNTAX));
    }

    @Test
    void aMissingBackupNamesTheRestoreCall() {
        Path missing = backups.resolve("nope.dump");

        assertThatThrownBy(() -> migrator().restore(missing))
                .isInstanceOf(MigrationException.class)
                .isNotInstanceOf(EnvironmentException.class)
                .hasMessage("No backup at " + missing + ": give the archive the downgrade printed, as in `migrator.restore(archive)`.");
    }

    @Test
    void aVerifyFailureNamesTheVerifyCall() {
        VerifyReport report = new VerifyReport("scratch", List.of(new VerifyReport.RevisionCheck("001", "users",
                List.of("revision 001's downgrade leaves table users behind"))), Duration.ZERO);

        assertThatThrownBy(report::requireClean)
                .isInstanceOf(VerificationException.class)
                .hasMessageEndingWith("then run `migrator.verify()` again.")
                .satisfies(e -> assertThat(e.getMessage()).doesNotMatch(MAVEN_SYNTAX));
    }

    @Test
    void verifyWithADataSourceAloneNamesTheVerifyUrlBuilderMethod() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(db.url());
        Migrator migrator = Migrator.builder().dataSource(dataSource).scripts(ScriptSource.directory(scripts)).build();

        assertThatThrownBy(migrator::verify)
                .isInstanceOf(MigrationException.class)
                .hasMessageEndingWith("set Migrator.builder().verifyUrl(\"jdbc:postgresql://localhost:5432/postgres\")");
    }

    @Test
    void anAppliedRevisionWithoutAFileNamesTheCheckCallInDrift() throws Exception {
        Migrator migrator = migrator();
        migrator.upgrade("head");
        Files.delete(scripts.resolve("001.sql"));
        files.write("r2", "base", "CREATE TABLE t_r2 (id int);", "DROP TABLE t_r2;");

        assertThatThrownBy(migrator()::drift)
                .isInstanceOf(MigrationException.class)
                .hasMessageEndingWith("restore the file, or run `migrator.check()` to see every such revision")
                .satisfies(e -> assertThat(e.getMessage()).doesNotMatch(MAVEN_SYNTAX));
    }

    @Test
    void aRevisionPackagedInAJarIsToBeCorrectedByANewRevision() {
        assertThat(Advice.EMBEDDED.fixStatementIn("classpath:db/revisions/001.sql (in plccoach-schema-1.0.jar)"))
                .isEqualTo("The revision classpath:db/revisions/001.sql (in plccoach-schema-1.0.jar) is packaged in a jar and cannot be"
                        + " edited where it runs: ship a new revision (in a new version of that jar) that corrects it");
    }

    @Test
    void settingsAreWordedForEachEntryPoint() {
        assertThat(new Advice(EntryPoint.MAVEN).set("backup", "affected")).isEqualTo("-Dplccoach.backup=affected");
        assertThat(new Advice(EntryPoint.EMBEDDED).set("backup", "affected")).isEqualTo("Migrator.builder().backupMode(BackupMode.AFFECTED)");
        assertThat(new Advice(EntryPoint.SPRING_BOOT).set("backupDir", "/var/backups")).isEqualTo("plccoach.backup-dir=/var/backups");
    }

    private Migrator migrator() {
        return Migrator.builder().url(db.url()).scripts(ScriptSource.directory(scripts)).backupDir(backups).build();
    }
}
