package com.plccoach.migrations.internal.execution;

import com.plccoach.migrations.Advice;
import com.plccoach.migrations.Direction;
import com.plccoach.migrations.MigrationException;
import com.plccoach.migrations.MigrationResult;
import com.plccoach.migrations.internal.progress.ProgressWatch;
import com.plccoach.migrations.internal.script.SqlStatement;
import com.plccoach.migrations.internal.script.StatementRules;
import com.plccoach.migrations.internal.state.StateSql;
import java.io.StringReader;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a prepared plan on a connection that holds the migration lock, each statement once.
 * Transactional revisions run in one transaction per run (or per revision); {@code lock_timeout} is
 * set once for the whole run, on the session, and given back when it ends. Statements that cannot destroy
 * data travel with the revision's version row in one round trip, the others are handed to the {@link RunWatch}. A
 * {@code transactional: false} revision runs alone in autocommit, statement by statement; the watch
 * sees those that can destroy data too, each in a short transaction of its own ({@link AloneStatement}).
 */
public final class Runner {

    private static final Logger LOG = LoggerFactory.getLogger(Runner.class);
    private static final Pattern BATCH_ENTRY = Pattern.compile("Batch entry (\\d+) ");

    private final StateSql state;
    private final Duration lockTimeout;
    private final boolean transactionPerRevision;
    private final LockRetry lockRetry;
    private final Duration batchPause;
    private final Advice advice;

    public Runner(StateSql state, Duration lockTimeout, boolean transactionPerRevision) {
        this(state, lockTimeout, transactionPerRevision, 0, Duration.ZERO, Advice.EMBEDDED);
    }

    /**
     * @param lockRetries how many times a transaction that lock_timeout struck runs again (see {@link LockRetry})
     * @param batchPause  the pause between two batches of a batched backfill (see {@link Backfill})
     * @param advice      how failures word what to set
     */
    public Runner(StateSql state, Duration lockTimeout, boolean transactionPerRevision, int lockRetries, Duration batchPause,
                  Advice advice) {
        this.state = state;
        this.lockTimeout = lockTimeout;
        this.transactionPerRevision = transactionPerRevision;
        this.lockRetry = new LockRetry(lockRetries, advice);
        this.advice = advice;
        this.batchPause = batchPause;
    }

