package com.plccoach.migrations.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.BackupMode;
import com.plccoach.migrations.DataLossException;
import com.plccoach.migrations.MigrationResult;
import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.ScriptFailedException;
import com.plccoach.migrations.ScriptSource;
import com.plccoach.migrations.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 11's repro: a reader holds ACCESS SHARE on the table a downgrade drops, longer than an
 * analysis would wait. What the guard cannot see is never safe: the downgrade refuses, or waits and
 * drops only what its backup holds, or fails naming the reader. Never a drop without its backup.
 */
class ReaderRaceTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path dir;

    private Path scripts;

    @BeforeEach
    void victimWithRows() throws IOException, SQLException {
        db.recreate();
        scripts = Files.createDirectories(dir.resolve("revisions"));
        Files.writeString(scripts.resolve("b0.sql"), "-- revision: b0\n-- down_revision: base\n\nCREATE TABLE base_t (id int);\n\n"
                + "-- //@UNDO\n\nDROP TABLE base_t;\n");
        Files.writeString(scripts.resolve("b1.sql"), "-- revision: b1\n-- down_revision: b0\n\nCREATE TABLE victim (id int PRIMARY KEY);\n"
                + "INSERT INTO victim SELECT generate_series(1, 1000);\n\n-- //@UNDO\n\nDROP TABLE victim;\n");
        migrator(BackupMode.AFFECTED, false, Duration.ofSeconds(10)).upgrade("head");
    }

    private Migrator migrator(BackupMode backup, boolean allowDataLoss, Duration lockTimeout) {
        return Migrator.builder().url(db.url()).scripts(ScriptSource.directory(scripts)).backupDir(dir.resolve("backups"))
                .backupMode(backup).allowDataLoss(allowDataLoss).lockTimeout(lockTimeout).build();
    }

    private static Connection reading() throws SQLException {
        return idleInTransactionAfter("SELECT count(*) FROM victim");
    }

    /** A session that ran one statement in a transaction it leaves open, keeping that statement's lock. */
    private static Connection idleInTransactionAfter(String sql) throws SQLException {
        Connection session = db.connect();
        session.setAutoCommit(false);
        try (Statement st = session.createStatement()) {
            st.execute(sql);
        }
        return session;
    }

    @Test
    void without_allow_data_loss_the_downgrade_refuses_with_the_rows_it_would_drop_while_the_reader_reads() throws SQLException {
        try (Connection reader = reading()) {
            assertThatThrownBy(() -> migrator(BackupMode.AFFECTED, false, Duration.ofSeconds(1)).downgrade("b0"))
                    .isInstanceOf(DataLossException.class)
                    .hasMessageContaining("table public.victim (1000 row(s)) dropped by revision b1");
            reader.rollback();
        }
        assertThat(db.query("SELECT count(*) FROM victim")).containsExactly("1000");
    }

    @Test
    void a_reader_holding_on_past_lock_timeout_fails_the_downgrade_naming_it_and_nothing_is_dropped() throws SQLException {
        try (Connection reader = reading()) {
            int pid = Integer.parseInt(db.query("SELECT pid FROM pg_stat_activity WHERE state = 'idle in transaction' "
                    + "AND query = 'SELECT count(*) FROM victim'").get(0));
            assertThatThrownBy(() -> migrator(BackupMode.AFFECTED, true, Duration.ofSeconds(1)).downgrade("b0"))
                    .isInstanceOf(ScriptFailedException.class)
                    .hasMessageContaining("DROP TABLE victim")
                    .hasMessageContaining("held by pid " + pid + " ")
                    .hasMessageContaining("Nothing of this run was applied");
            reader.rollback();
        }
        assertThat(db.query("SELECT count(*) FROM victim")).containsExactly("1000");
        assertThat(db.query("SELECT string_agg(id, ',' ORDER BY id) FROM plccoach_version")).containsExactly("b0,b1");
    }

    @ParameterizedTest
    @EnumSource(value = BackupMode.class, names = {"AFFECTED", "FULL"})
    void when_the_reader_ends_in_time_every_row_committed_before_the_drop_is_in_the_backup(BackupMode mode) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger committed = new AtomicInteger();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                for (int id = 1001; !stop.get(); id++) {
                    st.execute("INSERT INTO victim VALUES (" + id + ")");
                    committed.incrementAndGet();
                }
            } catch (SQLException dropped) {
                // the table is gone: the writer is done
            }
        });
        MigrationResult result;
        try (Connection reader = reading()) {
            CompletableFuture<Void> ends = CompletableFuture.runAsync(() -> sleepThenRollback(reader));
            result = migrator(mode, true, Duration.ofSeconds(20)).downgrade("b0");
            ends.join();
        } finally {
            stop.set(true);
            writer.join();
        }

        assertThat(db.query("SELECT count(*) FROM pg_class WHERE relname = 'victim'")).containsExactly("0");
        assertThat(rowsInArchive(result.backup())).isEqualTo(1000 + committed.get());
    }

    @Test
    void an_unfiltered_delete_that_waits_for_a_share_lock_then_refuses_with_the_rows_it_deleted() throws Exception {
        deleteEveryVictim();
        try (Connection holder = holdingShareLock()) {
            CompletableFuture<Void> ends = CompletableFuture.runAsync(() -> sleepThenRollback(holder));
            assertThatThrownBy(() -> migrator(BackupMode.AFFECTED, false, Duration.ofSeconds(20)).upgrade("head"))
                    .isInstanceOf(DataLossException.class)
                    .hasMessageContaining("table public.victim (1000 row(s)) deleted by a DELETE without WHERE by revision b2");
            ends.join();
        }
        assertThat(db.query("SELECT count(*) FROM victim")).containsExactly("1000");
        assertThat(db.query("SELECT string_agg(id, ',' ORDER BY id) FROM plccoach_version")).containsExactly("b0,b1");
    }

    @Test
    void an_unfiltered_delete_whose_share_lock_holder_outlasts_lock_timeout_fails_naming_it_and_deletes_nothing() throws Exception {
        deleteEveryVictim();
        try (Connection holder = holdingShareLock()) {
            int pid = Integer.parseInt(db.query("SELECT pid FROM pg_stat_activity WHERE state = 'idle in transaction' "
                    + "AND query = 'LOCK TABLE victim IN SHARE MODE'").get(0));
            assertThatThrownBy(() -> migrator(BackupMode.AFFECTED, true, Duration.ofSeconds(1)).upgrade("head"))
                    .isInstanceOf(ScriptFailedException.class)
                    .hasMessageContaining("DELETE FROM victim")
                    .hasMessageContaining("held by pid " + pid + " ");
            holder.rollback();
        }
        assertThat(db.query("SELECT count(*) FROM victim")).containsExactly("1000");
    }

    private void deleteEveryVictim() throws IOException {
        Files.writeString(scripts.resolve("b2.sql"), "-- revision: b2\n-- down_revision: b1\n\nDELETE FROM victim;\n\n"
                + "-- //@UNDO\n\nSELECT 1;\n");
    }

    /** A session that blocks writers (SHARE conflicts with the DELETE's ROW EXCLUSIVE) and sits idle in its transaction. */
    private static Connection holdingShareLock() throws SQLException {
        return idleInTransactionAfter("LOCK TABLE victim IN SHARE MODE");
    }

    private static void sleepThenRollback(Connection reader) {
        try {
            Thread.sleep(1500);
            reader.rollback();
        } catch (InterruptedException | SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rows of victim pg_restore reads back from the archive. */
    private static long rowsInArchive(Path archive) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("pg_restore", "--data-only", "--table=victim", "-f", "-", archive.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        String data = out.substring(out.indexOf("FROM stdin;\n") + "FROM stdin;\n".length(), out.indexOf("\n\\."));
        return data.lines().count();
    }
}
