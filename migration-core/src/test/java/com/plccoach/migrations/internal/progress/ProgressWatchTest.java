package com.plccoach.migrations.internal.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;

/** The watcher reads a real backend from a second connection while the first is busy. */
class ProgressWatchTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final Duration SOON = Duration.ofMillis(200);

    @BeforeEach
    void table() throws SQLException {
        db.recreate();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE messages (id bigint PRIMARY KEY)");
        }
    }

    @Test
    void a_revision_waiting_for_a_table_lock_is_announced_and_its_progress_names_the_lock_and_the_holders_pid() throws Exception {
        String log;
        int holderPid;
        try (Connection holder = db.connect(); Connection run = db.connect(); Statement st = run.createStatement()) {
            holderPid = pid(holder);
            try (Statement h = holder.createStatement()) {
                h.execute("SET application_name = 'nightly report'");
                holder.setAutoCommit(false);
                h.execute("LOCK TABLE messages IN ACCESS EXCLUSIVE MODE");
            }
            st.execute("SET lock_timeout = '2s'");
            log = captured(() -> {
                try (ProgressWatch watch = new ProgressWatch(ProgressWatchTest::connect, pid(run), 3, false, SOON, SOON)) {
                    watch.started("Applying", "002 (add score)", 2);
                    assertThatThrownBy(() -> st.execute("ALTER TABLE messages ADD COLUMN score int")).isInstanceOf(SQLException.class);
                    watch.stopped();
                }
                return null;
            });
            holder.rollback();
        }

        assertThat(log).contains("Applying 2/3 002 (add score) ...")
                .contains("Still applying 2/3 002 (add score) after ")
                .contains("waiting for AccessExclusiveLock on messages held by pid " + holderPid
                        + " (application 'nightly report', transaction open for ")
                .contains("query: LOCK TABLE messages IN ACCESS EXCLUSIVE MODE); running ALTER TABLE messages ADD COLUMN score int");
        assertThat(log.indexOf("Applying 2/3")).isLessThan(log.indexOf("Still applying 2/3"));
    }

    @Test
    void an_index_build_waiting_for_writers_reports_its_phase_from_pg_stat_progress_create_index() throws Exception {
        String log;
        try (Connection writer = db.connect(); Connection run = db.connect(); Statement st = run.createStatement()) {
            try (Statement w = writer.createStatement()) {
                writer.setAutoCommit(false);
                w.execute("INSERT INTO messages VALUES (1)");
            }
            // CREATE INDEX CONCURRENTLY waits for the open writer; the writer commits once the watcher has seen the wait
            java.util.concurrent.CompletableFuture<Void> commit = java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    writer.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }, java.util.concurrent.CompletableFuture.delayedExecutor(1500, java.util.concurrent.TimeUnit.MILLISECONDS));
            log = captured(() -> {
                try (ProgressWatch watch = new ProgressWatch(ProgressWatchTest::connect, pid(run), 1, false, SOON, SOON)) {
                    watch.started("Applying", "004 (index)", 1);
                    st.execute("CREATE INDEX CONCURRENTLY messages_id_idx ON messages (id)");
                    watch.finished("Applied", "004 (index)", 1, 1500, "");
                }
                return null;
            });
            commit.join();
        }

        assertThat(log).contains("Still applying 1/1 004 (index) after ")
                .contains(": building the index: waiting for writers before build")
                .contains("running CREATE INDEX CONCURRENTLY messages_id_idx ON messages (id)");
    }

    @Test
    void a_quick_revision_gets_one_line_with_its_position_and_duration_and_no_announcement() throws Exception {
        String log = captured(() -> {
            try (ProgressWatch watch = new ProgressWatch(ProgressWatchTest::connect, 0, 10, false)) {
                watch.started("Applying", "003 (tags)", 3);
                watch.finished("Applied", "003 (tags)", 3, 4, "");
            }
            return null;
        });

        assertThat(log.lines().toList()).singleElement().asString().endsWith("Applied 3/10 003 (tags) in 4 ms");
    }

    @Test
    void a_revision_tried_again_after_a_lock_timeout_is_announced_again_and_its_first_try_is_not_reported_after_it_stopped()
            throws Exception {
        String log = captured(() -> {
            try (ProgressWatch watch = new ProgressWatch(null, 0, 2, false, SOON, Duration.ofSeconds(30))) {
                watch.started("Applying", "002 (score)", 2);
                Thread.sleep(900);
                watch.stopped();
                Thread.sleep(900);
                watch.started("Applying", "002 (score)", 2);
                Thread.sleep(900);
                watch.finished("Applied", "002 (score)", 2, 600, "");
            }
            return null;
        });

        assertThat(log.lines().toList()).hasSize(5).filteredOn(line -> line.endsWith("Applying 2/2 002 (score) ...")).hasSize(2);
        assertThat(log.lines().toList()).filteredOn(line -> line.contains("Still applying")).hasSize(2);
        assertThat(log).endsWith("Applied 2/2 002 (score) in 600 ms\n");
    }

    @Test
    void a_quiet_watch_of_a_scratch_run_writes_nothing_at_info() throws Exception {
        String log = captured(() -> {
            try (ProgressWatch watch = new ProgressWatch(ProgressWatchTest::connect, 0, 1, true, SOON, SOON)) {
                watch.started("Applying", "001 (base)", 1);
                Thread.sleep(600);
                watch.finished("Applied", "001 (base)", 1, 600, "");
            }
            return null;
        });

        assertThat(log).isEmpty();
    }

    @Test
    void a_slow_statement_without_a_second_connection_is_reported_with_its_time_only() throws Exception {
        String log = captured(() -> {
            try (ProgressWatch watch = new ProgressWatch(null, 0, 1, false, SOON, SOON); Connection c = db.connect();
                 Statement st = c.createStatement()) {
                watch.started("Analysing", "001", 1);
                st.execute("SELECT pg_sleep(1)");
                watch.stopped();
            }
            return null;
        });

        assertThat(log).contains("Analysing 1/1 001 ...").containsPattern("Still analysing 1/1 001 after \\d+ s\\n");
    }

    private static Connection connect() {
        try {
            return db.connect();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int pid(Connection connection) throws SQLException {
        return connection.unwrap(PGConnection.class).getBackendPID();
    }

    private static String captured(Callable<Void> work) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            work.call();
        } finally {
            System.setErr(stderr);
        }
        return log.toString(StandardCharsets.UTF_8);
    }
}
