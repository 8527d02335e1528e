package com.plccoach.migrations.bench;

import com.plccoach.migrations.AutogenerateResult;
import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.ScriptSource;
import com.plccoach.migrations.internal.graph.RevisionLoader;
import com.plccoach.migrations.internal.script.Revision;
import com.plccoach.migrations.testing.PostgresServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * How long autogenerate takes: on PLC Coach's schema (no difference, and one realistic change) and
 * on a generated schema of N tables (default 500) with changes to a tenth of them. Each figure is
 * set against a psql baseline: {@code psql -f} of the desired schema into a fresh database, the
 * least any tool comparing two built schemas must spend. Run:
 *
 * <pre>
 * ./mvnw -B -q -pl migration-core test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.plccoach.migrations.bench.AutogenerateBenchmark [-Dbench.tables=500] [-Dbench.schemaDir=schema/src/main/resources/db/revisions]
 * </pre>
 */
public final class AutogenerateBenchmark {

    public static void main(String[] args) throws Exception {
        int tables = Integer.getInteger("bench.tables", 500);
        Path plcCoach = Path.of(System.getProperty("bench.schemaDir", "schema/src/main/resources/db/revisions"));
        if (!Files.isDirectory(plcCoach)) {
            plcCoach = Path.of("..").resolve(plcCoach); // run from the module rather than the reactor root
        }
        PostgresServer server = PostgresServer.get();
        String database = "plccoach_autogen_bench";
        try (Connection c = server.connectAdmin(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database);
        }
        String url = server.urlFor(database);
        Path work = Files.createTempDirectory("autogen-bench");
        try {
            String plcSchema = upParts(plcCoach);
            run("PLC Coach schema, no difference", url, work.resolve("a"), plcCoach, plcSchema);
            run("PLC Coach schema, one change (2 columns, 1 FK, 1 index on an existing table)", url, work.resolve("b"), plcCoach,
                    plcSchema + "\nALTER TABLE conversations ADD COLUMN archived_at timestamptz;"
                            + "\nALTER TABLE messages ADD COLUMN parent_id uuid REFERENCES messages(id) ON DELETE SET NULL;"
                            + "\nCREATE INDEX conversations_archived_idx ON conversations (archived_at) WHERE archived_at IS NOT NULL;\n");
            Path generatedRevisions = work.resolve("generated-revisions");
            Files.createDirectories(generatedRevisions);
            writeChain(generatedRevisions, generated(tables, false));
            run(tables + " tables, no difference", url, work.resolve("c"), generatedRevisions, generated(tables, false));
            run(tables + " tables, " + tables / 10 + " changed + " + tables / 50 + " added", url, work.resolve("d"), generatedRevisions,
                    generated(tables, true));
        } finally {
            try (Connection c = server.connectAdmin(); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
            try (Stream<Path> walk = Files.walk(work)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(String label, String url, Path dir, Path revisions, String desiredSql) throws Exception {
        Path scripts = dir.resolve("revisions");
        Files.createDirectories(scripts);
        try (Stream<Path> files = Files.list(revisions)) {
            for (Path f : files.toList()) {
                Files.copy(f, scripts.resolve(f.getFileName()));
            }
        }
        Path desired = dir.resolve("desired.sql");
        Files.writeString(desired, desiredSql, StandardCharsets.UTF_8);
        Migrator migrator = Migrator.builder().url(url).scripts(ScriptSource.directory(scripts)).desiredSchema(desired).build();
        long start = System.nanoTime();
        AutogenerateResult result = migrator.autogenerate("bench");
        double seconds = (System.nanoTime() - start) / 1e9;
        double baseline = psqlBaseline(url, desired);
        System.out.printf("%-80s autogenerate %6.2f s (%d file(s), %d change(s)); psql -f of the desired schema %5.2f s; ratio %.1fx%n",
                label, seconds, result.files().size(), result.changes().size(), baseline, seconds / baseline);
    }

    /** psql -f of the desired schema into a fresh database, creation included. */
    private static double psqlBaseline(String url, Path desired) throws IOException, InterruptedException, SQLException {
        PostgresServer server = PostgresServer.get();
        String db = "plccoach_autogen_baseline";
        long start = System.nanoTime();
        try (Connection c = server.connectAdmin(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        }
        Process p = new ProcessBuilder("psql", "-q", "-X", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-U", "postgres", "-d", db,
                "-f", desired.toString()).redirectErrorStream(true).redirectOutput(desired.resolveSibling("psql.log").toFile()).start();
        int code = p.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        try (Connection c = server.connectAdmin(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE " + db + " WITH (FORCE)");
        }
        if (code != 0) {
            throw new IllegalStateException("psql failed on " + desired + ": " + Files.readString(desired.resolveSibling("psql.log")));
        }
        return seconds;
    }

    /** The up parts of a revision folder in graph order: the schema it gives, as one desired-schema file. */
    private static String upParts(Path dir) {
        List<Revision> steps = RevisionLoader.load(ScriptSource.directory(dir), Map.of())
                .upgradePlan(Set.of(), "head").steps();
        StringBuilder sql = new StringBuilder();
        steps.forEach(r -> sql.append(r.upSql()).append("\n"));
        return sql.toString();
    }

    /**
     * The tables as a chain of revisions of 100 tables each, as a team would have written them over
     * time (one revision of thousands of objects would hold most of the server's shared lock table).
     */
    private static void writeChain(Path dir, String sql) throws IOException {
        List<String> tables = List.of(sql.split("(?m)^(?=CREATE TABLE)"));
        String parent = "base";
        for (int start = 0, n = 1; start < tables.size(); start += 100, n++) {
            String id = String.format("%03d", n);
            String body = String.join("", tables.subList(start, Math.min(tables.size(), start + 100)));
            Files.writeString(dir.resolve("20250101_0000_" + id + "_tables.sql"), "-- revision: " + id + "\n-- down_revision: " + parent
                    + "\n-- message: tables from " + start + "\n\n" + body + "\n-- //@UNDO\n\nSELECT 1;\n");
            parent = id;
        }
    }

    /** N tables in a chain of foreign keys, each with an index; with changes, every tenth altered and N/50 added. */
    static String generated(int n, boolean changed) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < n; i++) {
            boolean alter = changed && i % 10 == 0;
            sql.append("CREATE TABLE t").append(i).append(" (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,")
                    .append(" name text NOT NULL").append(alter ? " DEFAULT 'x'" : "").append(",")
                    .append(" score ").append(alter ? "bigint" : "integer").append(" DEFAULT 0,")
                    .append(" created_at timestamptz NOT NULL DEFAULT now(),")
                    .append(i > 0 ? " parent_id bigint REFERENCES t" + (i - 1) + "(id)," : "")
                    .append(alter ? " note text," : "")
                    .append(" CONSTRAINT t").append(i).append("_name_ok CHECK (name <> ''));\n");
            sql.append("CREATE INDEX t").append(i).append("_created_idx ON t").append(i).append(" (created_at);\n");
            if (alter) {
                sql.append("CREATE INDEX t").append(i).append("_name_idx ON t").append(i).append(" (lower(name));\n");
            }
        }
        if (changed) {
            for (int i = 0; i < n / 50; i++) {
                sql.append("CREATE TABLE extra").append(i).append(" (id bigint PRIMARY KEY, t_id bigint REFERENCES t").append(i)
                        .append("(id), body text);\n");
            }
        }
        return sql.toString();
    }
}
