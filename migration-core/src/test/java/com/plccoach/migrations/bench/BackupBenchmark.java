package com.plccoach.migrations.bench;

import com.plccoach.migrations.BackupMode;
import com.plccoach.migrations.Direction;
import com.plccoach.migrations.PlanReport;
import com.plccoach.migrations.internal.backup.BackupResult;
import com.plccoach.migrations.internal.backup.BackupSettings;
import com.plccoach.migrations.internal.backup.PgDumpBackup;
import com.plccoach.migrations.internal.graph.Plan;
import com.plccoach.migrations.internal.safety.ImpactAnalyzer;
import com.plccoach.migrations.internal.script.Revision;
import com.plccoach.migrations.internal.script.SqlStatement;
import com.plccoach.migrations.testing.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A downgrade-like plan that drops one small table, backed up in {@code affected} and {@code full}
 * mode on databases of growing size; the baseline is a bare {@code pg_dump -Fc} of the whole
 * database. The affected backup must not grow with the database. Times are wall-clock milliseconds of
 * the whole backup step (version checks, locks, snapshot, pg_dump, full read-back by pg_restore):
 * affected as min/median of 3 x bench.runs, full and bare pg_dump as the best of bench.runs.
 *
 * <pre>
 * ./mvnw -B -q -pl migration-core test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.plccoach.migrations.bench.BackupBenchmark              # short: 10 and 50 MB
 * ... -Dbench.sizesMb=50,200,400                                                  # long form
 * </pre>
 */
public final class BackupBenchmark {

    private static final int RUNS = Integer.getInteger("bench.runs", 3);

    private BackupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        String sizes = System.getProperty("bench.sizesMb", "10,50");
        PostgresServer server = PostgresServer.get();
        String database = "plccoach_backup_bench";
        Path dir = Files.createTempDirectory("plccoach-bench");
        System.out.printf(Locale.ROOT, "%-10s %-12s %-14s %-14s %-16s %-10s %-10s%n", "db MB", "aff min/med", "full ms",
                "pg_dump -Fc ms", "full/pg_dump", "full/aff", "aff bytes");
        try (Connection admin = server.connectAdmin()) {
            exec(admin, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)", "CREATE DATABASE " + database);
        }
        try (Connection c = server.connect(server.urlFor(database))) {
            exec(c, "CREATE TABLE small (id int PRIMARY KEY, v text)", "INSERT INTO small SELECT g, 'v' || g FROM generate_series(1, 1000) g",
                    "CREATE TABLE big (id bigint PRIMARY KEY, body text, at timestamptz)");
            long rows = 0;
            for (String size : sizes.split(",")) {
                long targetBytes = Long.parseLong(size.strip()) * 1024 * 1024;
                while (dbSize(c) < targetBytes) {
                    exec(c, "INSERT INTO big SELECT g, md5(g::text) || repeat(md5((g * 7)::text), 6), now() FROM generate_series("
                            + (rows + 1) + ", " + (rows + 50_000) + ") g");
                    rows += 50_000;
                }
                exec(c, "VACUUM ANALYZE big");
                long dbMb = dbSize(c) / 1024 / 1024;
                long affected = Long.MAX_VALUE;
                long full = Long.MAX_VALUE;
                long bare = Long.MAX_VALUE;
                long affectedBytes = 0;
                List<Long> affectedRuns = new java.util.ArrayList<>();
                for (int run = 0; run < RUNS * 3; run++) {
                    BackupResult a = backup(c, BackupMode.AFFECTED, dir);
                    affectedRuns.add(a.duration().toMillis());
                    affectedBytes = a.bytes();
                    Files.delete(a.archive());
                }
                java.util.Collections.sort(affectedRuns);
                affected = affectedRuns.get(0);
                long affectedMedian = affectedRuns.get(affectedRuns.size() / 2);
                for (int run = 0; run < RUNS; run++) {
                    BackupResult f = backup(c, BackupMode.FULL, dir);
                    full = Math.min(full, f.duration().toMillis());
                    Files.delete(f.archive());
                    bare = Math.min(bare, bareDump(server, database, dir));
                }
                System.out.printf(Locale.ROOT, "%-10d %-12s %-14d %-14d %-16.2f %-10.1f %-10d%n", dbMb, affected + "/" + affectedMedian,
                        full, bare, (double) full / bare, (double) full / affectedMedian, affectedBytes);
            }
        } finally {
            try (Connection admin = server.connectAdmin()) {
                exec(admin, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The whole downgrade path up to the revert: analysis, then the backup in the run's transaction (rolled back here). */
    private static BackupResult backup(Connection c, BackupMode mode, Path dir) throws SQLException {
        Revision revision = new Revision("002", List.of("001"), List.of(), List.of(), "drop small", null, true,
                "CREATE TABLE small (id int)", 3, "DROP TABLE small", 5, "002.sql", "0".repeat(64));
        var planned = new com.plccoach.migrations.internal.execution.PreparedRevision(revision, Direction.DOWNGRADE, List.of(new SqlStatement("DROP TABLE small", 5)));
        Plan plan = new Plan(Direction.DOWNGRADE, "001", List.of(revision));
        c.setAutoCommit(false);
        try {
            PlanReport report = new ImpactAnalyzer().analyse(c, plan.direction(), plan.target(), List.of(planned));
            return new PgDumpBackup(new BackupSettings(mode, dir, "pg_dump", "pg_restore", Duration.ofSeconds(10),
                    Duration.ofMinutes(30), null)).take(c, report, "downgrade_to_001").orElseThrow();
        } finally {
            c.rollback();
            c.setAutoCommit(true);
        }
    }

    private static long bareDump(PostgresServer server, String database, Path dir) throws Exception {
        Path file = dir.resolve("bare.dump");
        long start = System.nanoTime();
        Process p = new ProcessBuilder("pg_dump", "-Fc", "-h", "127.0.0.1", "-U", "postgres", "-f", file.toString(), database)
                .inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("pg_dump failed");
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        Files.delete(file);
        return ms;
    }

    private static long dbSize(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_database_size(current_database())")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void exec(Connection c, String... sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String each : sql) {
                s.execute(each);
            }
        }
    }
}
