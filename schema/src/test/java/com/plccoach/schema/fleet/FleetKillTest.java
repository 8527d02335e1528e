package com.plccoach.schema.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.plccoach.migrations.FleetConfig;
import com.plccoach.migrations.FleetReport;
import com.plccoach.migrations.MigrationResult;
import com.plccoach.migrations.internal.execution.MigrationLock;
import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a child JVM in the middle of a fleet upgrade of PLC Coach's schema. One database's
 * migration lock is held by the test, so the fleet cannot finish before the kill; the kill comes once
 * half the others are at head, while more are mid-run. Short form 12 databases; full form
 * {@code -Dplccoach.fleet.killDatabases=200}.
 */
class FleetKillTest {

    private static final int DATABASES = Integer.getInteger("plccoach.fleet.killDatabases", 12);

    /** What each state a database can be left in must hold (revision 003 builds its index CONCURRENTLY, outside the others' transaction). */
    private static final Map<List<String>, String> CONSISTENT = Map.of(
            List.of(), "SELECT to_regclass('public.users') IS NULL",
            List.of("001", "002"), "SELECT to_regclass('public.message_embeddings') IS NOT NULL"
                    + " AND to_regclass('public.message_feedback') IS NULL",
            List.of("001", "002", "003"), "SELECT to_regclass('public.message_embeddings_embedding_hnsw_idx') IS NOT NULL"
                    + " AND to_regclass('public.message_feedback') IS NULL",
            List.of("001", "002", "003", "004", "005"), "SELECT to_regclass('public.user_monthly_usage') IS NOT NULL");

    private final FleetServers servers = new FleetServers("kill");

    @TempDir
    Path tmp;

    @AfterEach
    void dropTheFleet() throws Exception {
        servers.dropAll();
    }

    @Test
    void after_kill_9_every_database_is_at_a_state_it_recorded_and_a_rerun_completes_the_fleet() throws Exception {
        List<String> urls = servers.create(DATABASES);
        String held = urls.get(DATABASES - 1);
        Process child;
        try (Connection holder = DriverManager.getConnection(held)) {
            new MigrationLock("public", com.plccoach.migrations.Advice.EMBEDDED).acquire(holder, Duration.ofSeconds(5));
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), FleetChild.class.getName(), "4"));
            command.addAll(urls);
            Path log = tmp.resolve("child.log");
            child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            // the child's own closing line per member, "[host:port/db] upgrade to head: 5 revision(s), ... (k/n)", counts them cheaply
            while (finished(log) < DATABASES / 2 && child.isAlive()) {
                Thread.sleep(10);
            }
            child.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no rollback by the JVM
        }

        int atKill = atHead(urls);
        Map<String, Integer> states = new java.util.TreeMap<>();
        for (String url : urls) {
            List<String> applied = FleetServers.applied(url);
            states.merge(applied.isEmpty() ? "<base>" : applied.get(applied.size() - 1), 1, Integer::sum);
            assertThat(CONSISTENT).as(url + " recorded " + applied).containsKey(applied);
            assertThat(FleetServers.column(url, CONSISTENT.get(applied))).as(url + " at " + applied).containsExactly("t");
        }
        FleetReport<MigrationResult> rerun = FleetServers.template().fleet(FleetConfig.databases(urls).withParallelism(4)).upgrade("head");

        assertThat(atKill).isLessThan(DATABASES);
        assertThat(rerun.succeeded()).isTrue();
        assertThat(atHead(urls)).isEqualTo(DATABASES);
        System.out.println("kill -9 with " + atKill + " of " + DATABASES + " at head, states at the kill " + states + "; rerun: " + rerun.summary()
                + " (child log " + new File(tmp.toFile(), "child.log").length() + " bytes)");
    }

    private static long finished(Path log) throws java.io.IOException {
        try (var lines = java.nio.file.Files.lines(log)) {
            return lines.filter(line -> line.contains("] upgrade to head: 5 revision(s)")).count();
        }
    }

    private static int atHead(List<String> urls) throws Exception {
        int n = 0;
        for (String url : urls) {
            if (FleetServers.applied(url).contains("005")) {
                n++;
            }
        }
        return n;
    }
}
