package com.plccoach.migrations.internal.execution;

import com.plccoach.migrations.Direction;
import com.plccoach.migrations.internal.script.Revision;
import com.plccoach.migrations.internal.script.SqlStatement;
import java.util.List;

/** One revision of a prepared plan with the statements of the part that runs (up or down), split once. */
public record PreparedRevision(Revision revision, Direction direction, List<SqlStatement> statements) {

    public PreparedRevision {
        statements = List.copyOf(statements);
    }

    public boolean transactional() {
        return revision.transactional();
    }

    public String id() {
        return revision.id();
    }

    public String describe() {
        return revision.id() + (revision.message() == null || revision.message().isBlank() ? "" : " (" + revision.message() + ")");
    }

    @Override
    public String toString() {
        return direction.name().toLowerCase() + " " + revision.id() + ": " + statements.size() + " statement(s)";
    }
}
