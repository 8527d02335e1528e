package com.plccoach.migrations.internal.execution;

import com.plccoach.migrations.internal.script.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The seam where the data-loss guard watches the real run: the runner hands it every statement that
 * can destroy data (see {@link com.plccoach.migrations.internal.script.StatementRules#canDestroyData}),
 * to run once under whatever observation it needs, and asks it before each commit. Throwing rolls the
 * transaction back. A {@code transactional: false} revision's statement runs in a transaction of its
 * own for this; one that cannot run in a transaction is shown to {@link #beforeUnwatched} instead.
 */
public interface RunWatch {

    /** Runs every statement as it is and never refuses. */
    RunWatch NONE = new RunWatch() {
        @Override
        public void run(Connection connection, PreparedRevision revision, SqlStatement statement, Execution execution)
                throws SQLException {
            execution.execute();
        }

        @Override
        public String toString() {
            return "RunWatch.NONE";
        }
    };

    /** The runner's own way of sending the statement (COPY data included). */
    @FunctionalInterface
    interface Execution {
        void execute() throws SQLException;
    }

    /** Runs the statement by calling {@code execution} (normally exactly once), watching what it does. */
    void run(Connection connection, PreparedRevision revision, SqlStatement statement, Execution execution) throws SQLException;

    /** Called in the transaction after its last revision, before it commits: throw to roll it back. */
    default void beforeCommit(Connection connection) throws SQLException {
    }

    /**
     * Called before a statement of a {@code transactional: false} revision that can destroy data and cannot run inside
     * a transaction (PostgreSQL refuses it there, or it commits inside itself) runs in autocommit, unwatched: throw to
     * keep it from running. What could not be checked is never taken for safe.
     */
    default void beforeUnwatched(Connection connection, PreparedRevision revision, SqlStatement statement) throws SQLException {
    }
}
