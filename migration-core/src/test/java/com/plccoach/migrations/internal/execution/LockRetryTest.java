package com.plccoach.migrations.internal.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.MigrationResult;
import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.ScriptFailedException;
import com.plccoach.migrations.ScriptSource;
import com.plccoach.migrations.testing.RevisionFiles;
import com.plccoach.migrations.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** lock_timeout strikes while another session holds ACCESS SHARE on the table a revision alters. */
class LockRetryTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path scripts;

    private RevisionFiles files;

    @BeforeEach
    void revisions() throws IOException, SQLException {
        db.recreate();
        files = RevisionFiles.in(scripts);
        files.write("001", "base", "CREATE TABLE messages (id bigint PRIMARY KEY);", "SELECT 1;");
        files.write("002", "001", "ALTER TABLE messages ADD COLUMN score int;", "SELECT 1;");
        migrator(0).upgrade("001");
    }

    @Test
    void the_upgrade_succeeds_on_a_retry_once_the_holder_lets_go_and_the_log_names_the_holder() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        try (Connection holder = holdAccessShare()) {
            CompletableFuture<Void> release = CompletableFuture.runAsync(() -> rollback(holder),
                    CompletableFuture.delayedExecutor(3, TimeUnit.SECONDS));
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            MigrationResult result;
            try {
                result = migrator(3).upgrade("head");
            } finally {
                System.setErr(stderr);
            }
            release.join();

            assertThat(result.steps()).extracting(MigrationResult.Step::revision).containsExactly("002");
        }
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("lock_timeout struck revision(s) [002] (try 1 of 4): the lock is held"
                + " by pid ").contains("(application 'dashboard report', transaction open for ").contains("query: LOCK TABLE messages"
                + " IN ACCESS SHARE MODE)").contains("rolled back, trying again in ");
        assertThat(db.query("SELECT count(*) FROM information_schema.columns WHERE table_name = 'messages' AND column_name = 'score'"))
                .containsExactly("1");
    }

    @Test
    void with_a_transaction_per_revision_only_the_revision_that_timed_out_runs_again() throws Exception {
        files.write("002", "001", "CREATE TABLE tags (id bigint PRIMARY KEY);", "SELECT 1;");
        files.write("003", "002", "ALTER TABLE messages ADD COLUMN score int;", "SELECT 1;");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        try (Connection holder = holdAccessShare()) {
            CompletableFuture<Void> release = CompletableFuture.runAsync(() -> rollback(holder),
                    CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS));
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            try {
                Migrator.builder().url(db.url()).scripts(ScriptSource.directory(scripts)).lockTimeout(Duration.ofSeconds(1))
                        .transactionPerRevision(true).build().upgrade("head");
            } finally {
                System.setErr(stderr);
            }
            release.join();
        }
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("lock_timeout struck revision(s) [003] (try 1 of 4)")
                .doesNotContain("revision(s) [002");
        assertThat(db.query("SELECT id FROM plccoach_version ORDER BY id")).containsExactly("001", "002", "003");
    }

    @Test
    void without_retries_the_failure_names_the_holder_and_changes_nothing() throws Exception {
        try (Connection holder = holdAccessShare()) {
            int pid = Integer.parseInt(db.query("SELECT pid FROM pg_stat_activity WHERE application_name = 'dashboard report'").get(0));

            assertThatThrownBy(() -> migrator(0).upgrade("head"))
                    .isInstanceOf(ScriptFailedException.class)
                    .hasMessageContaining("ERROR: canceling statement due to lock timeout (SQLSTATE 55P03)")
                    .hasMessageContaining("Not retried (plccoach.lockRetries=0); the lock is held by pid " + pid
                            + " (application 'dashboard report', transaction open for ")
                    .hasMessageContaining("End that session (SELECT pg_terminate_backend(" + pid + ")) or wait for it to finish,"
                            + " then rerun. More tries: Migrator.builder().lockRetries(...).");
            rollback(holder);
        }
        assertThat(db.query("SELECT id FROM plccoach_version")).containsExactly("001");
        assertThat(db.query("SELECT count(*) FROM information_schema.columns WHERE table_name = 'messages'")).containsExactly("1");
    }

    @Test
    void pauses_grow_with_each_try_within_a_quarter_either_way() {
        for (int i = 0; i < 50; i++) {
            assertThat(LockRetry.pauseMillis(1)).isBetween(375L, 625L);
            assertThat(LockRetry.pauseMillis(3)).isBetween(1500L, 2500L);
            assertThat(LockRetry.pauseMillis(30)).isBetween(22_500L, 37_500L);
        }
    }

    private Connection holdAccessShare() throws SQLException {
        Connection holder = db.connect();
        try (Statement st = holder.createStatement()) {
            st.execute("SET application_name = 'dashboard report'");
            holder.setAutoCommit(false);
            st.execute("LOCK TABLE messages IN ACCESS SHARE MODE");
        }
        return holder;
    }

    private static void rollback(Connection holder) {
        try {
            holder.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Migrator migrator(int lockRetries) {
        return Migrator.builder().url(db.url()).scripts(ScriptSource.directory(scripts)).lockTimeout(Duration.ofSeconds(1))
                .lockRetries(lockRetries).build();
    }
}
