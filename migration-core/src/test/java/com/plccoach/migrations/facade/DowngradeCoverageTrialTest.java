package com.plccoach.migrations.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.BackupMode;
import com.plccoach.migrations.DataLossException;
import com.plccoach.migrations.MigrationResult;
import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.ScriptSource;
import com.plccoach.migrations.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's trial: a downgrade whose first reverted revision is transactional: false, with writers
 * inserting into the table it drops. Run whole, it is refused (the backup could not cover the drop)
 * and changes nothing; run in the steps the refusal names, every row a writer saw committed is in the
 * archive. Neither leaves a password file or lists an incomplete archive.
 */
class DowngradeCoverageTrialTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path dir;

    @Test
    void with_writers_running_the_uncovered_downgrade_is_refused_and_the_stepwise_one_archives_every_committed_row() throws Exception {
        for (BackupMode mode : List.of(BackupMode.FULL, BackupMode.AFFECTED)) {
            db.recreate();
            Migrator migrator = migrator(mode);
            migrator.upgrade("head");
            Set<Long> committed = ConcurrentHashMap.newKeySet();
            ExecutorService writers = Executors.newFixedThreadPool(3);
            CountDownLatch warmedUp = new CountDownLatch(3);
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int w = 0; w < 3; w++) {
                    long first = w * 1_000_000L;
                    running.add(writers.submit(() -> write(first, committed, warmedUp)));
                }
                assertThat(warmedUp.await(30, TimeUnit.SECONDS)).isTrue();

                assertThatThrownBy(() -> migrator.downgrade("base")).isInstanceOf(DataLossException.class)
                        .hasMessageContaining("would destroy [table public.victim by revision v1 line");
                assertThat(db.query("SELECT string_agg(id, ',' ORDER BY id) FROM plccoach_version")).as("%s", mode).containsExactly("v1,v2");
                assertThat(listedArchives(mode)).as("%s: nothing listed after the refusal", mode).isEmpty();

                migrator.downgrade("v1");
                MigrationResult dropped = migrator.downgrade("base");
                for (Future<?> f : running) {
                    f.get(30, TimeUnit.SECONDS);
                }

                Set<Long> archived = archivedIds(dropped.backup(), dir.resolve("revisions-" + mode));
                assertThat(committed).as("%s: rows committed", mode).hasSizeGreaterThan(30);
                assertThat(archived).as("%s archive", mode).containsAll(committed);
                assertThat(ourPasswordFiles()).as("%s: password files left", mode).isEmpty();
                System.err.printf("DowngradeCoverageTrialTest %s: whole downgrade refused, nothing changed; stepwise: %d rows committed "
                        + "by 3 writers, %d in the archive, none missing%n", mode, committed.size(), archived.size());
                assertThat(listedArchives(mode)).as("%s: listed archives", mode).allSatisfy(a -> assertThat(Files.size(a)).isPositive());
            } finally {
                writers.shutdownNow();
            }
        }
    }

    private Migrator migrator(BackupMode mode) throws IOException {
        Path scripts = Files.createDirectories(dir.resolve("revisions-" + mode));
        Files.writeString(scripts.resolve("v1.sql"), """
                -- revision: v1
                -- down_revision: base
                -- message: victim
                CREATE TABLE victim (id bigint PRIMARY KEY, payload text);
                -- //@UNDO
                DROP TABLE victim;
                """);
        Files.writeString(scripts.resolve("v2.sql"), """
                -- revision: v2
                -- down_revision: v1
                -- message: victim index
                -- transactional: false
                CREATE INDEX CONCURRENTLY victim_payload ON victim (payload);
                -- //@UNDO
                DROP INDEX CONCURRENTLY victim_payload;
                """);
        // a password (trust ignores it) so that pg_dump gets a password file to clean up
        return Migrator.builder().url(db.url()).password("not-needed-but-written").scripts(ScriptSource.directory(scripts))
                .allowDataLoss(true).backupMode(mode).backupDir(dir.resolve("backups-" + mode)).lockTimeout(java.time.Duration.ofSeconds(30))
                .build();
    }

    private static void write(long first, Set<Long> committed, CountDownLatch warmedUp) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO victim VALUES (?, 'x')")) {
            for (long id = first; ; id++) {
                ps.setLong(1, id);
                ps.executeUpdate();
                committed.add(id);
                if (id - first == 10) {
                    warmedUp.countDown();
                }
            }
        } catch (SQLException e) {
            warmedUp.countDown(); // the table is gone: this insert was never committed
        }
    }

    private Set<Long> archivedIds(Path archive, Path scripts) throws SQLException {
        String scratch = db.createScratch("coverage");
        try {
            String url = db.server().urlFor(scratch);
            Migrator.builder().url(url).scripts(ScriptSource.directory(scripts)).backupDir(dir.resolve("backups")).build().restore(archive);
            Set<Long> ids = new HashSet<>();
            try (Connection target = db.server().connect(url); Statement s = target.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id FROM victim")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        } finally {
            db.drop(scratch);
        }
    }

    private List<Path> listedArchives(BackupMode mode) throws IOException {
        Path backups = dir.resolve("backups-" + mode);
        if (!Files.exists(backups)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(backups)) {
            return files.filter(p -> p.toString().endsWith(".dump") || p.toString().endsWith(".columns")).toList();
        }
    }

    private static List<Path> ourPasswordFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("plccoach-pid" + ProcessHandle.current().pid() + "-")).toList();
        }
    }
}
