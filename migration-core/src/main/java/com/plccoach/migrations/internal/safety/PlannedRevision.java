package com.plccoach.migrations.internal.safety;

import com.plccoach.migrations.Direction;
import com.plccoach.migrations.internal.graph.Plan;
import com.plccoach.migrations.internal.script.Revision;
import com.plccoach.migrations.internal.script.SqlSplitter;
import com.plccoach.migrations.internal.script.SqlStatement;
import java.util.List;

/**
 * One revision of a plan with the statements of the part that would run: the up part for an
 * upgrade, the down part for a downgrade, already split.
 */
public record PlannedRevision(Revision revision, List<SqlStatement> statements) {

    public PlannedRevision {
        statements = List.copyOf(statements);
    }

    /** Each revision of the plan with the part that runs (up or down), split as the runner splits it. */
    public static List<PlannedRevision> of(Plan plan) {
        boolean up = plan.direction() == Direction.UPGRADE;
        return plan.steps().stream().map(r -> new PlannedRevision(r, SqlSplitter.split(up ? r.upSql() : r.downSql(),
                up ? r.upLine() : r.downLine(), r.location()))).toList();
    }

    @Override
    public String toString() {
        return revision.id() + " (" + statements.size() + " statement(s))";
    }
}
