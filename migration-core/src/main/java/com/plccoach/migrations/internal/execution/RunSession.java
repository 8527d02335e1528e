package com.plccoach.migrations.internal.execution;

import com.plccoach.migrations.DatabaseUnavailableException;
import com.plccoach.migrations.internal.state.StateSql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a run sets on its session and gives back when it ends: {@code lock_timeout}, set once in
 * autocommit so that no transaction of the run needs a SET of its own and a rolled-back one cannot
 * undo it, and, for a run of several transactions, the prepared statement that writes version rows
 * (the INSERT parsed and planned once for the run, not once per revision). A connection from a pool
 * goes back with its own {@code lock_timeout} and without our statement, whether the run failed or not.
 *
 * @param lockTimeoutBefore the session's value when the run began
 * @param versionRow        the prepared statement's name, or null when none was prepared
 */
record RunSession(String lockTimeoutBefore, String versionRow) {

    /** The session's prepared statement for version rows while a run of several transactions lasts. */
    static final String VERSION_ROW = "plccoach_version_row";
    /** SQLSTATE duplicate_prepared_statement: a session a pool hands out again may still hold ours. */
    private static final String DUPLICATE_PREPARED = "42P05";
    private static final Logger LOG = LoggerFactory.getLogger(RunSession.class);

    /**
     * One round trip: reads the session's lock_timeout, runs {@code setLockTimeout} and, when given, {@code prepare}
     * (which must prepare {@link #VERSION_ROW}).
     */
    static RunSession open(Connection connection, String setLockTimeout, String prepare) {
        String open = "SHOW lock_timeout;\n" + setLockTimeout + (prepare == null ? "" : ";\n" + prepare);
        try (Statement st = connection.createStatement()) {
            st.setEscapeProcessing(false);
            String before;
            try {
                before = firstValue(st, open);
            } catch (SQLException e) {
                if (prepare == null || !DUPLICATE_PREPARED.equals(e.getSQLState())) {
                    throw e;
                }
                // left by an earlier run on a session a pool handed out again; the failure rolled back the SET with it
                before = firstValue(st, "DEALLOCATE " + VERSION_ROW + ";\n" + open);
            }
            return new RunSession(before, prepare == null ? null : VERSION_ROW);
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("The database failed while the run set lock_timeout on its session: "
                    + e.getMessage() + ". Nothing was run. Check the connection and rerun.", e);
        }
    }

    /** Runs statements in one round trip and returns the first row's value of the first result that has rows. */
    private static String firstValue(Statement st, String sql) throws SQLException {
        boolean rows = st.execute(sql);
        while (rows || st.getUpdateCount() != -1) {
            if (rows) {
                try (ResultSet rs = st.getResultSet()) {
                    if (rs.next()) {
                        return rs.getString(1);
                    }
                }
            }
            rows = st.getMoreResults();
        }
        throw new SQLException("SHOW lock_timeout returned no row");
    }

    /** Leaves the session as the run found it; a session that is gone takes everything with it. */
    void closeQuietly(Connection connection) {
        try (Statement st = connection.createStatement()) {
            st.setEscapeProcessing(false);
            st.execute("SET lock_timeout = " + StateSql.quoteLiteral(lockTimeoutBefore)
                    + (versionRow == null ? "" : ";\nDEALLOCATE " + versionRow));
        } catch (SQLException e) {
            LOG.debug("Cannot give the session back its lock_timeout; it ends with the connection", e);
        }
    }
}
