package com.plccoach.migrations.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.plccoach.migrations.Advice;
import com.plccoach.migrations.DataLossException;
import com.plccoach.migrations.Direction;
import com.plccoach.migrations.EntryPoint;
import com.plccoach.migrations.EnvironmentException;
import com.plccoach.migrations.IrreversibleRevisionException;
import com.plccoach.migrations.LockUnavailableException;
import com.plccoach.migrations.MigrationException;
import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.ScriptFailedException;
import com.plccoach.migrations.ScriptSource;
import com.plccoach.migrations.TargetException;
import com.plccoach.migrations.ValidationException;
import com.plccoach.migrations.internal.execution.MigrationLock;
import com.plccoach.migrations.testing.RevisionFiles;
import com.plccoach.migrations.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failures a service meets through {@code Migrator.builder()} name builder methods and migrator calls, never
 * Maven syntax; the same failures from the plugin's entry point read Maven's; and one failure reads the same
 * whichever command met it.
 */
class EntryPointMessagesTest {

    private static final String MAVEN_SYNTAX = EmbeddedMessagesTest.MAVEN_SYNTAX;

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path dir;

    private Path scripts;
    private RevisionFiles files;
    private Path backups;

    @BeforeEach
    void usersIn001() throws Exception {
        db.recreate();
        scripts = dir.resolve("revisions");
        files = RevisionFiles.in(scripts);
        backups = Files.createDirectories(dir.resolve("backups"));
        files.write("001", "base", "CREATE TABLE users (id bigint PRIMARY KEY);", "DROP TABLE users;");
    }

