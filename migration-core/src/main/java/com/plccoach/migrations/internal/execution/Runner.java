package com.plccoach.migrations.internal.execution;

import com.plccoach.migrations.Direction;
import com.plccoach.migrations.MigrationException;
import com.plccoach.migrations.MigrationResult;
import com.plccoach.migrations.internal.graph.Plan;
import com.plccoach.migrations.internal.progress.RunWatch;
import com.plccoach.migrations.internal.script.SqlStatement;
import com.plccoach.migrations.internal.state.StateSql;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a prepared plan on a connection that holds the migration lock. Transactional revisions run
 * in one transaction per run (or per revision), each with {@code SET LOCAL lock_timeout} and its
 * version row; a {@code transactional: false} revision runs alone in autocommit.
 */
public final class Runner {

    private static final Logger LOG = LoggerFactory.getLogger(Runner.class);
    private final StateSql state;
    private final Duration lockTimeout;
    private final boolean transactionPerRevision;
    private final LockRetry lockRetry;
    private final Duration batchPause;

    public Runner(StateSql state, Duration lockTimeout, boolean transactionPerRevision) {
        this(state, lockTimeout, transactionPerRevision, 0, Duration.ZERO);
    }

    /**
     * @param lockRetries how many times a transaction that lock_timeout struck runs again (see {@link LockRetry})
     * @param batchPause  the pause between two batches of a batched backfill (see {@link Backfill})
     */
    public Runner(StateSql state, Duration lockTimeout, boolean transactionPerRevision, int lockRetries, Duration batchPause) {
        this.state = state;
        this.lockTimeout = lockTimeout;
        this.transactionPerRevision = transactionPerRevision;
        this.lockRetry = new LockRetry(lockRetries);
        this.batchPause = batchPause;
    }

    /** Splits and checks the plan; throws before anything runs when it could not run through. */
    public static List<PreparedStep> prepare(Plan plan) {
        return Preparation.prepare(plan);
    }