    /** Consecutive transactional revisions share a transaction unless transactionPerRevision; others run alone. */
    List<List<PreparedRevision>> batches(List<PreparedRevision> steps) {
        List<List<PreparedRevision>> batches = new ArrayList<>();
        List<PreparedRevision> current = new ArrayList<>();
        for (PreparedRevision step : steps) {
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
     * Runs every revision once; on failure rolls back the open transaction and throws the translated
     * error, {@code progress} then telling what was committed before.
     *
     * @param watch   runs the statements that can destroy data, watching them, and is asked before each commit
     * @param command what the user types to run again, for messages
     */
    public void run(Connection connection, PreparedPlan plan, BeforeRun beforeRun, RunWatch watch, RunProgress progress,
                    String command, ProgressWatch lines) {
        Positions positions = new Positions(plan.revisions(), lines);
        List<List<PreparedRevision>> batches = batches(plan.revisions());
        long transactions = batches.stream().filter(b -> b.get(0).transactional()).count();
        RunSession session = RunSession.open(connection, setLockTimeout(false),
                transactions > 1 ? state.prepareVersionRow(RunSession.VERSION_ROW, plan.direction() == Direction.UPGRADE) : null);
        String versionRow = session.versionRow();
        try {
            BeforeRun hook = beforeRun;
            for (List<PreparedRevision> batch : batches) {
                if (batch.get(0).transactional()) {
                    BeforeRun batchHook = hook;
                    lockRetry.run(connection, "revision(s) " + batch.stream().map(s -> s.revision().id()).toList(), progress,
                            () -> runInTransaction(connection, plan, batch, batchHook, watch, progress, command, positions, versionRow));
                } else {
                    runAlone(connection, plan, batch.get(0), hook, watch, progress, command, positions);
                }
                hook = null;
            }
        } finally {
            session.closeQuietly(connection);
        }
    }

    private void runInTransaction(Connection connection, PreparedPlan plan, List<PreparedRevision> batch, BeforeRun hook,
                                  RunWatch watch, RunProgress progress, String command, Positions positions, String versionRow) {
        Position at = new Position();
        List<MigrationResult.Step> done = new ArrayList<>();
        try {
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                st.setEscapeProcessing(false);
                if (hook != null) {
                    hook.beforeRun(connection, plan).ifPresent(progress::backup);
                }
                List<SqlStatement> pending = new ArrayList<>();
                // a transaction records all its revisions in one statement before its COMMIT (atomic with their DDL all
                // the same): one INSERT instead of one per revision saves 7-10% of the server's work per CREATE TABLE
                VersionRows rows = new VersionRows();
                for (int i = 0; i < batch.size(); i++) {
                    PreparedRevision step = batch.get(i);
                    at.revision = step;
                    long start = System.nanoTime();
                    positions.started(step);
                    for (SqlStatement s : step.statements()) {
                        if (s.copyData() == null && !StatementRules.canDestroyData(s)) {
                            pending.add(s);
                            continue;
                        }
                        send(st, pending, at);
                        at.statement = s;
                        watch.run(connection, step, s, () -> execute(connection, st, s));
                    }
                    boolean last = i == batch.size() - 1;
                    if (last) {
                        // the version rows and COMMIT travel with the last revision's statements: one round trip for a
                        // plain revision. What is still pending cannot destroy data, so the guard's verdict is final.
                        rows.add(step, (System.nanoTime() - start) / 1_000_000);
                        pending.add(new SqlStatement(rows.statement(step.direction(), versionRow), 0));
                        watch.beforeCommit(connection);
                        pending.add(new SqlStatement("COMMIT", 0));
                    }
                    send(st, pending, at);
                    at.statement = null;
                    long took = (System.nanoTime() - start) / 1_000_000;
                    if (!last) {
                        rows.add(step, took);
                    }
                    done.add(new MigrationResult.Step(step.revision().id(), step.revision().message(), Duration.ofMillis(took)));
                    positions.finished(step, took, batch.size() > 1 ? " (commits with the run)" : "");
                }
            }
            connection.commit(); // PgJDBC sends nothing: the batch's COMMIT ended the transaction
            progress.committed(done);
        } catch (SQLException e) {
            rollbackQuietly(connection);
            if (at.revision == null) {
                throw new MigrationException("The checks before the run failed, nothing was changed: " + e.getMessage(), e);
            }
            progress.failedIn(at.revision.revision().id());
            positions.stopped();
            throw Failures.translate(e, connection, at.revision, at.statement, progress.committedIds(), command, lockTimeout, advice);
        } catch (RuntimeException e) {
            rollbackQuietly(connection);
            positions.stopped();
            if (at.revision != null) {
                progress.failedIn(at.revision.revision().id());
            }
            throw e;
        } finally {
            autocommitQuietly(connection);
        }
    }

    /** Where a transaction is, for the message when it fails. */
    private static final class Position {
        PreparedRevision revision;
        SqlStatement statement;
    }

    /**
     * Sends the pending statements in one round trip (a JDBC batch) and empties the list. A failure
     * names its statement from the batch entry PgJDBC reports; the version row and SET have line 0.
     */
    private static void send(Statement st, List<SqlStatement> pending, Position at) throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        try {
            if (pending.size() == 1) {
                at.statement = real(pending.get(0));
                st.execute(pending.get(0).sql());
            } else {
                for (SqlStatement s : pending) {
                    st.addBatch(s.sql());
                }
                try {
                    st.executeBatch();
                } catch (BatchUpdateException e) {
                    Matcher entry = BATCH_ENTRY.matcher(String.valueOf(e.getMessage()));
                    at.statement = entry.find() && Integer.parseInt(entry.group(1)) < pending.size()
                            ? real(pending.get(Integer.parseInt(entry.group(1)))) : null;
                    throw e.getNextException() != null ? e.getNextException() : e;
                } finally {
                    st.clearBatch();
                }
            }
        } finally {
            pending.clear();
        }
    }

