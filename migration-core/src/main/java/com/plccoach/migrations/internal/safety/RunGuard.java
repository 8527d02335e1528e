package com.plccoach.migrations.internal.safety;

import com.plccoach.migrations.DataLossException;
import com.plccoach.migrations.Direction;
import com.plccoach.migrations.PlanReport;
import com.plccoach.migrations.PlanReport.DroppedColumn;
import com.plccoach.migrations.PlanReport.DroppedTable;
import com.plccoach.migrations.PlanReport.Outcome;
import com.plccoach.migrations.PlanReport.Relation;
import com.plccoach.migrations.PlanReport.RevisionReport;
import com.plccoach.migrations.PlanReport.Rewrite;
import com.plccoach.migrations.PlanReport.RowChanges;
import com.plccoach.migrations.PlanReport.StatementReport;
import com.plccoach.migrations.internal.execution.PreparedRevision;
import com.plccoach.migrations.internal.execution.RunWatch;
import com.plccoach.migrations.internal.script.SqlStatement;
import com.plccoach.migrations.internal.script.StatementRules;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the real run: each statement that can destroy data runs once under a savepoint, and the
 * catalog read in the same transaction says what it dropped or emptied of what existed before the
 * run. Only when it removed something from a table that holds rows is it measured: the savepoint is
 * rolled back, the rows and values counted, and a plain DDL statement (a cheap drop) run again. A
 * statement that is not plain DDL (a DO block, a function call) is never run twice when that would
 * lose data without allowDataLoss: the run is refused on the spot. Before each commit, data lost
 * without allowDataLoss rolls the transaction back, naming every object with its counts. A statement
 * of a {@code transactional: false} revision is watched alike, in a transaction of its own; one that
 * cannot run in a transaction is refused unless it keeps every row or data loss is allowed.
 */
final class RunGuard implements RunWatch {

    private static final Logger LOG = LoggerFactory.getLogger(RunGuard.class);
    /** Statements whose only effect is the DDL itself: measuring them under a savepoint and running them again costs little. */
    private static final Pattern REPLAYABLE = Pattern.compile("(?is)^(drop|truncate|alter\\s+table)\\b.*");

    private final DataLossGuard guard;
    private final Direction direction;
    private final String target;
    private final long[] original;
    private final Coverage coverage;
    private final Map<String, List<StatementReport>> findings = new LinkedHashMap<>();
    private final Map<String, PreparedRevision> revisions = new LinkedHashMap<>();
    /** What a refusal leaves: nothing changed, or the statements a transactional: false revision committed before. */
    private String changed = DataLossGuard.NOTHING_CHANGED;

    /**
     * @param original the relations that existed before the run: what the run creates holds nothing of anyone else's
     * @param coverage what a downgrade's backup holds, checked before each commit; null when nothing was backed up
     */
    RunGuard(DataLossGuard guard, Direction direction, String target, long[] original, Coverage coverage) {
        this.guard = guard;
        this.direction = direction;
        this.target = target;
        this.original = original.clone();
        this.coverage = coverage;
    }

