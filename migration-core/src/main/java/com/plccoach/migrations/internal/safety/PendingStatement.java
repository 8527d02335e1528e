package com.plccoach.migrations.internal.safety;

import com.plccoach.migrations.PlanReport.DroppedColumn;
import com.plccoach.migrations.PlanReport.DroppedTable;
import com.plccoach.migrations.PlanReport.LockTaken;
import com.plccoach.migrations.PlanReport.Outcome;
import com.plccoach.migrations.PlanReport.Relation;
import com.plccoach.migrations.PlanReport.Rewrite;
import com.plccoach.migrations.PlanReport.RowChanges;
import com.plccoach.migrations.PlanReport.StatementReport;
import com.plccoach.migrations.PlanReport.TableScan;
import com.plccoach.migrations.internal.script.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A statement's raw findings in the analysis until its rollback, after which the objects exist
 * again and the rows and values it would destroy can be counted.
 */
final class PendingStatement {

    record PendingRewrite(CatalogSnapshot.Rel rel, boolean truncate) {
    }

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

    PendingStatement(SqlStatement statement, long updateCount) {
        this.statement = statement;
        this.updateCount = updateCount;
    }

    static PendingStatement notRun(SqlStatement statement, Outcome outcome, String detail) {
        PendingStatement p = new PendingStatement(statement, -1);
        p.outcome = outcome;
        p.detail = detail;
        return p;
    }

    /** The report, counted now; {@code original} names the tables of dropped columns. */
    StatementReport report(Connection connection, Map<Long, CatalogSnapshot.Rel> original) throws SQLException {
        if (outcome != Outcome.ANALYSED) {
            return StatementReport.notRun(statement.line(), statement.sql(), outcome, detail);
        }
        List<DroppedTable> tables = new ArrayList<>();
        for (CatalogSnapshot.Rel rel : droppedTables) {
            boolean data = rel.kind().equals("table") || rel.kind().equals("partitioned table");
            tables.add(new DroppedTable(rel.relation(), rel.kind(), rel.partitionOf(), data ? Counts.rows(connection, rel.relation()) : 0));
        }
        List<DroppedColumn> columns = new ArrayList<>();
        for (CatalogSnapshot.Col col : droppedColumns) {
            Relation table = original.get(col.relid()).relation();
            columns.add(new DroppedColumn(table, col.name(), col.type(), Counts.values(connection, table, col.name()),
                    Counts.primaryKey(connection, col.relid(), col.name())));
        }
        List<Rewrite> rewritten = new ArrayList<>();
        for (PendingRewrite r : rewrites) {
            rewritten.add(new Rewrite(r.rel().relation(), r.rel().kind(), r.rel().partitionOf(), r.truncate(),
                    Counts.size(connection, r.rel().oid()), r.truncate() ? Counts.rows(connection, r.rel().relation()) : -1));
        }
        return new StatementReport(statement.line(), statement.sql(), outcome, detail, locks, rewritten, tables, columns,
                scans, rowChanges, updateCount);
    }
}
