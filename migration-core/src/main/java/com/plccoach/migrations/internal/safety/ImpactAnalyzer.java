package com.plccoach.migrations.internal.safety;

import com.plccoach.migrations.internal.script.Identifiers;
import com.plccoach.migrations.internal.progress.ProgressWatch;

import com.plccoach.migrations.DatabaseUnavailableException;
import com.plccoach.migrations.Direction;
import com.plccoach.migrations.PlanReport;
import com.plccoach.migrations.PlanReport.DroppedColumn;
import com.plccoach.migrations.PlanReport.DroppedTable;
import com.plccoach.migrations.PlanReport.LockMode;
import com.plccoach.migrations.PlanReport.LockTaken;
import com.plccoach.migrations.PlanReport.Outcome;
import com.plccoach.migrations.PlanReport.Relation;
import com.plccoach.migrations.PlanReport.Rewrite;
import com.plccoach.migrations.PlanReport.RevisionReport;
import com.plccoach.migrations.PlanReport.RowChanges;
import com.plccoach.migrations.PlanReport.StatementReport;
import com.plccoach.migrations.PlanReport.TableScan;
import com.plccoach.migrations.internal.script.SqlStatement;
import com.plccoach.migrations.internal.script.StatementRules;
import com.plccoach.migrations.internal.execution.PreparedRevision;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * run in a transaction, which are listed as not analysed.
 */
public final class ImpactAnalyzer {