    private static SqlStatement real(SqlStatement s) {
        return s.line() == 0 ? null : s;
    }

    private void runAlone(Connection connection, PreparedPlan plan, PreparedRevision step, BeforeRun hook, RunWatch watch,
                          RunProgress progress, String command, Positions positions) {
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
                    resumable.done(st, step, i + 1);
                } else {
                    AloneStatement.run(connection, st, step, i, watch, resumable, () -> execute(connection, st, s));
                }
            }
            statement = null;
            long ms = (System.nanoTime() - start) / 1_000_000;
            st.execute(versionStatement(step, ms) + ";\n" + resumable.finished(step));
            progress.committed(List.of(new MigrationResult.Step(step.revision().id(), step.revision().message(), Duration.ofMillis(ms))));
            positions.finished(step, ms, "");
        } catch (SQLException e) {
            progress.failedIn(step.revision().id());
            positions.stopped();
            throw Failures.translate(e, connection, step, statement, progress.committedIds(), command, lockTimeout, advice);
        } catch (RuntimeException e) { // the watch's refusal: its statement was rolled back, the revision's progress row stays
            progress.failedIn(step.revision().id());
            positions.stopped();
            throw e;
        }
    }

    private void runHookAlone(Connection connection, PreparedPlan plan, BeforeRun hook, RunProgress progress) {
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

    /**
     * The version rows of a transaction's revisions, kept for one statement before its COMMIT. A row's duration ends
     * where its statements were sent and answered, the last one's where they were handed over (its row goes with them).
     */
    private final class VersionRows {
        final List<StateSql.VersionRow> rows = new ArrayList<>();

        void add(PreparedRevision step, long ms) {
            rows.add(new StateSql.VersionRow(step.revision().id(), step.revision().checksum(), ms));
        }

        /** @param prepared the session's version-row statement, or null: used for a transaction of one revision */
        String statement(Direction direction, String prepared) {
            boolean up = direction == Direction.UPGRADE;
            if (prepared != null && rows.size() == 1) {
                return StateSql.executeVersionRow(prepared, rows.get(0), up);
            }
            return up ? state.insertVersions(rows) : state.deleteVersions(rows.stream().map(StateSql.VersionRow::id).toList());
        }
    }

    String versionStatement(PreparedRevision step, long ms) {
        return step.direction() == Direction.UPGRADE
                ? state.insertVersion(step.revision().id(), step.revision().checksum(), ms)
                : state.deleteVersion(step.revision().id());
    }

    /** Where each revision stands in the whole run ("412/1000"), for the progress lines. */
    private record Positions(java.util.Map<PreparedRevision, Integer> of, ProgressWatch watch) {
        Positions(List<PreparedRevision> revisions, ProgressWatch watch) {
            this(new java.util.IdentityHashMap<>(), watch);
            for (PreparedRevision revision : revisions) {
                of.put(revision, of.size() + 1);
            }
        }

        void started(PreparedRevision step) {
            watch.started(step.direction() == Direction.UPGRADE ? "Applying" : "Reverting", step.describe(), of.get(step));
        }

        void finished(PreparedRevision step, long ms, String note) {
            watch.finished(step.direction() == Direction.UPGRADE ? "Applied" : "Reverted", step.describe(), of.get(step), ms, note);
        }

        void stopped() {
            watch.stopped();
        }
    }

    static void rollbackQuietly(Connection connection) {
        try {
            if (!connection.isClosed() && !connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            LOG.debug("Rollback failed; the session is gone and PostgreSQL rolled back", e);
        }
    }

    static void autocommitQuietly(Connection connection) {
        try {
            if (!connection.isClosed()) {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            LOG.debug("Cannot restore autocommit", e);
        }
    }

    @Override
    public String toString() {
        return "Runner[lockTimeout=" + lockTimeout + ", transactionPerRevision=" + transactionPerRevision + "]";
    }
}