    @Override
    public void run(Connection connection, PreparedRevision revision, SqlStatement statement, Execution execution) throws SQLException {
        changed = revision.transactional() ? DataLossGuard.NOTHING_CHANGED : left(revision, statement);
        CatalogSnapshot before = CatalogSnapshot.read(connection, original);
        // a DELETE without WHERE loses every row it deletes, as a TRUNCATE: counted by the statistics of this transaction
        Set<Long> emptied = BackendActivity.unfilteredDeleteTargets(connection, statement, before.relations());
        Map<Long, Long> deletedBefore = BackendActivity.deletedSoFar(connection, emptied);
        Savepoint savepoint = connection.setSavepoint("plccoach_guard");
        execution.execute();
        CatalogSnapshot after = CatalogSnapshot.read(connection, original);
        Effects effects = Effects.between(before, after);
        for (CatalogSnapshot.Rel rel : List.copyOf(effects.rewritten())) {
            if (Counts.holdsRows(connection, rel.relation())) {
                effects.rewritten().remove(rel); // rewritten, not emptied: nothing lost
            }
        }
        BackendActivity.deletedSoFar(connection, emptied).forEach((oid, now) -> {
            long deleted = now - deletedBefore.getOrDefault(oid, 0L);
            if (deleted > 0) {
                effects.deletions().add(new Deletion(before.relations().get(oid), deleted));
            }
        });
        if (effects.isEmpty()) {
            connection.releaseSavepoint(savepoint);
            return;
        }
        boolean replayable = REPLAYABLE.matcher(StatementRules.withoutLeadingComments(statement.sql())).matches();
        if (guard.allowsLoss() && !replayable) {
            connection.releaseSavepoint(savepoint);
            LOG.warn("plccoach.allowDataLoss is set: revision {} line {} destroys {}{}", revision.id(), statement.line(), effects,
                    effects.onlyDeletions() ? "" : " (what dropped objects held is not counted: the statement is not plain DDL, so it is "
                    + "not run twice to measure it)");
            record(revision, statement, effects.report(statement, null, connection));
            return;
        }
        connection.rollback(savepoint);
        connection.releaseSavepoint(savepoint);
        StatementReport report = effects.report(statement, before, connection); // counted while the objects exist again
        record(revision, statement, report);
        if (!replayable && hasLoss(revision, report) && !guard.allowsLoss()) {
            throw new DataLossException("Refused: " + guard.refusal(report(), changed) + ".");
        }
        if (!replayable) {
            LOG.warn("Revision {} line {} ({}) runs a second time: it is not plain DDL and removed {} from tables that hold rows, "
                    + "which had to be counted before it could be let through (they held nothing to lose)", revision.id(),
                    statement.line(), preview(statement), effects);
        }
        execution.execute();
    }

    @Override
    public void beforeCommit(Connection connection) throws SQLException {
        PlanReport report = report();
        String left = changed;
        findings.clear();
        revisions.clear();
        changed = DataLossGuard.NOTHING_CHANGED;
        if (direction == Direction.DOWNGRADE) {
            guard.refuse(report, left); // the downgrade's forecast already warned about what an allowed loss destroys
        } else {
            guard.check(report, left);
        }
        if (coverage != null) {
            coverage.requireCovered(report);
        }
    }

    /** A statement the guard cannot watch runs only when data loss is allowed, or when it is known to keep every row. */
    @Override
    public void beforeUnwatched(Connection connection, PreparedRevision revision, SqlStatement statement) {
        if (StatementRules.keepsRowsOutsideTransaction(statement)) {
            return;
        }
        String where = "revision " + revision.id() + " (" + revision.revision().location() + " line " + statement.line() + ")";
        String refusal = guard.uncheckable(where, statement, left(revision, statement));
        if (refusal != null) {
            throw new DataLossException("Refused: " + refusal + ".");
        }
        LOG.warn("plccoach.allowDataLoss is set: {} ({}) runs unchecked: it cannot run inside a transaction, so what it destroys "
                + "is neither read nor counted", where, preview(statement));
    }

    /**
     * What refusing a statement of a {@code transactional: false} revision leaves: its statements before it committed one
     * by one and stay; the refused one did not run (or was rolled back), and the next run starts at it, as its progress row says.
     */
    static String left(PreparedRevision revision, SqlStatement statement) {
        List<SqlStatement> earlier = revision.statements().subList(0, Math.max(0, revision.statements().indexOf(statement)));
        return "Revision " + revision.id() + " is transactional: false: " + (earlier.isEmpty() ? "none of its statements ran"
                : "its " + earlier.size() + " statement(s) before line " + statement.line() + " (lines " + earlier.get(0).line()
                + (earlier.size() > 1 ? " to " + earlier.get(earlier.size() - 1).line() : "") + ") committed and stay, they cannot be undone")
                + "; line " + statement.line() + " did not take effect, and the next run starts there";
    }

    /** Whether the statement lost data, by the plan report's one rule of what data loss is. */
    private boolean hasLoss(PreparedRevision revision, StatementReport report) {
        return !new PlanReport(direction, target, List.of(new RevisionReport(revision.id(), revision.revision().message(),
                revision.revision().location(), List.of(report))), null).dataLoss().isEmpty();
    }

    private void record(PreparedRevision revision, SqlStatement statement, StatementReport report) {
        revisions.putIfAbsent(revision.id(), revision);
        findings.computeIfAbsent(revision.id(), id -> new ArrayList<>()).add(report);
    }

    /** What this transaction destroyed so far, as a report the guard and the backup coverage read. */
    PlanReport report() {
        List<RevisionReport> list = new ArrayList<>();
        findings.forEach((id, statements) -> {
            PreparedRevision r = revisions.get(id);
            list.add(new RevisionReport(id, r.revision().message(), r.revision().location(), statements));
        });
        return new PlanReport(direction, target, list, null);
    }

