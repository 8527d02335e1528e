package com.plccoach.migrations.bench;

import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.ScriptSource;
import com.plccoach.migrations.testing.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A batched backfill ({@code -- batch_size: N}) of a table of R rows against one plain UPDATE of the
 * same rows on the same server, in the same process; while each runs, another session samples
 * pg_stat_activity for the longest transaction of the runner and times a one-row UPDATE of the table
 * (what an application would feel). Prints the ratio of total times.
 *
 * <pre>
 * ./mvnw -B -q -pl migration-core test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.plccoach.migrations.bench.BackfillBenchmark [-Dplccoach.bench.rows=1000000 -Dplccoach.bench.batch=10000]
 * </pre>
 */
public final class BackfillBenchmark {

    private final PostgresServer server = PostgresServer.get();
    private final int rows = Integer.getInteger("plccoach.bench.rows", 1_000_000);
    private final int batch = Integer.getInteger("plccoach.bench.batch", 10_000);

    public static void main(String[] args) throws Exception {
        new BackfillBenchmark().run();
    }

    private void run() throws Exception {
        System.out.printf("backfill of %,d rows, batch_size %,d, on %s%n", rows, batch, server.origin());
        long plain = measure(false);
        long batched = measure(true);
        System.out.printf("batched / plain total time: %.2f%n", (double) batched / plain);
    }

    private long measure(boolean batched) throws Exception {
        String database = "bench_backfill_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (Connection c = server.connectAdmin(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + database);
        }
        try {
            String url = server.urlFor(database);
            Path scripts = Files.createTempDirectory("backfill-bench");
            Files.writeString(scripts.resolve("001.sql"), "-- revision: 001\n-- down_revision: base\n\n"
                    + "CREATE TABLE messages (id bigint PRIMARY KEY, score int);\n"
                    + "INSERT INTO messages SELECT g, NULL FROM generate_series(1, " + rows + ") g;\nANALYZE messages;\n");
            String header = batched ? "-- transactional: false\n-- batch_size: " + batch + "\n" : "";
            String filter = batched ? " WHERE id IN (SELECT id FROM messages WHERE score IS NULL LIMIT ${batch_size})" : "";
            Files.writeString(scripts.resolve("002.sql"), "-- revision: 002\n-- down_revision: 001\n" + header + "\n"
                    + "UPDATE messages SET score = id % 10" + filter + ";\n");
            Migrator migrator = Migrator.builder().url(url).scripts(ScriptSource.directory(scripts)).applicationName("bench-runner")
                    .build();
            migrator.upgrade("001");
            AtomicLong longestXactMs = new AtomicLong();
            AtomicLong longestRowUpdateMs = new AtomicLong();
            AtomicReference<Boolean> running = new AtomicReference<>(true);
            Thread observer = new Thread(() -> observe(url, running, longestXactMs, longestRowUpdateMs));
            observer.start();
            long start = System.nanoTime();
            migrator.upgrade("head");
            long ms = (System.nanoTime() - start) / 1_000_000;
            running.set(false);
            observer.join();
            System.out.printf("%-8s total %,6d ms; longest runner transaction seen %,6d ms; longest one-row UPDATE by another"
                    + " session %,6d ms%n", batched ? "batched" : "plain", ms, longestXactMs.get(), longestRowUpdateMs.get());
            return ms;
        } finally {
            try (Connection c = server.connectAdmin(); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    private void observe(String url, AtomicReference<Boolean> running, AtomicLong longestXactMs, AtomicLong longestRowUpdateMs) {
        try (Connection c = server.connect(url); Statement st = c.createStatement()) {
            st.execute("SET lock_timeout = '60s'");
            int id = 1;
            while (running.get()) {
                try (ResultSet rs = st.executeQuery("SELECT coalesce(max(extract(epoch FROM clock_timestamp() - xact_start) * 1000), 0)"
                        + " FROM pg_stat_activity WHERE application_name = 'bench-runner' AND state <> 'idle'")) {
                    rs.next();
                    longestXactMs.accumulateAndGet(rs.getLong(1), Math::max);
                }
                long t = System.nanoTime();
                st.executeUpdate("UPDATE messages SET id = id WHERE id = " + (id = id % rows + 7919));
                longestRowUpdateMs.accumulateAndGet((System.nanoTime() - t) / 1_000_000, Math::max);
                Thread.sleep(10);
            }
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
