package com.plccoach.migrations.internal.safety;

import com.plccoach.migrations.internal.progress.ProgressWatch;
import com.plccoach.migrations.DatabaseUnavailableException;
import com.plccoach.migrations.Direction;
import com.plccoach.migrations.PlanReport;
import com.plccoach.migrations.PlanReport.Outcome;
import com.plccoach.migrations.PlanReport.RevisionReport;
import com.plccoach.migrations.PlanReport.StatementReport;
import com.plccoach.migrations.internal.script.SqlStatement;
import com.plccoach.migrations.internal.script.StatementRules;
import com.plccoach.migrations.internal.execution.PreparedRevision;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a plan inside a transaction that is rolled back and reports what each statement did, read
 * from the catalog and from our own backend's locks and statistics. Each statement runs under a
 * savepoint, so one that fails is reported and the next still runs; a short {@code lock_timeout}
 * keeps the analysis from queueing behind other sessions (it holds the plan's locks until the
 * rollback, like the real run would until its commit).
 *
 * <p>What it cannot see: effects outside the transaction (sequence values consumed by
 * {@code nextval} stay consumed, as PostgreSQL never rolls them back), and statements that cannot
 * run in a transaction, which are listed as not analysed. The statements of a
 * {@code transactional: false} revision that can run in one are analysed like any other.
 */
public final class ImpactAnalyzer {

    private static final Logger LOG = LoggerFactory.getLogger(ImpactAnalyzer.class);
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(2);
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    /** invalid_transaction_termination: a DO block or procedure that commits, run inside a transaction block. */
    private static final String COMMITS_INSIDE = "2D000";

    private final Duration lockTimeout;

    public ImpactAnalyzer() {
        this(DEFAULT_LOCK_TIMEOUT);
    }