    @Test
    void aLockHeldByAnotherRunnerNamesTheLockWaitBuilderMethod() throws Exception {
        try (Connection holder = db.connect()) {
            new MigrationLock("public", Advice.EMBEDDED).acquire(holder, Duration.ofSeconds(5));

            assertThatThrownBy(() -> embedded().lockWait(Duration.ofMillis(300)).build().upgrade("head"))
                    .isInstanceOf(LockUnavailableException.class)
                    .hasMessageContaining("Wait for it to finish and rerun, raise Migrator.builder().lockWait(...), or")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotMatch(MAVEN_SYNTAX));
        }
    }

    @Test
    void aLockTimeoutNamesTheLockTimeoutAndLockRetriesBuilderMethodsAndTheUpgradeCall() throws Exception {
        embedded().build().upgrade("head");
        files.write("002", "001", "ALTER TABLE users ADD COLUMN name text;", "ALTER TABLE users DROP COLUMN name;");
        try (Connection reader = db.connect(); Statement st = reader.createStatement()) {
            reader.setAutoCommit(false);
            st.execute("LOCK TABLE users IN ACCESS SHARE MODE");

            assertThatThrownBy(() -> embedded().lockTimeout(Duration.ofSeconds(1)).build().upgrade("head"))
                    .isInstanceOf(ScriptFailedException.class)
                    .hasMessageContaining("or raise Migrator.builder().lockTimeout(...)")
                    .hasMessageContaining("and rerun `migrator.upgrade(\"head\")`.")
                    .hasMessageEndingWith("More tries: Migrator.builder().lockRetries(...).")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotMatch(MAVEN_SYNTAX));
            reader.rollback();
        }
    }

    @Test
    void aFailingStatementNamesTheFileToFixAndTheUpgradeCallToRerun() throws Exception {
        files.write("002", "001", "INSERT INTO nowhere VALUES (1);", "SELECT 1;");

        assertThatThrownBy(() -> embedded().build().upgrade("head"))
                .isInstanceOf(ScriptFailedException.class)
                .hasMessageEndingWith("Fix the statement in " + scripts.resolve("002.sql") + " and rerun `migrator.upgrade(\"head\")`.")
                .satisfies(e -> assertThat(e.getMessage()).doesNotMatch(MAVEN_SYNTAX));
    }

    @Test
    void anIrreversibleDowngradeNamesTheStampCall() throws Exception {
        irreversible002();
        Migrator migrator = embedded().build();
        migrator.upgrade("head");

        assertThatThrownBy(() -> migrator.downgrade("base"))
                .isInstanceOf(IrreversibleRevisionException.class)
                .hasMessageEndingWith("(if you reverted it by hand, record that with `migrator.stamp(\"<revision>\", false)`).")
                .satisfies(e -> assertThat(e.getMessage()).doesNotMatch(MAVEN_SYNTAX));
    }

    @Test
    void refusedDataLossNamesTheAllowDataLossBuilderMethod() throws Exception {
        usersWithARowThenDropped();

        assertThatThrownBy(() -> embedded().build().upgrade("head"))
                .isInstanceOf(DataLossException.class)
                .hasMessageEndingWith("Save what you need, then run again with Migrator.builder().allowDataLoss(true) to accept the loss.")
                .satisfies(e -> assertThat(e.getMessage()).doesNotMatch(MAVEN_SYNTAX));
    }

    @Test
    void checksumDriftNamesTheStampCall() throws Exception {
        Migrator migrator = embedded().build();
        migrator.upgrade("head");
        files.write("001", "base", "CREATE TABLE users (id bigint PRIMARY KEY, name text);", "DROP TABLE users;");

        assertThatThrownBy(() -> migrator.upgrade("head"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("record it with `migrator.stamp(\"001\", false)`. To change an applied schema, write a new revision.")
                .satisfies(e -> assertThat(e.getMessage()).doesNotMatch(MAVEN_SYNTAX));
    }

    @Test
    void anAppliedRevisionWithoutAFileNamesTheStampCallWithPurge() throws Exception {
        Migrator migrator = embedded().build();
        migrator.upgrade("head");
        Files.delete(scripts.resolve("001.sql"));
        files.write("r2", "base", "CREATE TABLE r2 (id int);", "DROP TABLE r2;");

        assertThatThrownBy(() -> migrator.upgrade("head"))
                .isInstanceOf(ValidationException.class)
                .hasMessageEndingWith("rebuild the state from the files with `migrator.stamp(\"base\", true)`.")
                .satisfies(e -> assertThat(e.getMessage()).doesNotMatch(MAVEN_SYNTAX));
    }

    @Test
    void severalHeadsForANewRevisionNameTheNewRevisionAndMergeCalls() throws Exception {
        files.write("a2", "001", "CREATE TABLE a2 (id int);", "DROP TABLE a2;");
        files.write("b2", "001", "CREATE TABLE b2 (id int);", "DROP TABLE b2;");

        assertThatThrownBy(() -> embedded().build().newRevision("next", null, null, null))
                .isInstanceOf(TargetException.class)
                .hasMessage("the graph has 2 heads (a2, b2), so the new revision's parent is not obvious: join them with"
                        + " `migrator.merge(heads, message)`, or give the parent: `migrator.newRevision(message, \"a2\", branchLabel, id)`");
    }

    @Test
    void aDowngradeTheBackupCannotCoverNamesTheDowngradeCallForTheFirstStep() throws Exception {
        files.write("002", "001", "CREATE TABLE t2 (id int);", "DROP TABLE t2;");
        files.write("003", "002", "CREATE TABLE t3 (id int);", "DROP TABLE t3;");
        Migrator migrator = embedded().allowDataLoss(true).transactionPerRevision(true).build();
        migrator.upgrade("head");

        assertThatThrownBy(() -> migrator.downgrade("001"))
                .isInstanceOf(DataLossException.class)
                .hasMessageContaining("Downgrade in steps, first with `migrator.downgrade(\"002\")` and then on, or run without"
                        + " Migrator.builder().transactionPerRevision(true),")
                .hasMessageEndingWith("run it with Migrator.builder().backupMode(BackupMode.NONE). Nothing was changed.")
                .satisfies(e -> assertThat(e.getMessage()).doesNotMatch(MAVEN_SYNTAX));
    }

    @Test
    void aDirectoryWithoutAnArchiveIsTheUsersToFixAndNamesTheRestoreCall() {
        assertThatThrownBy(() -> embedded().build().backupArchive(backups))
                .isInstanceOf(MigrationException.class)
                .isNotInstanceOf(EnvironmentException.class)
                .hasMessage("No backup archive in " + backups + ": give the archive the downgrade printed, as in"
                        + " `migrator.restore(archive)`");
    }

    @Test
    void anUnknownTargetNamesNoMavenGoal() {
        assertThatThrownBy(() -> embedded().build().upgrade("zz"))
                .isInstanceOf(TargetException.class)
                .hasMessage("unknown revision 'zz': no revision id is or starts with it, and no branch label is named so;"
                        + " the history lists the revisions");
    }

    @Test
    void fromMavenRefusedDataLossNamesTheProperty() throws Exception {
        usersWithARowThenDropped();

        assertThatThrownBy(() -> embedded().entryPoint(EntryPoint.MAVEN).build().upgrade("head"))
                .isInstanceOf(DataLossException.class)
                .hasMessageEndingWith("Save what you need, then run again with -Dplccoach.allowDataLoss=true to accept the loss.");
    }

    @Test
    void fromSpringBootRefusedDataLossNamesTheProperty() throws Exception {
        usersWithARowThenDropped();

        assertThatThrownBy(() -> embedded().entryPoint(EntryPoint.SPRING_BOOT).build().upgrade("head"))
                .isInstanceOf(DataLossException.class)
                .hasMessageEndingWith("Save what you need, then run again with plccoach.allow-data-loss=true to accept the loss.");
    }

    @Test
    void fromMavenAnIrreversibleDowngradeNamesTheStampGoal() throws Exception {
        irreversible002();
        Migrator migrator = embedded().entryPoint(EntryPoint.MAVEN).build();
        migrator.upgrade("head");

        assertThatThrownBy(() -> migrator.downgrade("base"))
                .isInstanceOf(IrreversibleRevisionException.class)
                .hasMessageEndingWith("(if you reverted it by hand, record that with `mvn plccoach:stamp -Dplccoach.target=<revision>`).");
    }

    @Test
    void fromMavenAFailingStatementNamesTheUpgradeGoalToRerun() throws Exception {
        files.write("002", "001", "INSERT INTO nowhere VALUES (1);", "SELECT 1;");

        assertThatThrownBy(() -> embedded().entryPoint(EntryPoint.MAVEN).build().upgrade("head"))
                .isInstanceOf(ScriptFailedException.class)
                .hasMessageEndingWith(" and rerun `mvn plccoach:upgrade -Dplccoach.target=head`.");
    }

    @Test
    void fromMavenChecksumDriftNamesTheStampGoal() throws Exception {
        Migrator migrator = embedded().entryPoint(EntryPoint.MAVEN).build();
        migrator.upgrade("head");
        files.write("001", "base", "CREATE TABLE users (id bigint PRIMARY KEY, name text);", "DROP TABLE users;");

        assertThatThrownBy(() -> migrator.upgrade("head"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("record it with `mvn plccoach:stamp -Dplccoach.target=001`.");
    }

    @Test
    void anIrreversibleDowngradeReadsTheSameFromDowngradeAndPlan() throws Exception {
        irreversible002();
        Migrator migrator = embedded().build();
        migrator.upgrade("head");

        String fromDowngrade = catchThrowable(() -> migrator.downgrade("base")).getMessage();
        String fromPlan = catchThrowable(() -> migrator.plan(Direction.DOWNGRADE, "base")).getMessage();

        assertThat(fromPlan).isEqualTo(fromDowngrade).startsWith("Cannot downgrade to base: revision 002");
    }

    @Test
    void checksumDriftReadsTheSameFromUpgradeDowngradeAndPlan() throws Exception {
        Migrator migrator = embedded().build();
        migrator.upgrade("head");
        files.write("001", "base", "CREATE TABLE users (id bigint PRIMARY KEY, name text);", "DROP TABLE users;");

        String fromUpgrade = catchThrowable(() -> migrator.upgrade("head")).getMessage();

        assertThat(fromUpgrade).startsWith("Nothing was run: Revision 001 (");
        assertThat(catchThrowable(() -> migrator.downgrade("base"))).hasMessage(fromUpgrade);
        assertThat(catchThrowable(() -> migrator.plan("head"))).hasMessage(fromUpgrade);
    }

    @Test
    void anUnknownTargetReadsTheSameFromUpgradeDowngradeStampAndPlan() {
        Migrator migrator = embedded().build();

        String fromUpgrade = catchThrowable(() -> migrator.upgrade("zz")).getMessage();

        assertThat(fromUpgrade).startsWith("unknown revision 'zz'");
        assertThat(catchThrowable(() -> migrator.downgrade("zz"))).hasMessage(fromUpgrade);
        assertThat(catchThrowable(() -> migrator.stamp("zz", false))).hasMessage(fromUpgrade);
        assertThat(catchThrowable(() -> migrator.plan("zz"))).hasMessage(fromUpgrade);
    }

    @Test
    void refusedDataLossReadsTheSameFromUpgradeAndPlan() throws Exception {
        usersWithARowThenDropped();
        Migrator migrator = embedded().build();

        String fromUpgrade = catchThrowable(() -> migrator.upgrade("head")).getMessage();

        assertThat(fromUpgrade).isEqualTo("Refused: " + migrator.plan("head").refusal() + ".");
    }

    @Test
    void adviceWordsAGoalWithArgumentsForEachEntryPoint() {
        assertThat(new Advice(EntryPoint.MAVEN).run("stamp", "target", "001", "purge", "true"))
                .isEqualTo("`mvn plccoach:stamp -Dplccoach.target=001 -Dplccoach.purge=true`");
        assertThat(new Advice(EntryPoint.MAVEN).run("stamp", "target", "001", "purge", "false"))
                .isEqualTo("`mvn plccoach:stamp -Dplccoach.target=001`");
        assertThat(new Advice(EntryPoint.EMBEDDED).run("stamp", "target", "001", "purge", "true"))
                .isEqualTo("`migrator.stamp(\"001\", true)`");
        assertThat(new Advice(EntryPoint.SPRING_BOOT).run("downgrade", "target", "002"))
                .isEqualTo("`migrator.downgrade(\"002\")`");
    }

    private Migrator.Builder embedded() {
        return Migrator.builder().url(db.url()).scripts(ScriptSource.directory(scripts)).backupDir(backups);
    }

    private void irreversible002() throws Exception {
        files.write("002", "001", "CREATE TABLE once (id int);", null);
    }

    /** 001 applied with a row in users; 002, pending, drops users. */
    private void usersWithARowThenDropped() throws Exception {
        embedded().build().upgrade("head");
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO users VALUES (1)");
        }
        files.write("002", "001", "DROP TABLE users;", "CREATE TABLE users (id bigint PRIMARY KEY);");
    }
}
