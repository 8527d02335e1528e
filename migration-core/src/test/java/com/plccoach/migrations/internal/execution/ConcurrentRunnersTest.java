package com.plccoach.migrations.internal.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.plccoach.migrations.Direction;
import com.plccoach.migrations.MigrationResult;
import com.plccoach.migrations.testing.TestDatabase;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Eight runners, each with its own connection, upgrade one database at the same moment. Rounds:
 * {@code -Dplccoach.concurrency.rounds} (default 4; alternating one transaction per run and per revision).
 */
class ConcurrentRunnersTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final int RUNNERS = 8;

    private final Chain chain = Chain.builder()
            .add("r01", "CREATE TABLE t1 (id int PRIMARY KEY, v int);\nINSERT INTO t1 SELECT g, g FROM generate_series(1, 20000) g;", "DROP TABLE t1;")
            .add("r02", "ALTER TABLE t1 ADD COLUMN w int;\nUPDATE t1 SET w = v * 2;", "ALTER TABLE t1 DROP COLUMN w;")
            .add("r03", "CREATE INDEX CONCURRENTLY t1_w ON t1 (w);", "DROP INDEX CONCURRENTLY t1_w;", false)
            .add("r04", "CREATE TABLE t4 (id int PRIMARY KEY REFERENCES t1);", "DROP TABLE t4;")
            .add("r05", "INSERT INTO t4 SELECT id FROM t1 WHERE id % 2 = 0;", "DELETE FROM t4;")
            .add("r06", "CREATE VIEW v6 AS SELECT t1.id, w FROM t1 JOIN t4 USING (id);", "DROP VIEW v6;")
            .build();

    @Test
    void eight_runners_at_once_apply_every_revision_exactly_once_and_all_succeed() throws Exception {
        int rounds = Integer.getInteger("plccoach.concurrency.rounds", 4);
        for (int round = 0; round < rounds; round++) {
            db.recreate();
            boolean perRevision = round % 2 == 1;
            List<MigrationResult> results = runAtOnce(perRevision);

            assertThat(results).hasSize(RUNNERS);
            assertThat(results.stream().flatMap(r -> r.steps().stream()).map(MigrationResult.Step::revision).toList())
                    .as("round %d: revisions applied across all runners", round)
                    .containsExactly("r01", "r02", "r03", "r04", "r05", "r06");
            assertThat(results).allSatisfy(r -> assertThat(r.headsAfter()).containsExactly("r06"));
            assertThat(db.query("SELECT id FROM plccoach_version ORDER BY id")).containsExactly("r01", "r02", "r03", "r04", "r05", "r06");
            assertThat(db.query("SELECT outcome FROM plccoach_history")).containsExactly("success");
            assertThat(db.query("SELECT count(*) FROM t4")).containsExactly("10000");
            assertThat(db.query("SELECT indisvalid::text FROM pg_index WHERE indexrelid = 't1_w'::regclass")).containsExactly("true");
        }
    }

    private List<MigrationResult> runAtOnce(boolean perRevision) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RUNNERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<MigrationResult>> futures = new ArrayList<>();
            for (int i = 0; i < RUNNERS; i++) {
                Executor executor = Chain.executor(db.url(), Duration.ofMinutes(2), perRevision);
                futures.add(pool.submit(() -> {
                    start.await();
                    return executor.run(Direction.UPGRADE, "head", chain.to(Direction.UPGRADE, "head"), BeforeRun.NONE);
                }));
            }
            start.countDown();
            List<MigrationResult> results = new ArrayList<>();
            for (Future<MigrationResult> future : futures) {
                // a bound only so that a deadlock fails the test instead of hanging the build
                results.add(future.get(5, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

}
