package com.plccoach.migrations.internal.execution;

import com.plccoach.migrations.Direction;
import com.plccoach.migrations.internal.script.Revision;
import com.plccoach.migrations.internal.script.SqlStatement;
import java.util.List;

/** One revision of a plan, its part (up or down) already split. */
record PreparedStep(Revision revision, Direction direction, List<SqlStatement> statements) {

    PreparedStep {
        statements = List.copyOf(statements);
    }

    boolean transactional() {
        return revision.transactional();
    }

    String describe() {
        return revision.id() + (revision.message() == null || revision.message().isBlank() ? "" : " (" + revision.message() + ")");
    }

    @Override
    public String toString() {
        return direction.name().toLowerCase() + " " + revision.id() + ": " + statements.size() + " statement(s)";
    }
}
