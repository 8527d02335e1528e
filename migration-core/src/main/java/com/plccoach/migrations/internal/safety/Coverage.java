package com.plccoach.migrations.internal.safety;

import com.plccoach.migrations.BackupException;
import com.plccoach.migrations.BackupMode;
import com.plccoach.migrations.PlanReport;
import com.plccoach.migrations.PlanReport.DroppedColumn;
import com.plccoach.migrations.PlanReport.DroppedTable;
import com.plccoach.migrations.PlanReport.Relation;
import com.plccoach.migrations.PlanReport.Rewrite;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the backup before a downgrade holds, read from the statements before they ran. After they
 * ran, everything they destroyed must be in it: a table or column the forecast did not see was not
 * locked before the snapshot (rows written to it meanwhile would be lost) and, with
 * {@code backup=affected}, is not in the archive at all. Then the downgrade is rolled back.
 */
record Coverage(BackupMode mode, Set<Relation> lockedTables, Set<String> columns) {

    /** Throws when the report destroys something the backup does not hold; the transaction is then rolled back. */
    void requireCovered(PlanReport report) {
        List<String> missing = new ArrayList<>();
        for (PlanReport.RevisionReport revision : report.revisions()) {
            for (PlanReport.StatementReport statement : revision.statements()) {
                String where = " (revision " + revision.revision() + ", " + revision.location() + " line " + statement.line() + ")";
                for (DroppedTable table : statement.droppedTables()) {
                    if (!lockedTables.contains(table.relation())) {
                        missing.add("table " + table.name() + " dropped" + where);
                    }
                }
                for (Rewrite rewrite : statement.rewrites()) {
                    if (rewrite.truncated() && !lockedTables.contains(rewrite.relation())) {
                        missing.add("table " + rewrite.name() + " emptied" + where);
                    }
                }
                for (PlanReport.RowChanges changes : statement.rowChanges()) {
                    if (changes.unfiltered() && lockedTables.stream().noneMatch(t -> t.toString().equals(changes.relation()))) {
                        missing.add("every row of table " + changes.relation() + " deleted" + where);
                    }
                }
                for (DroppedColumn column : statement.droppedColumns()) {
                    if (!lockedTables.contains(column.relation())
                            || mode == BackupMode.AFFECTED && !columns.contains(key(column)) && !columns.contains(column.table())) {
                        missing.add("column " + column.table() + "." + column.column() + " dropped" + where);
                    }
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new BackupException("The downgrade to " + report.target() + " destroyed what its statements did not show before it "
                    + "ran, so the " + mode.name().toLowerCase() + " backup taken first does not safely hold it: " + String.join("; ", missing)
                    + ". It was rolled back: nothing was changed. Write such drops as plain statements (DROP TABLE, ALTER TABLE ... DROP "
                    + "COLUMN, TRUNCATE) rather than inside a DO block, a function or after a rename, so they can be read before the run.");
        }
    }

    static String key(DroppedColumn column) {
        return column.table() + "." + column.column();
    }

    @Override
    public String toString() {
        return "Coverage[" + mode + ", tables=" + lockedTables + ", columns=" + columns + "]";
    }
}
