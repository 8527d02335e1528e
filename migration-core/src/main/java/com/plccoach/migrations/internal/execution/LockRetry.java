package com.plccoach.migrations.internal.execution;

import com.plccoach.migrations.Advice;
import com.plccoach.migrations.EnvironmentException;
import com.plccoach.migrations.MigrationException;
import com.plccoach.migrations.ScriptFailedException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a transaction again when {@code lock_timeout} struck it (SQLSTATE 55P03): the transaction was
 * rolled back, so trying again is safe, and a short-lived blocker (a long report, an autovacuum
 * to prevent wraparound, a deploy's old connections) is often gone a moment later. Pauses grow
 * (0.5 s, 1 s, 2 s...) with jitter, so that several runners do not retry in step. Each retry logs
 * the session holding the lock; the last failure names it and what to do.
 */
final class LockRetry {

    private static final Logger LOG = LoggerFactory.getLogger(LockRetry.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(500);

    /** One transaction of the run. */
    interface Attempt {
        void run();
    }

    private final int retries;
    private final Advice advice;

    LockRetry(int retries, Advice advice) {
        this.retries = Math.max(0, retries);
        this.advice = advice;
    }

    /** Runs {@code attempt}, again up to {@code retries} times while it fails on lock_timeout. */
    void run(Connection connection, String what, RunProgress progress, Attempt attempt) {
        for (int tryNumber = 1; ; tryNumber++) {
            try {
                attempt.run();
                return;
            } catch (MigrationException e) {
                if (!timedOut(e)) {
                    throw e;
                }
                Optional<LockHolder> holder = LockHolder.find(connection);
                String held = holder.map(h -> "the lock is held by " + h).orElse("no other session holds a table lock any more");
                if (tryNumber > retries) {
                    throw new ScriptFailedException(e.getMessage() + "\n  " + (retries == 0 ? "Not retried" : "Tried " + tryNumber
                            + " times") + " (plccoach.lockRetries=" + retries + "); " + held + ". " + holder.map(h -> "End that "
                            + "session (SELECT pg_terminate_backend(" + h.pid() + ")) or wait for it to finish, then rerun.")
                            .orElse("Rerun now.") + " More tries: " + advice.setting("lockRetries") + ".", e.getCause());
                }
                long pause = pauseMillis(tryNumber);
                LOG.warn("lock_timeout struck {} (try {} of {}): {}; rolled back, trying again in {} ms", what, tryNumber,
                        retries + 1, held, pause);
                progress.failedIn(null);
                sleep(pause);
            }
        }
    }

    private static boolean timedOut(MigrationException e) {
        return e.getCause() instanceof SQLException s && "55P03".equals(s.getSQLState());
    }

    /** 0.5 s, 1 s, 2 s, ... (capped at 30 s), each between 75 % and 125 % of that. */
    static long pauseMillis(int tryNumber) {
        long base = Math.min(FIRST_PAUSE.toMillis() << Math.min(tryNumber - 1, 16), 30_000);
        return base * 3 / 4 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentException("Interrupted while waiting to retry after lock_timeout; nothing of that transaction"
                    + " was applied. Rerun when ready.", e);
        }
    }

    @Override
    public String toString() {
        return "LockRetry[retries=" + retries + "]";
    }
}
