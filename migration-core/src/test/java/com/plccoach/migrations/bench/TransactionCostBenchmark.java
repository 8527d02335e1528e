package com.plccoach.migrations.bench;

import com.plccoach.migrations.testing.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * What a revision run in a transaction of its own costs the server, piece by piece, against psql's
 * autocommit {@code CREATE TABLE}: the same DDL sent as psql sends it (simple protocol), as PgJDBC
 * sends it (extended protocol), inside {@code BEGIN}/{@code COMMIT}, with its version row written
 * as the runner writes it now ({@code EXECUTE} of a statement prepared once) and as it did before
 * (a {@code SET LOCAL lock_timeout} and a literal {@code INSERT} per transaction).
 *
 * <p>Each way has a session of its own, all in one database; they take turns in chunks of a few
 * revisions (order reversed every other chunk), so that the machine's drift, which moves whole
 * runs by 10-40% here, falls on all of them alike. The figure is each backend's own CPU time from
 * {@code /proc/<pid>/task/<pid>/schedstat} (nanoseconds), so the cluster must run on this machine;
 * wall time is printed beside it.
 *
 * <pre>
 * java -cp "$CP" com.plccoach.migrations.bench.TransactionCostBenchmark [chunks [revisions-per-chunk]]   # 40 25
 * </pre>
 */
public final class TransactionCostBenchmark {

    private static final String CHECKSUM = "'777c71ceddb08a1e5dc938af1196927c370c8efcfe38e525da8b529780288da3'";

    /** One way of sending a revision. */
    private enum Way {
        PSQL("psql autocommit: the DDL alone, simple protocol", "&preferQueryMode=simple"),
        EXTENDED("the DDL alone, PgJDBC's extended protocol", ""),
        TRANSACTION("BEGIN, the DDL, COMMIT", ""),
        RUNNER("BEGIN, the DDL, EXECUTE version row, COMMIT (the runner)", ""),
        BEFORE("BEGIN, SET LOCAL lock_timeout, the DDL, INSERT version row, COMMIT (before)", "");

        final String label;
        final String urlSuffix;

        Way(String label, String urlSuffix) {
            this.label = label;
            this.urlSuffix = urlSuffix;
        }
    }

    private TransactionCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int chunks = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int perChunk = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        PostgresServer server = PostgresServer.get();
        // one database for all: with a database each, the same psql baseline moved by -20% to +30% from one database to
        // the next here. In one, every backend also replays the others' catalog invalidations, the same amount for each way.
        String database = "bench_tx_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (Connection admin = server.connectAdmin(); Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + database);
        }
        try {
            run(server, database, chunks, perChunk);
        } finally {
            try (Connection admin = server.connectAdmin(); Statement st = admin.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + database);
            }
        }
    }

    private static void run(PostgresServer server, String database, int chunks, int perChunk) throws Exception {
        Way[] ways = Way.values();
        Connection[] sessions = new Connection[ways.length];
        long[] cpu = new long[ways.length];
        long[] wall = new long[ways.length];
        try {
            for (Way way : ways) {
                Connection c = server.connect(server.urlFor(database) + way.urlSuffix);
                sessions[way.ordinal()] = c;
                try (Statement st = c.createStatement()) {
                    if (way == Way.PSQL) {
                        st.execute("CREATE TABLE v (id text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL"
                                + " DEFAULT now(), applied_by text NOT NULL DEFAULT current_user, duration_ms bigint NOT NULL DEFAULT 0)");
                    }
                    if (way == Way.RUNNER) {
                        st.execute("SET lock_timeout = '10000ms'");
                        st.execute("PREPARE version_row (text, text, bigint) AS INSERT INTO v (id, checksum, duration_ms) VALUES ($1, $2, $3)");
                    }
                }
            }
            int id = 0;
            for (int chunk = 0; chunk < chunks; chunk++) {
                List<Way> order = new ArrayList<>(List.of(ways));
                if (chunk % 2 == 1) {
                    Collections.reverse(order);
                }
                for (Way way : order) {
                    Connection c = sessions[way.ordinal()];
                    int pid = c.unwrap(PGConnection.class).getBackendPID();
                    long cpuBefore = backendCpuNs(pid);
                    long start = System.nanoTime();
                    try (Statement st = c.createStatement()) {
                        for (int i = 0; i < perChunk; i++) {
                            send(c, st, way, id++);
                        }
                    }
                    wall[way.ordinal()] += System.nanoTime() - start;
                    cpu[way.ordinal()] += backendCpuNs(pid) - cpuBefore;
                }
            }
        } finally {
            for (Connection c : sessions) {
                if (c != null) {
                    c.close();
                }
            }
        }
        int revisions = chunks * perChunk;
        System.out.printf("TransactionCostBenchmark: %d CREATE TABLE revisions per way, %d interleaved chunks of %d%n",
                revisions, chunks, perChunk);
        for (Way way : ways) {
            int w = way.ordinal();
            System.out.printf("  %-80s backend CPU %6.0f ms (%.3fx)  wall %6.0f ms (%.3fx)%n", way.label, cpu[w] / 1e6,
                    (double) cpu[w] / cpu[0], wall[w] / 1e6, (double) wall[w] / wall[0]);
        }
    }

    private static void send(Connection c, Statement st, Way way, int id) throws SQLException {
        String ddl = "CREATE TABLE t_" + id + " (id bigint PRIMARY KEY, name text NOT NULL, created_at timestamptz DEFAULT now())";
        switch (way) {
            case PSQL, EXTENDED -> st.execute(ddl);
            case TRANSACTION -> batch(c, st, ddl, "COMMIT");
            case RUNNER -> batch(c, st, ddl, "EXECUTE version_row('r" + id + "', " + CHECKSUM + ", 0)", "COMMIT");
            case BEFORE -> batch(c, st, "SET LOCAL lock_timeout = '10000ms'", ddl,
                    "INSERT INTO v (id, checksum, duration_ms) VALUES ('r" + id + "', " + CHECKSUM + ", 0)", "COMMIT");
        }
    }

    /** As the runner sends a revision: one batch after PgJDBC's BEGIN, ending with the COMMIT. */
    private static void batch(Connection c, Statement st, String... statements) throws SQLException {
        c.setAutoCommit(false);
        for (String sql : statements) {
            st.addBatch(sql);
        }
        st.executeBatch();
        c.commit();
        c.setAutoCommit(true);
    }

    /** Time the backend has run on a CPU, in ns; the cluster must be on this machine. */
    private static long backendCpuNs(int pid) {
        try {
            return Long.parseLong(Files.readString(Path.of("/proc/" + pid + "/task/" + pid + "/schedstat")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read backend " + pid + "'s CPU time from /proc: run this against a cluster on this"
                    + " machine (PLCCOACH_TEST_URL)", e);
        }
    }
}
