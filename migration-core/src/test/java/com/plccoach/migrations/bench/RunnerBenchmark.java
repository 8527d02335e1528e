package com.plccoach.migrations.bench;

import static com.plccoach.migrations.testing.RevisionFiles.revision;

import com.plccoach.migrations.Direction;
import com.plccoach.migrations.MigrationResult;
import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.MigratorConfig;
import com.plccoach.migrations.ScriptSource;
import com.plccoach.migrations.internal.connection.ConnectionFactory;
import com.plccoach.migrations.internal.execution.BeforeRun;
import com.plccoach.migrations.internal.execution.Executor;
import com.plccoach.migrations.internal.execution.PlanSource;
import com.plccoach.migrations.internal.graph.Plan;
import com.plccoach.migrations.internal.graph.RevisionGraph;
import com.plccoach.migrations.internal.graph.RevisionLoader;
import com.plccoach.migrations.internal.script.Revision;
import com.plccoach.migrations.testing.PostgresServer;
import com.plccoach.migrations.testing.RevisionFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Upgrades fresh databases through N revisions of one CREATE TABLE each, in-process (the runner alone,
 * and the whole Migrator.upgrade with its safety analysis), and compares
 * with psql running the same SQL: {@code psql -X -q -1 -f} against the default single-transaction
 * run, {@code psql -X -q -f} (autocommit: a transaction per statement) against
 * transactionPerRevision. Then times the up-to-date check on an open connection.
 *
 * <pre>
 * ./mvnw -B -q -pl migration-core test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.plccoach.migrations.bench.RunnerBenchmark [-Dplccoach.bench.revisions=1000 -Dplccoach.bench.rounds=3]
 * </pre>
 *
 * Progress lines go to bench.log in the temporary work directory (a user sees them; writing them is part of the cost).
 */
public final class RunnerBenchmark {

    private final PostgresServer server = PostgresServer.get();
    private final Path scripts;
    private final Path allSql;

