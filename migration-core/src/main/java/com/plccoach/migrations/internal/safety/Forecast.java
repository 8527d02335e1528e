package com.plccoach.migrations.internal.safety;

import com.plccoach.migrations.PlanReport.DroppedColumn;
import com.plccoach.migrations.PlanReport.DroppedTable;
import com.plccoach.migrations.PlanReport.Outcome;
import com.plccoach.migrations.PlanReport.Relation;
import com.plccoach.migrations.PlanReport.RevisionReport;
import com.plccoach.migrations.PlanReport.Rewrite;
import com.plccoach.migrations.PlanReport.StatementReport;
import com.plccoach.migrations.PlanReport;
import com.plccoach.migrations.internal.execution.PreparedPlan;
import com.plccoach.migrations.internal.execution.PreparedRevision;
import com.plccoach.migrations.internal.script.Identifiers;
import com.plccoach.migrations.internal.script.SqlStatement;
import com.plccoach.migrations.internal.script.StatementRules;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a downgrade will destroy, read from its statements and the catalog before it runs, without
 * running anything: the tables a DROP names, the columns an ALTER TABLE drops, the tables a
 * TRUNCATE empties, and what a CASCADE (or a partitioned table, a schema, a type) takes with them,
 * followed through pg_depend, in {@code transactional: false} revisions too (what they destroy after
 * the backup's transaction has committed is refused by {@link BackupCoverage}). Statements it cannot
 * read (a DO block, a function call, dynamic SQL) are listed: such a plan is analysed in a
 * rolled-back run instead.
 */
final class Forecast {

    /** One statement's predicted effect. */
    record Effect(PreparedRevision revision, SqlStatement statement, List<Dependents.Target> targets) {
    }

    private static final Pattern DESTRUCTIVE_WORD = Pattern.compile("(?i)\\b(drop|truncate|execute|delete|alter)\\b");
    private static final Pattern CALL = Pattern.compile("(" + DropStatement.IDENT + ")\\s*\\(");

    private final List<Effect> effects;
    private final List<String> unreadable;

    private Forecast(List<Effect> effects, List<String> unreadable) {
        this.effects = List.copyOf(effects);
        this.unreadable = List.copyOf(unreadable);
    }

    static Forecast read(Connection connection, PreparedPlan plan) throws SQLException {
        List<Effect> effects = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (PreparedRevision revision : plan.revisions()) {
            for (SqlStatement statement : revision.statements()) {
                // one that cannot run in a transaction is judged by the guard just before it runs (DROP INDEX CONCURRENTLY keeps every row)
                if (!StatementRules.canDestroyData(statement) || StatementRules.refusedInTransaction(statement).isPresent()) {
                    continue;
                }
                // a DELETE without WHERE empties its table as a TRUNCATE does: the backup must hold that table's rows (one with
                // a filter is read as destroying nothing: the rows it deletes are a change of data, not a loss)
                DropStatement drop = DropStatement.parse(StatementRules.unfilteredDeleteTarget(statement).map(table -> "TRUNCATE " + table)
                        .orElse(StatementRules.withoutLeadingComments(statement.sql())));
                if (drop == null && !mayDrop(connection, statement)) {
                    continue;
                }
                if (drop == null) {
                    unreadable.add(revision.revision().location() + " line " + statement.line() + " (" + preview(statement) + ")");
                    continue;
                }
                List<Dependents.Target> targets = Dependents.of(connection, drop);
                if (!targets.isEmpty()) {
                    effects.add(new Effect(revision, statement, targets));
                }
            }
        }
        return new Forecast(effects, unreadable);
    }

    /**
     * Whether a statement that is not plain DDL (a DO block, a SELECT or CALL of functions) may drop or empty something:
     * it names a destructive command (dynamic SQL included), or it calls a function of a user schema, whose body could.
     * Built-in functions (nextval, pg_sleep, ...) drop nothing, so such a statement needs no analysis.
     */
    private static boolean mayDrop(Connection connection, SqlStatement statement) throws SQLException {
        String sql = statement.sql();
        if (DESTRUCTIVE_WORD.matcher(sql).find()) {
            return true;
        }
        Set<String> called = new LinkedHashSet<>();
        Matcher m = CALL.matcher(sql);
        while (m.find()) {
            called.add(Identifiers.name(m.group(1)));
        }
        if (called.isEmpty()) {
            return false;
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_proc p JOIN pg_namespace n "
                + "ON n.oid = p.pronamespace WHERE p.proname = ANY(?::text[]) AND n.nspname NOT IN ('pg_catalog', 'information_schema'))")) {
            ps.setArray(1, connection.createArrayOf("text", called.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Statements whose effect cannot be read beforehand; empty when the whole plan could be read. */
    List<String> unreadable() {
        return unreadable;
    }

    /** Every table the plan destroys or drops a column of: what the backup locks before its snapshot. */
    Set<Relation> tables() {
        Set<Relation> tables = new LinkedHashSet<>();
        effects.forEach(e -> e.targets().forEach(t -> tables.add(t.relation())));
        return tables;
    }

    /** The forecast as a report, with the rows and values counted now (call it holding the locks of {@link #tables()}). */
    PlanReport report(Connection connection, PreparedPlan plan) throws SQLException {
        List<RevisionReport> revisions = new ArrayList<>();
        for (PreparedRevision revision : plan.revisions()) {
            List<StatementReport> statements = new ArrayList<>();
            for (Effect effect : effects) {
                if (effect.revision() == revision) {
                    statements.add(count(connection, effect));
                }
            }
            if (!statements.isEmpty()) {
                revisions.add(new RevisionReport(revision.id(), revision.revision().message(), revision.revision().location(), statements));
            }
        }
        return new PlanReport(plan.direction(), plan.target(), revisions, null);
    }

    private static StatementReport count(Connection connection, Effect effect) throws SQLException {
        List<DroppedTable> tables = new ArrayList<>();
        List<DroppedColumn> columns = new ArrayList<>();
        List<Rewrite> truncations = new ArrayList<>();
        for (Dependents.Target t : effect.targets()) {
            switch (t.what()) {
                case DROPPED -> tables.add(new DroppedTable(t.relation(), t.kind(), t.partitionOf(), Counts.rows(connection, t.relation())));
                case TRUNCATED -> truncations.add(new Rewrite(t.relation(), t.kind(), t.partitionOf(), true, 0,
                        Counts.rows(connection, t.relation())));
                case COLUMN_DROPPED -> columns.add(new DroppedColumn(t.relation(), t.column(), t.type(),
                        Counts.values(connection, t.relation(), t.column()), Counts.primaryKey(connection, t.oid(), t.column())));
            }
        }
        SqlStatement s = effect.statement();
        return new StatementReport(s.line(), s.sql(), Outcome.ANALYSED, "read from the statement and the catalog before the run",
                List.of(), truncations, tables, columns, List.of(), List.of(), -1);
    }

    private static String preview(SqlStatement statement) {
        String oneLine = statement.sql().strip().replaceAll("\\s+", " ");
        return oneLine.length() > 60 ? oneLine.substring(0, 57) + "..." : oneLine;
    }

    @Override
    public String toString() {
        return "Forecast[" + effects.size() + " destructive statement(s), tables " + tables() + ", unreadable " + unreadable + "]";
    }
}
