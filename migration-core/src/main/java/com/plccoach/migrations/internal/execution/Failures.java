package com.plccoach.migrations.internal.execution;

import com.plccoach.migrations.Advice;
import com.plccoach.migrations.DatabaseUnavailableException;
import com.plccoach.migrations.EnvironmentException;
import com.plccoach.migrations.MigrationException;
import com.plccoach.migrations.ScriptFailedException;
import com.plccoach.migrations.internal.script.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Turns an SQLException met while running a revision into the message the user needs. */
final class Failures {

    private Failures() {
    }

    /**
     * @param committed revisions this run committed before the failure (they stay applied)
     * @param command   what to type to continue, as {@link Advice#run} words it
     * @param advice    how to word the settings that would avoid the failure
     */
    static MigrationException translate(SQLException e, Connection connection, PreparedRevision step, SqlStatement statement,
                                        List<String> committed, String command, Duration lockTimeout, Advice advice) {
        String where = "revision " + step.describe() + " (" + step.revision().location()
                + (statement == null ? "" : ", line " + lineOf(e, statement)) + ")";
        String state = stateAfter(step, statement, committed);
        if (connectionLost(e, connection)) {
            return new DatabaseUnavailableException("Lost the connection to the database while running " + where + ": "
                    + e.getMessage() + ". " + state + " Rerun " + command + " once the database is reachable: the migration lock "
                    + "ended with the session.", e);
        }
        String sqlState = e.getSQLState() == null ? "" : e.getSQLState();
        if (sqlState.equals("53200")) {
            return new EnvironmentException("PostgreSQL ran out of lock table space (\"" + firstLine(e.getMessage())
                    + "\") at " + where + ": one transaction holds a lock on every object the run touched"
                    + (committed.isEmpty() ? "" : " since the last commit") + ". " + state + " Either run with "
                    + advice.set("transactionPerRevision", "true") + " (each revision commits, releasing its locks), or raise "
                    + "max_locks_per_transaction on the server (ALTER SYSTEM SET max_locks_per_transaction = 1024; then restart "
                    + "PostgreSQL), and rerun " + command + ".", e);
        }
        StringBuilder message = new StringBuilder("Revision ").append(step.describe()).append(" failed in ")
                .append(step.revision().location());
        if (statement != null) {
            message.append(" at line ").append(lineOf(e, statement)).append(": ").append(preview(statement));
        }
        message.append("\n  ").append(serverMessage(e));
        if (sqlState.equals("55P03")) {
            List<String> holders = statement == null || connectionLost(e, connection) ? List.of() : LockHolders.of(connection, statement.sql());
            message.append("\n  The statement waited longer than lock_timeout (").append(lockTimeout).append(") for a lock another "
                    + "transaction holds").append(holders.isEmpty() ? " (see pg_stat_activity and pg_locks)"
                    : ": held by " + String.join("; ", holders)).append(". Rerun when it has ended, or raise ").append(advice.setting("lockTimeout"))
                    .append(holders.isEmpty() ? "" : ", or end that session with SELECT pg_terminate_backend(<pid>)").append(".");
        } else if (sqlState.equals("55P04")) {
            message.append("\n  An enum value added by ALTER TYPE ... ADD VALUE cannot be used in the transaction that added it. "
                    + "Run with " + advice.set("transactionPerRevision", "true") + ", or apply the revision that adds the value first.");
        }
        message.append("\n").append(state).append(" ").append(advice.fixStatementIn(step.revision().location()))
                .append(" and rerun ").append(command).append(".");
        return new ScriptFailedException(message.toString(), e);
    }

    private static String stateAfter(PreparedRevision step, SqlStatement statement, List<String> committed) {
        String kept = committed.isEmpty()
                ? "Nothing of this run was applied: its transaction was rolled back."
                : "Revisions " + committed + " were committed before it and stay applied; the rest was rolled back.";
        if (!step.transactional() && statement != null) {
            int index = step.statements().indexOf(statement);
            // plccoach_progress records each committed statement, so a rerun resumes at the one that failed
            kept += " " + step.revision().id() + " is transactional: false, so "
                    + (index <= 0 ? "none of its statements took effect; the next run retries it from its first statement"
                    : "its statements before line " + statement.line() + " took effect, stay and are recorded as done; the next "
                    + "run continues it at line " + statement.line())
                    + " (dropping an INVALID index a failed CREATE INDEX CONCURRENTLY left); undo anything else by hand first if "
                    + "that statement cannot run twice.";
        }
        return kept;
    }

    static boolean connectionLost(SQLException e, Connection connection) {
        String sqlState = e.getSQLState() == null ? "" : e.getSQLState();
        if (sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P02") || sqlState.equals("57P03")) {
            return true;
        }
        try {
            return connection.isClosed();
        } catch (SQLException ignored) {
            return true;
        }
    }

    static int lineOf(SQLException e, SqlStatement statement) {
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null && p.getServerErrorMessage().getPosition() > 0) {
            int position = Math.min(p.getServerErrorMessage().getPosition() - 1, statement.sql().length());
            int line = statement.line();
            for (int i = 0; i < position; i++) {
                if (statement.sql().charAt(i) == '\n') {
                    line++;
                }
            }
            return line;
        }
        return statement.line();
    }

    private static String serverMessage(SQLException e) {
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            ServerErrorMessage m = p.getServerErrorMessage();
            StringBuilder text = new StringBuilder(m.getSeverity() == null ? "ERROR" : m.getSeverity()).append(": ")
                    .append(m.getMessage()).append(" (SQLSTATE ").append(m.getSQLState()).append(")");
            if (m.getDetail() != null) {
                text.append("\n  DETAIL: ").append(m.getDetail());
            }
            if (m.getHint() != null) {
                text.append("\n  HINT: ").append(m.getHint());
            }
            if (m.getWhere() != null) {
                text.append("\n  CONTEXT: ").append(m.getWhere());
            }
            return text.toString();
        }
        return "ERROR: " + e.getMessage() + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")");
    }

    static String preview(SqlStatement statement) {
        String oneLine = statement.sql().strip().replaceAll("\\s+", " ");
        return oneLine.length() > 120 ? oneLine.substring(0, 117) + "..." : oneLine;
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }
}
