package com.plccoach.migrations.internal.backup;

import static com.plccoach.migrations.internal.safety.Plans.exec;
import static com.plccoach.migrations.internal.safety.Plans.queryLong;
import static com.plccoach.migrations.internal.safety.Plans.revision;
import static org.assertj.core.api.Assertions.assertThat;

import com.plccoach.migrations.BackupMode;
import com.plccoach.migrations.Direction;
import com.plccoach.migrations.PlanReport;
import com.plccoach.migrations.internal.safety.ImpactAnalyzer;
import com.plccoach.migrations.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writers keep inserting while a downgrade backs up and drops their table: every row whose commit
 * a writer saw succeed must be in the archive; the others were never committed.
 */
class BackupConsistencyTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path backups;

    @Test
    void rows_committed_by_other_sessions_during_the_backup_are_in_the_archive_or_were_never_committed() throws Exception {
        for (BackupMode mode : List.of(BackupMode.AFFECTED, BackupMode.FULL)) {
            db.recreate();
            Set<Long> committed = ConcurrentHashMap.newKeySet();
            try (Connection downgrade = db.connect()) {
                exec(downgrade, "CREATE TABLE events (id bigint PRIMARY KEY, payload text)", "CREATE TABLE other (id int)",
                        "INSERT INTO other SELECT generate_series(1, 1000)");
                ExecutorService writers = Executors.newFixedThreadPool(3);
                CountDownLatch warmedUp = new CountDownLatch(3);
                try {
                    List<Future<?>> running = new java.util.ArrayList<>();
                    for (int w = 0; w < 3; w++) {
                        long first = w * 1_000_000L;
                        running.add(writers.submit(() -> write(first, committed, warmedUp)));
                    }
                    assertThat(warmedUp.await(30, TimeUnit.SECONDS)).isTrue();

                    PlanReport report = new ImpactAnalyzer().analyse(downgrade, Direction.DOWNGRADE, "001",
                            List.of(revision("002", "DROP TABLE events")));
                    downgrade.setAutoCommit(false);
                    BackupResult backup = new PgDumpBackup(new BackupSettings(mode, backups, "pg_dump", "pg_restore",
                            Duration.ofSeconds(30), Duration.ofMinutes(2), null)).take(downgrade, report, "downgrade_to_001").orElseThrow();
                    exec(downgrade, "DROP TABLE events");
                    downgrade.commit();
                    for (Future<?> f : running) {
                        f.get(30, TimeUnit.SECONDS);
                    }

                    Set<Long> archived = restoredIds(backup.archive());
                    assertThat(committed).as("rows committed in %s mode", mode).hasSizeGreaterThan(30);
                    assertThat(archived).as("%s archive", mode).containsAll(committed);
                    assertThat(committed).containsAll(archived);
                } finally {
                    writers.shutdownNow();
                }
            }
        }
    }

    /** Inserts one row per transaction until the table is gone; remembers each commit that succeeded. */
    private static void write(long first, Set<Long> committed, CountDownLatch warmedUp) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO events VALUES (?, 'x')")) {
            for (long id = first; ; id++) {
                ps.setLong(1, id);
                ps.executeUpdate();
                committed.add(id);
                if (id - first == 10) {
                    warmedUp.countDown();
                }
            }
        } catch (SQLException e) {
            // the downgrade dropped the table: this insert was never committed
            warmedUp.countDown();
        }
    }

    private Set<Long> restoredIds(Path archive) throws SQLException {
        String scratch = db.createScratch("consistency");
        try (Connection target = db.server().connect(db.server().urlFor(scratch))) {
            new Restorer(new BackupSettings(BackupMode.FULL, backups, "pg_dump", "pg_restore", Duration.ofSeconds(5),
                    Duration.ofMinutes(2), null)).restore(target, archive);
            Set<Long> ids = new HashSet<>();
            try (Statement s = target.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM events")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            assertThat(queryLong(target, "SELECT count(*) FROM events")).isEqualTo(ids.size());
            return ids;
        } finally {
            db.drop(scratch);
        }
    }
}