    private static final Logger LOG = LoggerFactory.getLogger(ImpactAnalyzer.class);
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(2);
    private static final String LOCK_NOT_AVAILABLE = "55P03";

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
            List<Pending> pending = new ArrayList<>();
            List<List<Pending>> byRevision = new ArrayList<>();
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
                    List<Pending> statements = new ArrayList<>();
                    for (SqlStatement statement : revision.statements()) {
                        Pending p;
                        if (!revision.revision().transactional()) {
                            p = Pending.notRun(statement, Outcome.NOT_ANALYSED, "revision " + revision.revision().id()
                                    + " is transactional: false: its statements cannot be rolled back, so they are not analysed; check them by hand");
                        } else {
                            Optional<String> why = StatementRules.whyNotAnalysable(statement);
                            if (why.isPresent()) {
                                p = Pending.notRun(statement, Outcome.NOT_ANALYSED, why.get());
                            } else {
                                CatalogSnapshot[] holder = {before};
                                p = runOne(statement, holder);
                                before = holder[0];
                            }
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
                    for (Pending p : byRevision.get(i)) {
                        statements.add(p.report(this));
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

        private Pending runOne(SqlStatement statement, CatalogSnapshot[] snapshot) throws SQLException {
            Set<String> locksBefore = readLocks();
            Map<Long, long[]> statsBefore = readStats();
            Savepoint savepoint = connection.setSavepoint("plccoach_statement");
            long updateCount;
            try {
                updateCount = execute(statement);
            } catch (SQLException e) {
                connection.rollback(savepoint);
                boolean blocked = LOCK_NOT_AVAILABLE.equals(e.getSQLState());
                String detail = blocked
                        ? "could not get its lock within " + lockTimeout.toMillis() + " ms: " + holders(statement)
                        + " (the real run would wait up to plccoach.lockTimeout, blocking everyone queued behind it)"
                        : "PostgreSQL refuses it: " + firstLine(e.getMessage()) + " (SQLSTATE " + e.getSQLState() + ")";
                return Pending.notRun(statement, blocked ? Outcome.BLOCKED : Outcome.FAILED, detail);
            }
            Set<String> locksAfter = readLocks();
            Map<Long, long[]> statsAfter = readStats();
            CatalogSnapshot after = CatalogSnapshot.read(connection, originalOids);
            connection.releaseSavepoint(savepoint);
            Pending p = new Pending(statement, updateCount);
            diffCatalog(snapshot[0], after, p, statement.sql());
            diffLocks(locksBefore, locksAfter, p);
            diffStats(statsBefore, statsAfter, p);
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

        private void diffCatalog(CatalogSnapshot before, CatalogSnapshot after, Pending p, String sql) {
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
                    p.rewrites.add(new PendingRewrite(rel, truncate));
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

        private void diffLocks(Set<String> before, Set<String> after, Pending p) {
            for (String lock : after) {
                if (before.contains(lock)) {
                    continue;
                }
                int bar = lock.indexOf('|');
                long oid = Long.parseLong(lock.substring(0, bar));
                CatalogSnapshot.Rel rel = original.get(oid);
                LockMode mode = LockMode.fromPgLocks(lock.substring(bar + 1));
                if (rel != null && mode != null && !rel.kind().equals("index")) {
                    p.locks.add(new LockTaken(rel.relation().toString(), mode));
                }
            }
            p.locks.sort((a, b) -> a.relation().equals(b.relation()) ? b.mode().compareTo(a.mode()) : a.relation().compareTo(b.relation()));
        }

        private void diffStats(Map<Long, long[]> before, Map<Long, long[]> after, Pending p) {
            after.forEach((oid, now) -> {
                CatalogSnapshot.Rel rel = original.get(oid);
                if (rel == null) {
                    return;
                }
                long[] was = before.getOrDefault(oid, new long[4]);
                long scans = now[0] - was[0];
                if (scans > 0) {
                    p.scans.add(new TableScan(rel.relation().toString(), scans));
                }
                long ins = now[1] - was[1];
                long upd = now[2] - was[2];
                long del = now[3] - was[3];
                if (upd > 0 || del > 0 || ins > 0) {
                    p.rowChanges.add(new RowChanges(rel.relation().toString(), ins, upd, del));
                }
            });
        }

        private Set<String> readLocks() throws SQLException {
            Set<String> locks = new HashSet<>();
            if (originalOids.length == 0) {
                return locks;
            }
            try (PreparedStatement ps = connection.prepareStatement("SELECT relation::bigint, mode FROM pg_locks WHERE pid = pg_backend_pid() "
                    + "AND locktype = 'relation' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                    + "AND relation = ANY(?::oid[])")) {
                ps.setArray(1, CatalogSnapshot.oidArray(connection, originalOids));
                try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    locks.add(rs.getLong(1) + "|" + rs.getString(2));
                }
                }
            }
            return locks;
        }

        private Map<Long, long[]> readStats() throws SQLException {
            Map<Long, long[]> stats = new java.util.HashMap<>();
            if (originalOids.length == 0) {
                return stats;
            }
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT relid::bigint, seq_scan, n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_xact_user_tables WHERE relid = ANY(?::oid[])")) {
                ps.setArray(1, CatalogSnapshot.oidArray(connection, originalOids));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        stats.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
                    }
                }
            }
            return stats;
        }

        long count(String sql) throws SQLException {
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        long relationSize(long oid) throws SQLException {
            try (PreparedStatement ps = connection.prepareStatement("SELECT pg_relation_size(?::oid)")) {
                ps.setLong(1, oid);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }

        List<String> primaryKey(long relid, String except) throws SQLException {
            return Counts.primaryKey(connection, relid, except);
        }
    }

    private record PendingRewrite(CatalogSnapshot.Rel rel, boolean truncate) {
    }

    /** A statement's raw findings until the rollback, after which the counts can be taken. */
    private static final class Pending {
        final SqlStatement statement;
        final long updateCount;
        Outcome outcome = Outcome.ANALYSED;
        String detail;
        final List<CatalogSnapshot.Rel> droppedTables = new ArrayList<>();
        final List<CatalogSnapshot.Col> droppedColumns = new ArrayList<>();
        final List<PendingRewrite> rewrites = new ArrayList<>();
        final List<LockTaken> locks = new ArrayList<>();
        final List<TableScan> scans = new ArrayList<>();
        final List<RowChanges> rowChanges = new ArrayList<>();

        Pending(SqlStatement statement, long updateCount) {
            this.statement = statement;
            this.updateCount = updateCount;
        }

        static Pending notRun(SqlStatement statement, Outcome outcome, String detail) {
            Pending p = new Pending(statement, -1);
            p.outcome = outcome;
            p.detail = detail;
            return p;
        }

        StatementReport report(Run run) throws SQLException {
            if (outcome != Outcome.ANALYSED) {
                return StatementReport.notRun(statement.line(), statement.sql(), outcome, detail);
            }
            List<DroppedTable> tables = new ArrayList<>();
            for (CatalogSnapshot.Rel rel : droppedTables) {
                boolean data = rel.kind().equals("table") || rel.kind().equals("partitioned table");
                long rows = data ? run.count("SELECT count(*) FROM ONLY " + rel.relation().sql()) : 0;
                tables.add(new DroppedTable(rel.relation(), rel.kind(), rel.partitionOf(), rows));
            }
            List<DroppedColumn> columns = new ArrayList<>();
            for (CatalogSnapshot.Col col : droppedColumns) {
                Relation table = run.original.get(col.relid()).relation();
                long values = run.count("SELECT count(" + Identifiers.quote(col.name()) + ") FROM ONLY " + table.sql());
                columns.add(new DroppedColumn(table, col.name(), col.type(), values, run.primaryKey(col.relid(), col.name())));
            }
            List<Rewrite> rewritten = new ArrayList<>();
            for (PendingRewrite r : rewrites) {
                long rows = r.truncate() ? run.count("SELECT count(*) FROM ONLY " + r.rel().relation().sql()) : -1;
                rewritten.add(new Rewrite(r.rel().relation(), r.rel().kind(), r.rel().partitionOf(), r.truncate(),
                        run.relationSize(r.rel().oid()), rows));
            }
            return new StatementReport(statement.line(), statement.sql(), outcome, detail, locks, rewritten, tables, columns,
                    scans, rowChanges, updateCount);
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
