package com.plccoach.migrations.internal.fleet;

import com.plccoach.migrations.EnvironmentException;
import com.plccoach.migrations.FleetConfig;
import com.plccoach.migrations.FleetReport;
import com.plccoach.migrations.FleetResult;
import com.plccoach.migrations.MigratorConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one operation on every member of a fleet, at most {@code parallelism} at once (a fixed pool, so
 * at most that many members hold connections), each member exactly the single-database path with
 * its own lock, state tables and backup. A failure is recorded and the others go on, unless failFast:
 * then members not started yet are reported as not run. While a member runs, its thread is named
 * after it and the MDC key {@value #MDC_KEY} holds it, so every log line of the core can be told apart.
 */
public final class FleetRunner {

    /** MDC key holding the member a log line belongs to (add {@code %X{plccoach.database}} to a logging pattern). */
    public static final String MDC_KEY = "plccoach.database";

    private static final Logger LOG = LoggerFactory.getLogger(FleetRunner.class);

    /** What the summary shows of a member's result. */
    public record Summary(List<String> from, List<String> to, int revisions) {
    }

    private final FleetConfig fleet;

    public FleetRunner(FleetConfig fleet) {
        this.fleet = fleet;
    }

    /**
     * @param task      the single-database operation on a member's configuration
     * @param summary   from, to and revisions of its result
     * @param headsNow  the heads of a member after it failed (read again, as the failure may have changed nothing or a part)
     */
    public <R> FleetReport<R> run(String operation, String target, List<FleetMember> members, Function<MigratorConfig, R> task,
                                  Function<R, Summary> summary, Function<MigratorConfig, List<String>> headsNow) {
        long start = System.nanoTime();
        int threads = Math.min(fleet.parallelism(), Math.max(members.size(), 1));
        LOG.info("{}{} on {} database(s), {} at once{}", operation, target == null ? "" : " to " + target, members.size(), threads,
                fleet.failFast() ? ", stopping at the first failure (failFast)" : "");
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "plccoach-fleet-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        AtomicReference<String> firstFailure = new AtomicReference<>();
        AtomicInteger done = new AtomicInteger();
        List<Future<FleetResult<R>>> futures = new ArrayList<>();
        try {
            for (FleetMember member : members) {
                futures.add(pool.submit(() -> runOne(operation, member, members.size(), task, summary, headsNow, firstFailure, done)));
            }
            List<FleetResult<R>> results = new ArrayList<>();
            for (Future<FleetResult<R>> future : futures) {
                results.add(future.get());
            }
            FleetReport<R> report = new FleetReport<>(operation, target, results, threads, Duration.ofNanos(System.nanoTime() - start));
            report.table().forEach(LOG::info);
            if (report.succeeded()) {
                LOG.info("{}", report.summary());
            } else {
                LOG.error("{}", report.summary());
            }
            return report;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentException("The fleet's " + operation + " was interrupted; members still running finish their own"
                    + " transaction, the others did not start. Run the same command again to complete it.", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a fleet member's task failed outside its own error handling", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private <R> FleetResult<R> runOne(String operation, FleetMember member, int total, Function<MigratorConfig, R> task,
                                      Function<R, Summary> summary, Function<MigratorConfig, List<String>> headsNow,
                                      AtomicReference<String> firstFailure, AtomicInteger done) {
        Thread thread = Thread.currentThread();
        String poolName = thread.getName();
        thread.setName(member.label());
        MDC.put(MDC_KEY, member.label());
        long start = System.nanoTime();
        try {
            String stoppedBy = firstFailure.get();
            if (fleet.failFast() && stoppedBy != null) {
                return new FleetResult<>(member.label(), null, null, 0, Duration.ZERO, FleetResult.Outcome.NOT_RUN,
                        "not run: " + stoppedBy + " failed and failFast stops the fleet at the first failure", null);
            }
            try {
                R result = task.apply(member.config());
                Summary s = summary.apply(result);
                LOG.info("[{}] {} ({}/{})", member.label(), result, done.incrementAndGet(), total);
                return new FleetResult<>(member.label(), s.from(), s.to(), s.revisions(), Duration.ofNanos(System.nanoTime() - start),
                        FleetResult.Outcome.SUCCESS, null, result);
            } catch (RuntimeException e) {
                firstFailure.compareAndSet(null, member.label());
                String error = e.getMessage() == null ? e.toString() : e.getMessage();
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                LOG.error("[{}] {} failed ({}/{}): {}", member.label(), operation, done.incrementAndGet(), total, error);
                List<String> heads = headsAfterFailure(member, headsNow);
                return new FleetResult<>(member.label(), heads, heads, 0, took, FleetResult.Outcome.FAILED, error, null);
            }
        } finally {
            MDC.remove(MDC_KEY);
            thread.setName(poolName);
        }
    }

    private static List<String> headsAfterFailure(FleetMember member, Function<MigratorConfig, List<String>> headsNow) {
        try {
            return headsNow.apply(member.config());
        } catch (RuntimeException unreachable) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "FleetRunner[" + fleet + "]";
    }
}
