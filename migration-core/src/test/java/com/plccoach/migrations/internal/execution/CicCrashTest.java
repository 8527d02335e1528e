package com.plccoach.migrations.internal.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.plccoach.migrations.Direction;
import com.plccoach.migrations.MigrationResult;
import com.plccoach.migrations.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * kill -9 of a runner JVM at random instants of a 50-revision upgrade with a named and an unnamed
 * CREATE INDEX CONCURRENTLY: after one rerun, head, one version row per revision, no INVALID index,
 * no second copy of an index. Trials: {@code -Dplccoach.crash.trials} (default 6, the long form
 * 100: scripts/crash-trials.sh); rows of the indexed table: {@code -Dplccoach.crash.bigRows}.
 */
class CicCrashTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @Test
    void a_runner_killed_during_any_statement_of_a_non_transactional_revision_is_finished_by_one_rerun() throws Exception {
        int trials = Integer.getInteger("plccoach.crash.trials.cic", Integer.getInteger("plccoach.crash.trials", 6));
        int bigRows = Integer.getInteger("plccoach.crash.bigRows", 300_000);
        long seed = Long.getLong("plccoach.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        Chain chain = CicCrashChild.chain(bigRows);
        Map<String, Integer> killedAt = new TreeMap<>();
        int indexFinishedByServer = 0;
        int invalidLeftByKill = 0;
        long fullRunMs = 0;
        for (int trial = 0; trial < trials; trial++) {
            String database = db.createScratch("ciccrash");
            try {
                String url = db.server().urlFor(database);
                Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), CicCrashChild.class.getName(), url, String.valueOf(bigRows))
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                long started = System.nanoTime();
                while (child.isAlive() && sessions(url).isEmpty()) {
                    Thread.sleep(10);
                }
                if (trial == 0) {
                    child.waitFor(); // the first trial measures a whole run, so the kills spread over one
                    fullRunMs = Math.max(1, (System.nanoTime() - started) / 1_000_000);
                } else {
                    // a third of the kills anywhere in the run, the others while one of the two index builds runs
                    String building = List.of("", "tbig_cic", "ON tbig (id)").get(trial % 3);
                    while (!building.isEmpty() && child.isAlive() && running(url, building).isEmpty()) {
                        Thread.sleep(2);
                    }
                    Thread.sleep(random.nextLong(building.isEmpty() ? fullRunMs + 1 : 400));
                    child.destroyForcibly();
                    child.waitFor();
                }
                while (!sessions(url).isEmpty()) {
                    Thread.sleep(20);
                }
                String context = "trial " + trial + " (seed " + seed + ")";
                List<String> versions = query(url, "SELECT id FROM plccoach_version ORDER BY id");
                String at = versions.size() == CicCrashChild.REVISIONS ? "after the run" : "before " + chain.list().get(versions.size()).id();
                killedAt.merge(at, 1, Integer::sum);
                List<String> indexes = query(url, "SELECT c.relname || '=' || i.indisvalid FROM pg_index i JOIN pg_class c ON "
                        + "c.oid = i.indexrelid WHERE i.indrelid = to_regclass('tbig')");
                if (!versions.contains(CicCrashChild.NAMED) && indexes.contains("tbig_cic=true")
                        || !versions.contains(CicCrashChild.UNNAMED) && indexes.contains("tbig_id_idx=true")) {
                    indexFinishedByServer++;
                }
                if (indexes.stream().anyMatch(i -> i.endsWith("=false"))) {
                    invalidLeftByKill++;
                }

                MigrationResult rerun = CrashChild.executor(url, false, "plccoach-cic-crash-rerun")
                        .run(Direction.UPGRADE, "head", chain.to(Direction.UPGRADE, "head"), BeforeRun.NONE);

                assertThat(rerun.headsAfter()).as(context).containsExactly("r50");
                assertThat(query(url, "SELECT count(*) || '/' || count(DISTINCT id) FROM plccoach_version")).as(context)
                        .containsExactly("50/50");
                assertThat(query(url, "SELECT c.relname || '=' || i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                        + "WHERE i.indrelid = to_regclass('tbig') ORDER BY 1")).as(context)
                        .containsExactly("tbig_cic=true", "tbig_id_idx=true");
                assertThat(query(url, "SELECT count(*) FROM pg_index WHERE NOT indisvalid")).as(context).containsExactly("0");
            } finally {
                db.drop(database);
            }
        }
        System.err.printf("CicCrashTest: %d trials (seed %d, %d rows, a whole run %d ms): all reached r50 with 50 version rows and no "
                + "INVALID index after one rerun; killed %s; an index the server finished without its version row: %d; an INVALID "
                + "index left by the kill: %d%n", trials, seed, bigRows, fullRunMs, killedAt, indexFinishedByServer, invalidLeftByKill);
    }

    private static List<String> running(String url, String fragment) throws SQLException {
        return query(url, "SELECT pid FROM pg_stat_activity WHERE application_name = '" + CicCrashChild.APPLICATION_NAME
                + "' AND state = 'active' AND position('" + fragment + "' IN query) > 0");
    }

    private static List<String> sessions(String url) throws SQLException {
        try (Connection c = db.server().connect(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pid FROM pg_stat_activity WHERE application_name = '"
                     + CicCrashChild.APPLICATION_NAME + "'")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }

    private static List<String> query(String url, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.server().connect(url); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT to_regclass('public.plccoach_version') IS NULL")) {
                rs.next();
                if (rs.getBoolean(1) && sql.contains("plccoach_version")) {
                    return sql.contains("count(") ? List.of("0/0") : rows;
                }
            }
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
        }
        return rows;
    }
}
