package com.plccoach.migrations.bench;

import static com.plccoach.migrations.testing.RevisionFiles.revision;

import com.plccoach.migrations.MigrationResult;
import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.ScriptSource;
import com.plccoach.migrations.testing.PostgresServer;
import com.plccoach.migrations.testing.RevisionFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Issue 11's figures, each a ratio against psql on the same SQL on the same server in the same run
 * (the server's fsync printed with them): a big-table change in one transaction, N CREATE TABLE
 * revisions in one transaction and one transaction per revision, through {@code Migrator.upgrade}
 * with the guard on. The up-to-date check in a fresh JVM is {@link UpToDateCheck}.
 *
 * <pre>
 * java -cp "$(cat cp.txt)" com.plccoach.migrations.bench.RunPathBenchmark [rows] [revisions] [rounds] [up-to-date revisions]
 * </pre>
 * with {@code PLCCOACH_TEST_URL} naming another server (e.g. one with fsync=off).
 */
public final class RunPathBenchmark {

    private final PostgresServer server = PostgresServer.get();
    private final Path work;
    private final CpuClock cpu;

    private RunPathBenchmark(Path work) throws SQLException {
        this.work = work;
        this.cpu = CpuClock.of(setting("data_directory"));
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int revisions = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path work = Files.createTempDirectory("plccoach-runpath");
        System.setProperty("org.slf4j.simpleLogger.logFile", work.resolve("bench.log").toString());
        RunPathBenchmark bench = new RunPathBenchmark(work);
        System.out.printf("RunPathBenchmark: server %s, fsync=%s, synchronous_commit=%s, autovacuum=%s, %d CPU(s), load average %.1f, "
                + "%d round(s) after a warm-up round%n", bench.server.origin(), bench.setting("fsync"), bench.setting("synchronous_commit"),
                bench.setting("autovacuum"), Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), rounds);
        bench.chain(10, false, 1); // warm-up: class loading and JIT, not measured
        if (rows > 0) {
            bench.bigTable(rows, rounds);
        }
        if (revisions > 0) {
            bench.chains(revisions, rounds);
        }
        if (revisions > 0 && revisions != 100) {
            bench.chains(100, rounds);
        }
        int upToDate = args.length > 3 ? Integer.parseInt(args[3]) : Math.max(revisions, 100);
        if (upToDate > 0) {
            bench.upToDate(upToDate, Math.max(3, rounds));
        }
    }

    /** The up-to-date check in fresh JVMs (UpToDateCheck), against a database the chain was applied to. */
    private void upToDate(int revisions, int rounds) throws Exception {
        Path scripts = writeChain(revisions);
        String db = create();
        try {
            upgrade(db, scripts, true); // one transaction per revision: a shared server's lock table may not hold 1,000 tables
            List<Long> main = new ArrayList<>();
            List<Long> uptime = new ArrayList<>();
            List<Long> cpu = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                        System.getProperty("java.class.path"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                        UpToDateCheck.class.getName(), server.urlFor(db), scripts.toString()).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes());
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) ms in main\\(\\).*uptime (\\d+) ms.*CPU (\\d+) ms").matcher(out);
                if (p.waitFor() != 0 || !m.find()) {
                    throw new IllegalStateException("UpToDateCheck failed: " + out);
                }
                main.add(Long.parseLong(m.group(1)));
                uptime.add(Long.parseLong(m.group(2)));
                cpu.add(Long.parseLong(m.group(3)));
            }
            System.out.printf("up-to-date check of %d revisions in a fresh JVM: %d ms from main() (class loading, parsing, connecting "
                    + "included; target <= 200 ms; min %d ms), JVM uptime %d ms, process CPU %d ms (medians of %d)%n", revisions,
                    median(main), main.stream().min(Long::compare).orElseThrow(), median(uptime), median(cpu), rounds);
        } finally {
            drop(db);
        }
    }

    private void bigTable(int rows, int rounds) throws Exception {
        String change = "ALTER TABLE big ADD COLUMN score int;\nUPDATE big SET score = length(payload) + id % 7;\n"
                + "CREATE INDEX big_score ON big (score);\n";
        Path scripts = Files.createDirectories(work.resolve("big"));
        Files.writeString(scripts.resolve("r1.sql"), "-- revision: r1\n-- down_revision: base\n\n" + change
                + "\n-- //@UNDO\n\nDROP INDEX big_score;\nALTER TABLE big DROP COLUMN score;\n");
        Path sql = Files.writeString(work.resolve("big.sql"), change);
        List<Long> psql = new ArrayList<>();
        List<Long> ours = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            String db = bigDatabase(rows);
            try {
                psql.add(psql(db, sql, true));
            } finally {
                drop(db);
            }
            db = bigDatabase(rows);
            try {
                ours.add(upgrade(db, scripts, false));
            } finally {
                drop(db);
            }
        }
        report(String.format("%,d-row table: ADD COLUMN + UPDATE + CREATE INDEX, one transaction", rows), "psql -X -1 -f",
                median(psql), median(ours), 1.05);
    }

    /**
     * Rounds interleaved (psql, tool, psql, tool) so load that comes and goes hits both alike; the first round warms
     * the JVM and the server's caches and is discarded; each run goes into a fresh database after a CHECKPOINT.
     */
    private void chains(int revisions, int rounds) throws Exception {
        Path scripts = writeChain(revisions);
        Path sql = work.resolve("chain" + revisions + ".sql");
        Samples psqlOne = new Samples();
        Samples oursOne = new Samples();
        Samples psqlEach = new Samples();
        Samples oursEach = new Samples();
        for (int round = 0; round <= rounds; round++) {
            boolean warmUp = round == 0;
            psqlOne.add(inFresh(db -> psql(db, sql, true)), warmUp);
            oursOne.add(inFresh(db -> upgrade(db, scripts, false)), warmUp);
            psqlEach.add(inFresh(db -> psql(db, sql, false)), warmUp);
            oursEach.add(inFresh(db -> upgrade(db, scripts, true)), warmUp);
        }
        report(revisions + " CREATE TABLE revisions, one transaction", "psql -X -1 -f", psqlOne, oursOne, revisions >= 1000 ? 1.1 : 1.3);
        report(revisions + " CREATE TABLE revisions, transaction per revision", "psql -X -f", psqlEach, oursEach,
                revisions >= 1000 ? 1.1 : 1.3);
    }

    /** One kind of run's figures, the warm-up's left out, and how many of them a checkpoint fell into. */
    private static final class Samples {
        private final List<Run> runs = new ArrayList<>();

        void add(Run run, boolean warmUp) {
            if (!warmUp) {
                runs.add(run);
            }
        }

        long median() {
            return RunPathBenchmark.median(runs.stream().map(Run::ms).toList());
        }

        long min() {
            return runs.stream().mapToLong(Run::ms).min().orElseThrow();
        }

        /** Client and server CPU together, median; negative when the server's is not readable. */
        long cpu() {
            return runs.stream().anyMatch(r -> r.serverCpu() < 0) ? -1
                    : RunPathBenchmark.median(runs.stream().map(r -> r.clientCpu() + r.serverCpu()).toList());
        }

        String cpuParts() {
            return RunPathBenchmark.median(runs.stream().map(Run::clientCpu).toList()) + " + "
                    + RunPathBenchmark.median(runs.stream().map(Run::serverCpu).toList());
        }

        @Override
        public String toString() {
            long checkpointed = runs.stream().filter(r -> r.checkpoints() > 0).count();
            return String.format("%6d / %6d ms%s", median(), min(), checkpointed == 0 ? "" : " (" + checkpointed + " ckpt)");
        }
    }

    /** Wall time, checkpoints that fell into it, and CPU (ms) of this JVM with psql, and of the server. */
    private record Run(long ms, long checkpoints, long clientCpu, long serverCpu) {
    }

    /** N revisions of one CREATE TABLE each, and the same statements as one psql script beside them. */
    private Path writeChain(int revisions) throws IOException {
        Path scripts = work.resolve("chain" + revisions);
        if (Files.isDirectory(scripts)) {
            return scripts;
        }
        RevisionFiles files = RevisionFiles.in(scripts);
        StringBuilder all = new StringBuilder();
        for (int i = 1; i <= revisions; i++) {
            String create = "CREATE TABLE bench_" + i + " (id bigint PRIMARY KEY, name text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());";
            files.write(revision(String.format("r%04d", i), i == 1 ? "base" : String.format("r%04d", i - 1)).message("bench table " + i)
                    .up(create).down("DROP TABLE bench_" + i + ";"));
            all.append(create).append('\n');
        }
        Files.writeString(work.resolve("chain" + revisions + ".sql"), all.toString());
        return scripts;
    }

    private long chain(int revisions, boolean perRevision, int rounds) throws Exception {
        Path scripts = work.resolve("warm");
        RevisionFiles files = RevisionFiles.in(scripts);
        for (int i = 1; i <= revisions; i++) {
            files.write(revision("w" + i, i == 1 ? "base" : "w" + (i - 1)).message(null).up("CREATE TABLE w" + i + " (id int);")
                    .down("DROP TABLE w" + i + ";"));
        }
        return inFresh(db -> upgrade(db, scripts, perRevision)).ms();
    }

    private static void report(String what, String baseline, Samples psql, Samples ours, double target) {
        System.out.printf("%-58s: %-11s %s | Migrator.upgrade %s | ratio %.2fx median, %.2fx min (target <= %.2fx; of %d)%n",
                what, baseline, psql, ours, (double) ours.median() / psql.median(), (double) ours.min() / psql.min(), target,
                psql.runs.size());
        if (psql.cpu() >= 0) {
            System.out.printf("%-58s  CPU ms (client + server): psql %s, Migrator.upgrade %s | ratio %.2fx%n", "", psql.cpuParts(),
                    ours.cpuParts(), (double) ours.cpu() / psql.cpu());
        }
    }

    private static void report(String what, String baseline, long psql, long ours, double target) {
        System.out.printf("%-72s: %-26s %7d ms | Migrator.upgrade %7d ms | ratio %.2fx (target <= %.2fx)%n", what, baseline, psql, ours,
                (double) ours / psql, target);
    }

    /** Files read and parsed, connected, state tables made, run with the guard, recorded: the whole call. */
    private long upgrade(String database, Path scripts, boolean perRevision) {
        Migrator migrator = Migrator.builder().url(server.urlFor(database)).scripts(ScriptSource.directory(scripts))
                .transactionPerRevision(perRevision).build();
        long start = System.nanoTime();
        MigrationResult result = migrator.upgrade("head");
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (result.steps().isEmpty()) {
            throw new IllegalStateException("nothing ran");
        }
        return ms;
    }

    private long psql(String database, Path sql, boolean singleTransaction) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1"));
        if (singleTransaction) {
            command.add("-1");
        }
        String url = server.urlFor(database);
        String hostPort = url.replaceFirst("^jdbc:postgresql://", "").replaceFirst("/.*", "");
        command.addAll(List.of("-d", "postgresql://postgres@" + hostPort + "/" + database, "-f", sql.toString()));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("psql failed: " + out);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    @FunctionalInterface
    private interface Timed {
        long run(String database) throws Exception;
    }

    /** A fresh database, a CHECKPOINT (so no run pays for the previous one's dirty buffers), the run, and whether a checkpoint fell in it. */
    private Run inFresh(Timed timed) throws Exception {
        String db = create();
        try {
            checkpoint();
            long before = checkpoints();
            long client = cpu.client();
            long server = cpu.server("postgres"); // the admin connections of the lines above have gone
            long ms = timed.run(db);
            long clientCpu = cpu.client() - client;
            long serverCpu = server < 0 ? -1 : cpu.server(db) - server;
            return new Run(ms, checkpoints() - before, clientCpu, serverCpu);
        } finally {
            drop(db);
        }
    }

    private void checkpoint() throws SQLException {
        try (Connection c = server.connectAdmin(); Statement st = c.createStatement()) {
            st.execute("CHECKPOINT");
        }
    }

    private long checkpoints() throws SQLException {
        try (Connection c = server.connectAdmin(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String bigDatabase(int rows) throws SQLException {
        String db = create();
        try (Connection c = server.connect(server.urlFor(db)); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE big (id bigint PRIMARY KEY, payload text NOT NULL)");
            st.execute("INSERT INTO big SELECT g, md5(g::text) FROM generate_series(1, " + rows + ") g");
            st.execute("VACUUM ANALYZE big");
            st.execute("CHECKPOINT");
        }
        return db;
    }

    private String setting(String name) throws SQLException {
        try (Connection c = server.connectAdmin(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private String create() throws SQLException {
        String name = "runpath_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = server.connectAdmin(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return name;
    }

    private void drop(String name) throws SQLException {
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