    public ImpactAnalyzer(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    /**
     * Analyses the plan on the connection and leaves the database, and the connection's own
     * transaction if it had one open, exactly as they were.
     */
    public PlanReport analyse(Connection connection, Direction direction, String target, List<PreparedRevision> plan) {
        // a slow statement of the analysis is announced like one of a run; no second connection: its lines say only how long
        try (ProgressWatch watch = new ProgressWatch(null, 0, plan.size(), false)) {
            return new Run(connection, watch).analyse(direction, target, plan);
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("The analysis of the " + direction.name().toLowerCase() + " to " + target
                    + " failed reading the catalog: " + e.getMessage() + ". Nothing was changed; check the connection and run plan again.", e);
        }
    }

    /** One analysis: the catalog snapshot before the plan, and per-statement differences. */
    private final class Run {
        private final Connection connection;
        private final ProgressWatch watch;
        private Map<Long, CatalogSnapshot.Rel> original;
        /** Oids of {@link #original}: what the plan creates is invisible to others and holds nothing to lose, so it is never read again. */
        private long[] originalOids;

        Run(Connection connection, ProgressWatch watch) {
            this.connection = connection;
            this.watch = watch;
        }

        PlanReport analyse(Direction direction, String target, List<PreparedRevision> plan) throws SQLException {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            Savepoint outer = connection.setSavepoint("plccoach_analysis");
            List<PendingStatement> pending = new ArrayList<>();
            List<List<PendingStatement>> byRevision = new ArrayList<>();
            try {
                try (Statement s = connection.createStatement()) {
                    s.execute("SET LOCAL lock_timeout = '" + Math.max(1, lockTimeout.toMillis()) + "ms'");
                }
                CatalogSnapshot before = CatalogSnapshot.read(connection);
                original = before.relations();
                originalOids = original.keySet().stream().mapToLong(Long::longValue).toArray();
                int position = 0;
                for (PreparedRevision revision : plan) {
                    watch.started("Analysing", revision.revision().id(), ++position);
                    List<PendingStatement> statements = new ArrayList<>();
                    for (SqlStatement statement : revision.statements()) {
                        // a transactional: false revision's statements are analysed too: the run watches each in a transaction of its own
                        PendingStatement p;
                        Optional<String> why = StatementRules.whyNotAnalysable(statement);
                        if (why.isPresent()) {
                            p = PendingStatement.notRun(statement, Outcome.NOT_ANALYSED, why.get());
                        } else {
                            CatalogSnapshot[] holder = {before};
                            p = runOne(statement, holder, revision.transactional());
                            before = holder[0];
                        }
                        statements.add(p);
                        pending.add(p);
                    }
                    byRevision.add(statements);
                    watch.stopped();
                }
            } catch (SQLException | RuntimeException e) {
                restore(outer, autoCommit);
                throw e;
            }
            connection.rollback(outer);
            connection.releaseSavepoint(outer); // leave no subtransaction behind: pg_export_snapshot refuses to run in one
            // Counted after the rollback: what the objects hold now, which is what the real run would destroy.
            List<RevisionReport> revisions = new ArrayList<>();
            try {
                for (int i = 0; i < plan.size(); i++) {
                    PreparedRevision revision = plan.get(i);
                    List<StatementReport> statements = new ArrayList<>();
                    for (PendingStatement p : byRevision.get(i)) {
                        statements.add(p.report(connection, original));
                    }
                    revisions.add(new RevisionReport(revision.revision().id(), revision.revision().message(),
                            revision.revision().location(), statements));
                }
            } finally {
                restore(null, autoCommit);
            }
            LOG.debug("Analysed {} statement(s) of the {} to {}", pending.size(), direction, target);
            return new PlanReport(direction, target, revisions, null);
        }

        /** Back to where the caller was: its own transaction untouched, or autocommit as before. */
        private void restore(Savepoint outer, boolean autoCommit) throws SQLException {
            if (outer != null) {
                connection.rollback(outer);
                connection.releaseSavepoint(outer);
            }
            if (autoCommit) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }

        /** @param transactional false when the run gives the statement a transaction of its own, which it may not accept */
        private PendingStatement runOne(SqlStatement statement, CatalogSnapshot[] snapshot, boolean transactional) throws SQLException {
            BackendActivity activityBefore = BackendActivity.read(connection, originalOids);
            java.util.Set<Long> unfilteredDeleteOf = BackendActivity.unfilteredDeleteTargets(connection, statement, original);
            Savepoint savepoint = connection.setSavepoint("plccoach_statement");
            long updateCount;
            try {
                updateCount = execute(statement);
            } catch (SQLException e) {
                connection.rollback(savepoint);
                if (!transactional && COMMITS_INSIDE.equals(e.getSQLState())) {
                    return PendingStatement.notRun(statement, Outcome.NOT_ANALYSED, "it commits or rolls back inside itself, so it "
                            + "cannot run inside a transaction block and is not analysed; check it by hand");
                }
                boolean blocked = LOCK_NOT_AVAILABLE.equals(e.getSQLState());
                String detail = blocked
                        ? "could not get its lock within " + lockTimeout.toMillis() + " ms: " + holders(statement)
                        + " (the real run would wait up to plccoach.lockTimeout, blocking everyone queued behind it)"
                        : "PostgreSQL refuses it: " + firstLine(e.getMessage()) + " (SQLSTATE " + e.getSQLState() + ")";
                return PendingStatement.notRun(statement, blocked ? Outcome.BLOCKED : Outcome.FAILED, detail);
            }
            BackendActivity activityAfter = BackendActivity.read(connection, originalOids);
            CatalogSnapshot after = CatalogSnapshot.read(connection, originalOids);
            connection.releaseSavepoint(savepoint);
            PendingStatement p = new PendingStatement(statement, updateCount);
            diffCatalog(snapshot[0], after, p, statement.sql());
            p.locks.addAll(activityAfter.locksTakenSince(activityBefore, original));
            p.scans.addAll(activityAfter.scansSince(activityBefore, original));
            p.rowChanges.addAll(activityAfter.rowChangesSince(activityBefore, original, unfilteredDeleteOf));
            snapshot[0] = after;
            return p;
        }

        private String holders(SqlStatement statement) {
            List<String> holders = com.plccoach.migrations.internal.execution.LockHolders.of(connection, statement.sql());
            return holders.isEmpty() ? "another session holds a conflicting lock" : "held by " + String.join("; ", holders);
        }

        private long execute(SqlStatement statement) throws SQLException {
            if (statement.copyData() != null) {
                try {
                    return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(statement.sql(), new StringReader(statement.copyData()));
                } catch (java.io.IOException e) {
                    throw new SQLException(e.getMessage(), e);
                }
            }
            try (Statement s = connection.createStatement()) {
                s.setEscapeProcessing(false);
                boolean result = s.execute(statement.sql());
                return result ? -1 : s.getUpdateCount();
            }
        }

        private void diffCatalog(CatalogSnapshot before, CatalogSnapshot after, PendingStatement p, String sql) {
            boolean truncate = StatementRules.truncates(new SqlStatement(sql, 0));
            for (CatalogSnapshot.Rel rel : before.relations().values()) {
                if (!original.containsKey(rel.oid())) {
                    continue; // created by the plan itself: nobody else can have data in it
                }
                CatalogSnapshot.Rel now = after.relations().get(rel.oid());
                if (now == null) {
                    if (!rel.kind().equals("index")) {
                        p.droppedTables.add(rel);
                    }
                } else if (rel.relfilenode() != 0 && now.relfilenode() != rel.relfilenode() && !rel.kind().equals("index")
                        && !rel.kind().equals("sequence")) {
                    p.rewrites.add(new PendingStatement.PendingRewrite(rel, truncate));
                }
            }
            for (CatalogSnapshot.Col column : before.columns().values()) {
                if (!original.containsKey(column.relid()) || !after.relations().containsKey(column.relid())) {
                    continue;
                }
                if (!after.columns().containsKey(column.key())) {
                    p.droppedColumns.add(column);
                }
            }
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