    private static String preview(SqlStatement statement) {
        String oneLine = statement.sql().strip().replaceAll("\\s+", " ");
        return oneLine.length() > 60 ? oneLine.substring(0, 57) + "..." : oneLine;
    }

    /** Rows a DELETE without WHERE deleted from a table that existed before the run. */
    record Deletion(CatalogSnapshot.Rel rel, long rows) {
    }

    /** What one statement removed of the relations that existed before the run. */
    record Effects(List<CatalogSnapshot.Rel> dropped, List<CatalogSnapshot.Col> droppedColumns, List<CatalogSnapshot.Rel> rewritten,
                   List<Deletion> deletions) {

        static Effects between(CatalogSnapshot before, CatalogSnapshot after) {
            List<CatalogSnapshot.Rel> dropped = new ArrayList<>();
            List<CatalogSnapshot.Rel> rewritten = new ArrayList<>();
            for (CatalogSnapshot.Rel rel : before.relations().values()) {
                CatalogSnapshot.Rel now = after.relations().get(rel.oid());
                if (!holdsData(rel)) {
                    continue;
                }
                if (now == null) {
                    dropped.add(rel);
                } else if (rel.relfilenode() != 0 && now.relfilenode() != rel.relfilenode()) {
                    rewritten.add(rel);
                }
            }
            List<CatalogSnapshot.Col> columns = new ArrayList<>();
            for (CatalogSnapshot.Col column : before.columns().values()) {
                if (after.relations().containsKey(column.relid()) && !after.columns().containsKey(column.key())) {
                    columns.add(column);
                }
            }
            return new Effects(dropped, columns, rewritten, new ArrayList<>());
        }

        private static boolean holdsData(CatalogSnapshot.Rel rel) {
            return rel.kind().equals("table") || rel.kind().equals("partitioned table");
        }

        boolean isEmpty() {
            return onlyDeletions() && deletions.isEmpty();
        }

        boolean onlyDeletions() {
            return dropped.isEmpty() && droppedColumns.isEmpty() && rewritten.isEmpty();
        }

        /**
         * The statement's report; with {@code before} (the objects exist again, rolled back) the rows and values are
         * counted, without it they are given as -1 (not counted).
         */
        StatementReport report(SqlStatement statement, CatalogSnapshot before, Connection connection) throws SQLException {
            List<DroppedTable> tables = new ArrayList<>();
            for (CatalogSnapshot.Rel rel : dropped) {
                tables.add(new DroppedTable(rel.relation(), rel.kind(), rel.partitionOf(),
                        before == null ? -1 : Counts.rows(connection, rel.relation())));
            }
            List<DroppedColumn> columns = new ArrayList<>();
            for (CatalogSnapshot.Col col : droppedColumns) {
                Relation table = Counts.relation(connection, col.relid());
                columns.add(new DroppedColumn(table, col.name(), col.type(),
                        before == null ? -1 : Counts.values(connection, table, col.name()), Counts.primaryKey(connection, col.relid(), col.name())));
            }
            List<Rewrite> rewrites = new ArrayList<>();
            for (CatalogSnapshot.Rel rel : rewritten) {
                rewrites.add(new Rewrite(rel.relation(), rel.kind(), rel.partitionOf(), true, 0,
                        before == null ? -1 : Counts.rows(connection, rel.relation())));
            }
            List<RowChanges> changes = new ArrayList<>();
            for (Deletion deletion : deletions) {
                changes.add(new RowChanges(deletion.rel().relation().toString(), 0, 0, deletion.rows(), true));
            }
            return new StatementReport(statement.line(), statement.sql(), Outcome.ANALYSED, null, List.of(), rewrites, tables, columns,
                    List.of(), changes, -1);
        }

        @Override
        public String toString() {
            List<String> parts = new ArrayList<>();
            dropped.forEach(r -> parts.add("table " + r.relation() + " (dropped)"));
            droppedColumns.forEach(c -> parts.add("a column " + c.name().toLowerCase(Locale.ROOT) + " (dropped)"));
            rewritten.forEach(r -> parts.add("the rows of " + r.relation() + " (emptied)"));
            deletions.forEach(d -> parts.add("every row of " + d.rel().relation() + " (" + d.rows() + " deleted)"));
            return String.join(", ", parts);
        }
    }
}