    /** Consecutive transactional revisions share a transaction unless transactionPerRevision; others run alone. */
    List<List<PreparedStep>> batches(List<PreparedStep> steps) {
        List<List<PreparedStep>> batches = new ArrayList<>();
        List<PreparedStep> current = new ArrayList<>();
        for (PreparedStep step : steps) {
            if (!step.transactional() || transactionPerRevision) {
                if (!current.isEmpty()) {
                    batches.add(current);
                    current = new ArrayList<>();
                }
                batches.add(List.of(step));
            } else {
                current.add(step);
            }
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    /**
     * Runs every step; on failure rolls back the open transaction and throws the translated error,
     * {@code progress} then telling what was committed before.
     *
     * @param command what the user types to run again, for messages
     */
    public void run(Connection connection, Plan plan, List<PreparedStep> steps, BeforeRun beforeRun, RunProgress progress,
                    String command, RunWatch watch) {
        Positions positions = new Positions(steps, watch);
        BeforeRun hook = beforeRun;
        for (List<PreparedStep> batch : batches(steps)) {
            if (batch.get(0).transactional()) {
                BeforeRun batchHook = hook;
                lockRetry.run(connection, "revision(s) " + batch.stream().map(s -> s.revision().id()).toList(), progress,
                        () -> runInTransaction(connection, plan, batch, batchHook, progress, command, positions));
            } else {
                runAlone(connection, plan, batch.get(0), hook, progress, command, positions);
            }
            hook = null;
        }
    }

    private void runInTransaction(Connection connection, Plan plan, List<PreparedStep> batch, BeforeRun hook,
                                  RunProgress progress, String command, Positions positions) {
        PreparedStep current = null;
        SqlStatement statement = null;
        List<MigrationResult.Step> done = new ArrayList<>();
        try {
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                st.setEscapeProcessing(false);
                if (hook != null) {
                    hook.beforeRun(connection, plan).ifPresent(progress::backup);
                }
                st.execute(setLockTimeout(true));
                for (int i = 0; i < batch.size(); i++) {
                    PreparedStep step = batch.get(i);
                    current = step;
                    long start = System.nanoTime();
                    positions.started(step);
                    for (SqlStatement s : step.statements()) {
                        statement = s;
                        execute(connection, st, s);
                    }
                    statement = null;
                    long ms = (System.nanoTime() - start) / 1_000_000;
                    // the next revision's SET LOCAL rides with this version row: one round trip instead of two
                    st.execute(versionStatement(step, ms) + (i + 1 < batch.size() ? ";\n" + setLockTimeout(true) : ""));
                    done.add(new MigrationResult.Step(step.revision().id(), step.revision().message(), Duration.ofMillis(ms)));
                    positions.finished(step, ms, batch.size() > 1 ? " (commits with the run)" : "");
                }
            }
            connection.commit();
            progress.committed(done);
        } catch (SQLException e) {
            rollbackQuietly(connection);
            if (current == null) {
                throw new MigrationException("The checks before the run failed, nothing was changed: " + e.getMessage(), e);
            }
            progress.failedIn(current.revision().id());
            positions.stopped();
            throw Failures.translate(e, connection, current, statement, progress.committedIds(), command, lockTimeout);
        } catch (RuntimeException e) {
            rollbackQuietly(connection);
            positions.stopped();
            if (current != null) {
                progress.failedIn(current.revision().id());
            }
            throw e;
        } finally {
            autocommitQuietly(connection);
        }
    }

    private void runAlone(Connection connection, Plan plan, PreparedStep step, BeforeRun hook, RunProgress progress,
                          String command, Positions positions) {
        if (hook != null) {
            runHookAlone(connection, plan, hook, progress);
        }
        SqlStatement statement = null;
        NonTransactionalProgress resumable = new NonTransactionalProgress(state);
        try (Statement st = connection.createStatement()) {
            connection.setAutoCommit(true);
            st.setEscapeProcessing(false);
            long start = System.nanoTime();
            positions.started(step);
            st.execute(setLockTimeout(false));
            int done = resumable.recordedDone(connection, step);
            if (done < 0) {
                resumable.started(st, step);
                done = 0;
            } else {
                LOG.warn("Revision {} ({}) was started by a run that did not finish it: {} of its {} statements are recorded done; "
                        + "finishing it", step.revision().id(), step.revision().location(), done, step.statements().size());
            }
            for (int i = done; i < step.statements().size(); i++) {
                SqlStatement s = step.statements().get(i);
                statement = s;
                // the first statement this run runs may be the one a killed run had in flight (or, with no
                // progress row, one a run of an older version was killed in): the catalog says if it took effect
                if (i == done && resumable.tookEffect(connection, st, step, s)) {
                    resumable.done(st, step, i + 1);
                    continue;
                }
                if (i > done) {
                    resumable.dropInvalidLeftBy(connection, st, step, s);
                }
                if (step.revision().batchSize() > 0) {
                    Backfill.run(connection, st, step, s, batchPause);
                } else {
                    execute(connection, st, s);
                }
                resumable.done(st, step, i + 1);
            }
            statement = null;
            long ms = (System.nanoTime() - start) / 1_000_000;
            st.execute(versionStatement(step, ms) + ";\n" + resumable.finished(step));
            st.execute("RESET lock_timeout");
            progress.committed(List.of(new MigrationResult.Step(step.revision().id(), step.revision().message(), Duration.ofMillis(ms))));
            positions.finished(step, ms, "");
        } catch (SQLException e) {
            progress.failedIn(step.revision().id());
            positions.stopped();
            resetQuietly(connection);
            throw Failures.translate(e, connection, step, statement, progress.committedIds(), command, lockTimeout);
        }
    }

    private void runHookAlone(Connection connection, Plan plan, BeforeRun hook, RunProgress progress) {
        try {
            connection.setAutoCommit(false);
            hook.beforeRun(connection, plan).ifPresent(progress::backup);
            connection.commit();
        } catch (SQLException e) {
            rollbackQuietly(connection);
            throw new MigrationException("The checks before the run failed, nothing was changed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            rollbackQuietly(connection);
            throw e;
        } finally {
            autocommitQuietly(connection);
        }
    }

    static String identifierName(String token) {
        if (token.startsWith("\"")) {
            return token.substring(1, token.length() - 1).replace("\"\"", "\"");
        }
        return token.toLowerCase(Locale.ROOT);
    }

    private static void execute(Connection connection, Statement st, SqlStatement s) throws SQLException {
        if (s.copyData() != null) {
            try {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(s.sql(), new StringReader(s.copyData()));
            } catch (java.io.IOException e) {
                throw new SQLException("Cannot send COPY data: " + e.getMessage(), "08006", e);
            }
        } else {
            st.execute(s.sql());
        }
    }

    String setLockTimeout(boolean local) {
        return "SET " + (local ? "LOCAL " : "") + "lock_timeout = '" + lockTimeout.toMillis() + "ms'";
    }

    String versionStatement(PreparedStep step, long ms) {
        return step.direction() == Direction.UPGRADE
                ? state.insertVersion(step.revision().id(), step.revision().checksum(), ms)
                : state.deleteVersion(step.revision().id());
    }

    /** Where each step stands in the whole run ("412/1000"), for the progress lines. */
    private record Positions(java.util.Map<PreparedStep, Integer> of, RunWatch watch) {
        Positions(List<PreparedStep> steps, RunWatch watch) {
            this(new java.util.IdentityHashMap<>(), watch);
            for (PreparedStep step : steps) {
                of.put(step, of.size() + 1);
            }
        }

        void started(PreparedStep step) {
            watch.started(step.direction() == Direction.UPGRADE ? "Applying" : "Reverting", step.describe(), of.get(step));
        }

        void finished(PreparedStep step, long ms, String note) {
            watch.finished(step.direction() == Direction.UPGRADE ? "Applied" : "Reverted", step.describe(), of.get(step), ms, note);
        }

        void stopped() {
            watch.stopped();
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            if (!connection.isClosed() && !connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            LOG.debug("Rollback failed; the session is gone and PostgreSQL rolled back", e);
        }
    }

    private static void autocommitQuietly(Connection connection) {
        try {
            if (!connection.isClosed()) {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            LOG.debug("Cannot restore autocommit", e);
        }
    }

    private static void resetQuietly(Connection connection) {
        try (Statement st = connection.createStatement()) {
            st.execute("RESET lock_timeout");
        } catch (SQLException e) {
            LOG.debug("Cannot reset lock_timeout", e);
        }
    }

    @Override
    public String toString() {
        return "Runner[lockTimeout=" + lockTimeout + ", transactionPerRevision=" + transactionPerRevision + "]";
    }
}