    private RunnerBenchmark(Path work, int revisions) throws IOException {
        this.scripts = work.resolve("revisions");
        this.allSql = work.resolve("all.sql");
        RevisionFiles files = RevisionFiles.in(scripts);
        StringBuilder all = new StringBuilder();
        for (int i = 1; i <= revisions; i++) {
            String id = String.format("r%04d", i);
            String parent = i == 1 ? "base" : String.format("r%04d", i - 1);
            String create = "CREATE TABLE bench_" + i + " (id bigint PRIMARY KEY, name text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());";
            files.write(id + "_bench.sql", revision(id, parent).message("bench table " + i).up(create).down("DROP TABLE bench_" + i + ";"));
            all.append(create).append('\n');
        }
        Files.writeString(allSql, all.toString());
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("plccoach-bench");
        System.setProperty("org.slf4j.simpleLogger.logFile", work.resolve("bench.log").toString());
        int revisions = Integer.getInteger("plccoach.bench.revisions", 1000);
        int rounds = Integer.getInteger("plccoach.bench.rounds", 3);
        RunnerBenchmark bench = new RunnerBenchmark(work, revisions);
        System.out.printf("RunnerBenchmark: %d revisions of one CREATE TABLE each, %d round(s), server %s, %d CPU(s), load average %s%n",
                revisions, rounds, bench.server.origin(), Runtime.getRuntime().availableProcessors(), loadAverage());

        if (Boolean.getBoolean("plccoach.bench.upToDateOnly")) {
            bench.upToDate(rounds);
            return;
        }
        bench.inProcess(false, false); // warm-up: class loading and JIT, not measured
        List<Long> psqlOne = new ArrayList<>();
        List<Long> oursOne = new ArrayList<>();
        List<Long> facadeOne = new ArrayList<>();
        List<Long> psqlEach = new ArrayList<>();
        List<Long> oursEach = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            psqlOne.add(bench.psql(true));
            oursOne.add(bench.inProcess(false, false));
            facadeOne.add(bench.inProcess(false, true));
            psqlEach.add(bench.psql(false));
            oursEach.add(bench.inProcess(true, false));
        }
        long p1 = median(psqlOne);
        long o1 = median(oursOne);
        long f1 = median(facadeOne);
        long pe = median(psqlEach);
        long oe = median(oursEach);
        System.out.printf("one transaction     : psql -X -q -1 -f %6d ms | runner %6d ms, ratio %.2fx (target <= 1.30x)"
                + " | Migrator.upgrade with safety analysis %6d ms, ratio %.2fx%n", p1, o1, (double) o1 / p1, f1, (double) f1 / p1);
        System.out.printf("transaction per rev.: psql -X -q -f    %6d ms | runner %6d ms, ratio %.2fx (target <= 1.30x)%n",
                pe, oe, (double) oe / pe);
        bench.upToDate(rounds);
    }

    /**
     * Milliseconds to upgrade a fresh database to head: files read and parsed, connected, run, recorded.
     * With {@code facade}, through Migrator.upgrade, which first analyses the plan (issue #5's safety
     * gate runs every statement once under a savepoint that is rolled back); without, the runner alone.
     */
    private long inProcess(boolean perRevision, boolean facade) throws SQLException {
        String database = createDatabase();
        try {
            Migrator migrator = Migrator.builder().url(server.urlFor(database)).scripts(ScriptSource.directory(scripts))
                    .transactionPerRevision(perRevision).build();
            MigratorConfig config = migrator.config();
            long start = System.nanoTime();
            MigrationResult result;
            if (facade) {
                result = migrator.upgrade("head");
            } else {
                RevisionGraph graph = RevisionLoader.load(config.scripts(), config.placeholders());
                result = new Executor(config, () -> new ConnectionFactory(config).open())
                        .run(Direction.UPGRADE, "head", source(graph), BeforeRun.NONE);
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (result.steps().isEmpty()) {
                throw new IllegalStateException("nothing ran");
            }
            return ms;
        } finally {
            dropDatabase(database);
        }
    }

    private long psql(boolean singleTransaction) throws Exception {
        String database = createDatabase();
        try {
            List<String> command = new ArrayList<>(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1"));
            if (singleTransaction) {
                command.add("-1");
            }
            command.addAll(List.of("-d", "postgresql://postgres@127.0.0.1:5432/" + database, "-f", allSql.toString()));
            long start = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IllegalStateException("psql failed: " + out);
            }
            return (System.nanoTime() - start) / 1_000_000;
        } finally {
            dropDatabase(database);
        }
    }

    /** The check a service runs at every start once the database is up to date, measured from an open connection. */
    private void upToDate(int rounds) throws SQLException {
        String database = createDatabase();
        try {
            String url = server.urlFor(database);
            Migrator migrator = Migrator.builder().url(url).scripts(ScriptSource.directory(scripts)).build();
            migrator.upgrade("head");
            MigratorConfig config = migrator.config();
            List<Long> afterConnect = new ArrayList<>();
            List<Long> withFiles = new ArrayList<>();
            List<Long> facade = new ArrayList<>();
            List<Long> roundTrip = new ArrayList<>();
            List<Long> cpu = new ArrayList<>();
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int i = 0; i < Math.max(5, rounds * 5); i++) {
                long t0 = System.nanoTime();
                RevisionGraph graph = RevisionLoader.load(config.scripts(), config.placeholders());
                long t1 = System.nanoTime();
                Connection open = new ConnectionFactory(config).open();
                try (Statement st = open.createStatement()) {
                    long r0 = System.nanoTime();
                    st.execute("SELECT 1");
                    roundTrip.add((System.nanoTime() - r0) / 1_000);
                }
                long c2 = threads.getCurrentThreadCpuTime();
                long t2 = System.nanoTime();
                MigrationResult result = new Executor(config, () -> open).run(Direction.UPGRADE, "head", source(graph), BeforeRun.NONE);
                long t3 = System.nanoTime();
                cpu.add((threads.getCurrentThreadCpuTime() - c2) / 1_000);
                if (!result.upToDate()) {
                    throw new IllegalStateException("not up to date");
                }
                afterConnect.add((t3 - t2) / 1_000);
                withFiles.add(((t3 - t2) + (t1 - t0)) / 1_000);
                long t4 = System.nanoTime();
                migrator.upgrade("head");
                facade.add((System.nanoTime() - t4) / 1_000);
            }
            System.out.printf("up-to-date check    : %.1f ms after connect (lock, state read, %s checksums, plan; target <= 20 ms); "
                            + "%.1f ms with reading and parsing the files; %.1f ms for the whole upgrade(\"head\") call with connect%n",
                    median(afterConnect) / 1000.0, graphSize(), median(withFiles) / 1000.0, median(facade) / 1000.0);
            System.out.printf("                      (of which %.1f ms CPU in this JVM; it makes 3 round trips plus the unlock, and one "
                    + "SELECT 1 round trip took %.2f ms here; load average %s)%n", median(cpu) / 1000.0, median(roundTrip) / 1000.0,
                    loadAverage());
        } finally {
            dropDatabase(database);
        }
    }

    private static String loadAverage() {
        return String.format("%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private String graphSize() {
        try (var files = Files.list(scripts)) {
            return String.valueOf(files.count());
        } catch (IOException e) {
            return "?";
        }
    }

    private static PlanSource source(RevisionGraph graph) {
        Map<String, Revision> byId = new LinkedHashMap<>();
        graph.revisions().forEach(r -> byId.put(r.id(), r));
        return new PlanSource() {
            public Map<String, Revision> revisions() { return byId; }
            public Plan plan(Set<String> applied) { return graph.upgradePlan(applied, "head"); }
            public List<String> headsOf(Set<String> applied) { return graph.headsOf(applied); }
            public String describe() { return "bench"; }
        };
    }

    private String createDatabase() throws SQLException {
        String name = "bench_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = server.connectAdmin(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return name;
    }

    private void dropDatabase(String name) throws SQLException {
        try (Connection c = server.connectAdmin(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
