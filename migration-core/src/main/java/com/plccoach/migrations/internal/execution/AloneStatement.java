package com.plccoach.migrations.internal.execution;

import com.plccoach.migrations.internal.script.SqlStatement;
import com.plccoach.migrations.internal.script.StatementRules;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One statement of a {@code transactional: false} revision, watched like those of any other: one
 * that can destroy data and can run inside a transaction runs in a short transaction of its own,
 * the {@link RunWatch} around it and its progress row with it, committed together or rolled back
 * together (a refusal leaves the database as it was before that statement). One that cannot run in
 * a transaction (PostgreSQL refuses it there, or it commits inside itself) is judged by the watch
 * before it runs in autocommit. The rest runs in autocommit as before, its progress recorded after it.
 */
final class AloneStatement {

    /** SQLSTATE invalid_transaction_termination: a DO block or procedure that commits, run inside a transaction block. */
    private static final String COMMITS_INSIDE = "2D000";

    private AloneStatement() {
    }

    /** Runs statement {@code index} of {@code step} and records it done. */
    static void run(Connection connection, Statement st, PreparedRevision step, int index, RunWatch watch,
                    NonTransactionalProgress progress, RunWatch.Execution execution) throws SQLException {
        SqlStatement s = step.statements().get(index);
        if (!StatementRules.canDestroyData(s) || StatementRules.controlsTransaction(s)) {
            execution.execute();
        } else if (StatementRules.refusedInTransaction(s).isPresent() || !inOwnTransaction(connection, st, step, index, watch, progress, execution)) {
            watch.beforeUnwatched(connection, step, s);
            execution.execute();
        } else {
            return; // committed with its progress row
        }
        progress.done(st, step, index + 1);
    }

    /** Runs the statement watched in a transaction of its own; false (rolled back) when it commits inside itself and cannot. */
    private static boolean inOwnTransaction(Connection connection, Statement st, PreparedRevision step, int index, RunWatch watch,
                                            NonTransactionalProgress progress, RunWatch.Execution execution) throws SQLException {
        connection.setAutoCommit(false);
        try {
            watch.run(connection, step, step.statements().get(index), execution);
            watch.beforeCommit(connection);
            progress.done(st, step, index + 1);
            connection.commit();
            return true;
        } catch (SQLException e) {
            Runner.rollbackQuietly(connection);
            if (COMMITS_INSIDE.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        } catch (RuntimeException e) {
            Runner.rollbackQuietly(connection);
            throw e;
        } finally {
            Runner.autocommitQuietly(connection);
        }
    }
}
