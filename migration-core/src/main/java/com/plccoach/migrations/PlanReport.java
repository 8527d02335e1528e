package com.plccoach.migrations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a plan would do to the database, found by running it in a transaction that was rolled back:
 * per revision and statement, the locks taken, the tables rewritten or truncated, the tables and
 * columns dropped with the data they held, the rows deleted or updated, and the statements that
 * could not be analysed. {@link #render()} is the text {@code plccoach:plan} prints.
 *
 * @param refusal why the plan would be refused as configured (data loss without allowDataLoss); null when it would run
 */
public record PlanReport(Direction direction, String target, List<RevisionReport> revisions, String refusal) {

    public PlanReport {
        Objects.requireNonNull(direction, "direction");
        revisions = List.copyOf(revisions);
    }

    public PlanReport withRefusal(String reason) {
        return new PlanReport(direction, target, revisions, reason);
    }

    /** This report in the format of docs/json-format.md (goal {@code plan}). */
    public String toJson() {
        return Json.of("plan", this);
    }

    public boolean refused() {
        return refusal != null;
    }

    private static final String DELETED_ALL = "deleted by a DELETE without WHERE";

    /** Every object the plan would drop or empty while it holds data, in plan order. */
    public List<DataLoss> dataLoss() {
        List<DataLoss> losses = new ArrayList<>();
        for (RevisionReport revision : revisions) {
            for (StatementReport statement : revision.statements()) {
                for (DroppedTable table : statement.droppedTables()) {
                    if (table.rows() > 0) {
                        losses.add(new DataLoss("table " + table.name(), table.rows() + " row(s)", "dropped", revision, statement));
                    }
                }
                for (DroppedColumn column : statement.droppedColumns()) {
                    if (column.nonNullValues() > 0) {
                        losses.add(new DataLoss("column " + column.table() + "." + PlanReport.quoteIfNeeded(column.column()),
                                column.nonNullValues() + " non-null value(s)", "dropped", revision, statement));
                    }
                }
                for (Rewrite rewrite : statement.rewrites()) {
                    if (rewrite.truncated() && rewrite.rowsBefore() > 0) {
                        // a forecast reads a DELETE without WHERE as the TRUNCATE it amounts to, and says which it was
                        losses.add(new DataLoss("table " + rewrite.name(), rewrite.rowsBefore() + " row(s)", statement.sql().strip()
                                .regionMatches(true, 0, "delete", 0, 6) ? DELETED_ALL : "truncated", revision, statement));
                    }
                }
                for (RowChanges changes : statement.rowChanges()) {
                    if (changes.unfiltered() && changes.deleted() > 0) {
                        losses.add(new DataLoss("table " + changes.relation(), changes.deleted() + " row(s)", DELETED_ALL, revision,
                                statement));
                    }
                }
            }
        }
        return List.copyOf(losses);
    }

    /** Tables the plan drops or truncates (with or without rows): what a backup of the affected objects must hold. */
    public List<Relation> destroyedTables() {
        Map<String, Relation> tables = new LinkedHashMap<>();
        for (RevisionReport revision : revisions) {
            for (StatementReport statement : revision.statements()) {
                statement.droppedTables().stream().filter(DroppedTable::holdsData)
                        .forEach(t -> tables.putIfAbsent(t.name(), t.relation()));
                statement.rewrites().stream().filter(Rewrite::truncated)
                        .forEach(r -> tables.putIfAbsent(r.name(), r.relation()));
            }
        }
        return List.copyOf(tables.values());
    }

    /** Columns the plan drops from tables it keeps. */
    public List<DroppedColumn> droppedColumns() {
        List<DroppedColumn> columns = new ArrayList<>();
        revisions.forEach(r -> r.statements().forEach(s -> columns.addAll(s.droppedColumns())));
        return List.copyOf(columns);
    }

    /** Statements that were not run, for the reader to judge by hand. */
    public List<StatementReport> notAnalysed() {
        return revisions.stream().flatMap(r -> r.statements().stream())
                .filter(s -> s.outcome() == Outcome.NOT_ANALYSED).toList();
    }

    /** The report as {@code plccoach:plan} prints it. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("Plan: ").append(direction.name().toLowerCase()).append(" to ").append(target)
                .append(" (").append(revisions.size()).append(" revision(s)), analysed in a transaction that was rolled back\n");
        if (revisions.isEmpty()) {
            out.append("  nothing to do\n");
        }
        for (RevisionReport revision : revisions) {
            out.append("\n").append(revision.revision());
            if (revision.message() != null && !revision.message().isBlank()) {
                out.append(" (").append(revision.message()).append(")");
            }
            if (revision.location() != null) {
                out.append(" ").append(revision.location());
            }
            out.append('\n');
            for (StatementReport statement : revision.statements()) {
                out.append("  ").append(statement.headline()).append('\n');
                for (String finding : statement.findings()) {
                    out.append("      ").append(finding).append('\n');
                }
            }
        }
        List<DataLoss> losses = dataLoss();
        out.append('\n');
        if (losses.isEmpty()) {
            out.append("Data loss: none (no table with rows or column with values is dropped or truncated)\n");
        } else {
            out.append("Data loss:\n");
            losses.forEach(l -> out.append("  ").append(l).append('\n'));
        }
        List<StatementReport> skipped = notAnalysed();
        if (!skipped.isEmpty()) {
            out.append("Not analysed: ").append(skipped.size()).append(" statement(s) that cannot run in a transaction; check them by hand\n");
        }
        out.append(refusal == null ? "Verdict: would run\n" : "Verdict: REFUSED: " + refusal + "\n");
        return out.toString();
    }

    @Override
    public String toString() {
        return render();
    }

    static String quoteIfNeeded(String identifier) {
        return identifier.matches("[a-z_][a-z0-9_$]*") ? identifier : "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** What running a statement in the analysis came to. */
    public enum Outcome {
        /** Ran and was rolled back. */
        ANALYSED,
        /** PostgreSQL refused it: the real run would fail here too. */
        FAILED,
        /** Could not get a lock within the analysis lock timeout: another session holds a conflicting one. */
        BLOCKED,
        /** Cannot run inside a transaction (or its revision is {@code transactional: false}); not run. */
        NOT_ANALYSED
    }

    /** A schema-qualified relation. */
    public record Relation(String schema, String name) {
        /** Always quoted, for SQL and pg_dump patterns. */
        public String sql() {
            return "\"" + schema.replace("\"", "\"\"") + "\".\"" + name.replace("\"", "\"\"") + "\"";
        }

        @Override
        public String toString() {
            return quoteIfNeeded(schema) + "." + quoteIfNeeded(name);
        }
    }

    /** One revision of the plan. */
    public record RevisionReport(String revision, String message, String location, List<StatementReport> statements) {
        public RevisionReport {
            statements = List.copyOf(statements);
        }
    }

    /**
     * One statement and what it did.
     *
     * @param detail      for FAILED / BLOCKED / NOT_ANALYSED, why
     * @param updateCount rows the command tag reports (INSERT/UPDATE/DELETE/COPY); -1 for other statements
     */
    public record StatementReport(int line, String sql, Outcome outcome, String detail, List<LockTaken> locks,
                                  List<Rewrite> rewrites, List<DroppedTable> droppedTables, List<DroppedColumn> droppedColumns,
                                  List<TableScan> scans, List<RowChanges> rowChanges, long updateCount) {
        public StatementReport {
            locks = List.copyOf(locks);
            rewrites = List.copyOf(rewrites);
            droppedTables = List.copyOf(droppedTables);
            droppedColumns = List.copyOf(droppedColumns);
            scans = List.copyOf(scans);
            rowChanges = List.copyOf(rowChanges);
        }

        public static StatementReport notRun(int line, String sql, Outcome outcome, String detail) {
            return new StatementReport(line, sql, outcome, detail, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), -1);
        }

        /** The strongest lock mode this statement takes on the relation, or null. */
        public LockMode strongestLockOn(String relation) {
            return locks.stream().filter(l -> l.relation().equals(relation)).map(LockTaken::mode)
                    .max(Enum::compareTo).orElse(null);
        }

        public String headline() {
            String oneLine = sql.strip().replaceAll("\\s+", " ");
            String text = oneLine.length() > 100 ? oneLine.substring(0, 97) + "..." : oneLine;
            return "line " + line + ": " + text + (outcome == Outcome.ANALYSED ? "" : "  [" + outcome.name().replace('_', ' ') + "]");
        }

        /** Readable findings, most serious first. */
        public List<String> findings() {
            List<String> out = new ArrayList<>();
            if (detail != null) {
                out.add(detail);
            }
            droppedTables.forEach(t -> out.add("drops " + t));
            droppedColumns.forEach(c -> out.add("drops " + c));
            rewrites.forEach(r -> out.add(r.toString()));
            for (TableScan scan : scans) {
                LockMode held = strongestLockOn(scan.relation());
                out.add("scans " + scan.relation() + " (" + scan.sequentialScans() + " sequential scan(s))"
                        + (held != null && held.blocksWrites() ? " while holding " + held.sqlName() + ": the time grows with the table" : ""));
            }
            rowChanges.forEach(c -> out.add(c.toString()));
            Map<String, List<LockMode>> byRelation = new LinkedHashMap<>();
            locks.forEach(l -> byRelation.computeIfAbsent(l.relation(), k -> new ArrayList<>()).add(l.mode()));
            byRelation.forEach((relation, modes) -> {
                LockMode strongest = modes.stream().max(Enum::compareTo).orElseThrow();
                out.add("locks " + relation + " " + strongest.sqlName() + " (" + strongest.effect() + ")"
                        + (modes.size() > 1 ? ", also " + modes.stream().filter(m -> m != strongest).map(LockMode::sqlName).toList() : ""));
            });
            return out;
        }
    }

    /** PostgreSQL's table lock modes, weakest first. */
    public enum LockMode {
        ACCESS_SHARE("AccessShareLock", "blocks only ACCESS EXCLUSIVE"),
        ROW_SHARE("RowShareLock", "blocks EXCLUSIVE and ACCESS EXCLUSIVE"),
        ROW_EXCLUSIVE("RowExclusiveLock", "reads and writes go on; blocks SHARE and stronger"),
        SHARE_UPDATE_EXCLUSIVE("ShareUpdateExclusiveLock", "reads and writes go on; blocks DDL and VACUUM"),
        SHARE("ShareLock", "blocks writes until commit, reads go on"),
        SHARE_ROW_EXCLUSIVE("ShareRowExclusiveLock", "blocks writes until commit, reads go on"),
        EXCLUSIVE("ExclusiveLock", "blocks writes until commit, plain reads go on"),
        ACCESS_EXCLUSIVE("AccessExclusiveLock", "blocks every read and write until commit");

        private final String pgName;
        private final String effect;

        LockMode(String pgName, String effect) {
            this.pgName = pgName;
            this.effect = effect;
        }

        /** From {@code pg_locks.mode}; null for a mode that is not a table lock mode. */
        public static LockMode fromPgLocks(String mode) {
            for (LockMode m : values()) {
                if (m.pgName.equals(mode)) {
                    return m;
                }
            }
            return null;
        }

        public String sqlName() {
            return name().replace('_', ' ');
        }

        public String effect() {
            return effect;
        }

        public boolean blocksWrites() {
            return compareTo(SHARE) >= 0;
        }
    }

    /** A table lock a statement takes on a relation that existed before the plan. */
    public record LockTaken(String relation, LockMode mode) {
        @Override
        public String toString() {
            return relation + " " + mode.sqlName();
        }
    }

    /**
     * A relation whose storage the statement replaced: a rewrite (type change, volatile default,
     * CLUSTER, REFRESH) or a TRUNCATE, which empties it.
     *
     * @param kind        table, partitioned table's partition, materialized view or index
     * @param partitionOf the partitioned table this is a partition of; null otherwise
     * @param bytes       size of the relation before the plan, which the rewrite copies
     * @param rowsBefore  rows it held before the plan (counted after the rollback for a truncate; -1 otherwise)
     */
    public record Rewrite(Relation relation, String kind, String partitionOf, boolean truncated, long bytes, long rowsBefore) {
        public String name() {
            return relation.toString();
        }

        @Override
        public String toString() {
            String what = kind + " " + relation + (partitionOf == null ? "" : " (partition of " + partitionOf + ")");
            return truncated
                    ? "truncates " + what + (rowsBefore >= 0 ? ": " + rowsBefore + " row(s) removed" : "")
                    : "rewrites " + what + " (" + bytes + " bytes copied under an ACCESS EXCLUSIVE lock)";
        }
    }

    /** A relation the statement drops, with the rows it held (counted after the rollback). */
    public record DroppedTable(Relation relation, String kind, String partitionOf, long rows) {
        public String name() {
            return relation.toString();
        }

        /** Tables, partitions and partitioned tables hold data; views, sequences and materialized views are derived or trivial. */
        public boolean holdsData() {
            return kind.equals("table") || kind.equals("partitioned table");
        }

        @Override
        public String toString() {
            return kind + " " + relation + (partitionOf == null ? "" : " (partition of " + partitionOf + ")")
                    + (holdsData() ? " holding " + rows + " row(s)" : "");
        }
    }

    /** A column the statement drops from a table it keeps, with its non-null values (counted after the rollback). */
    public record DroppedColumn(Relation relation, String column, String type, long nonNullValues, List<String> primaryKey) {
        public DroppedColumn {
            primaryKey = List.copyOf(primaryKey);
        }

        public String table() {
            return relation.toString();
        }

        @Override
        public String toString() {
            return "column " + relation + "." + quoteIfNeeded(column) + " " + type + " holding " + nonNullValues + " non-null value(s)";
        }
    }

    /** Sequential scans a statement made of a table (validation of NOT NULL, CHECK, FOREIGN KEY; index builds). */
    public record TableScan(String relation, long sequentialScans) {
    }

    /**
     * Rows a statement inserted, updated or deleted in one table (triggers and cascades included).
     *
     * @param unfiltered the rows were deleted by a {@code DELETE} without WHERE on this table: lost, as by a TRUNCATE
     */
    public record RowChanges(String relation, long inserted, long updated, long deleted, boolean unfiltered) {

        public RowChanges(String relation, long inserted, long updated, long deleted) {
            this(relation, inserted, updated, deleted, false);
        }

        @Override
        public String toString() {
            List<String> parts = new ArrayList<>();
            if (deleted > 0) {
                parts.add((unfiltered ? "deletes every row, " : "deletes ") + deleted);
            }
            if (updated > 0) {
                parts.add("updates " + updated);
            }
            if (inserted > 0) {
                parts.add("inserts " + inserted);
            }
            return String.join(", ", parts) + " row(s) of " + relation;
        }
    }

    /** One object the plan would lose data from. */
    public record DataLoss(String object, String amount, String how, RevisionReport revision, StatementReport statement) {
        @Override
        public String toString() {
            return object + " (" + amount + ") " + how + " by revision " + revision.revision()
                    + (revision.location() == null ? "" : " (" + revision.location() + " line " + statement.line() + ")");
        }
    }
}
