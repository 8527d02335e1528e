package com.plccoach.migrations.internal.safety;

import com.plccoach.migrations.internal.script.Revision;
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

    @Override
    public String toString() {
        return revision.id() + " (" + statements.size() + " statement(s))";
    }
}
