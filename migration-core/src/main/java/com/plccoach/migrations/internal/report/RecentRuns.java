package com.plccoach.migrations.internal.report;

import com.plccoach.migrations.EnvironmentException;
import com.plccoach.migrations.internal.state.StateSql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The newest rows of {@code plccoach_history}, read-only: a database the tool never wrote has none. */
final class RecentRuns {

    static final int LIMIT = 30;

    private RecentRuns() {
    }

    /** One run as the report shows it. */
    record Run(String operation, String target, boolean success, Instant startedAt, long durationMs, int revisions) {
    }

    /** Newest first; empty when the history table does not exist yet. */
    static List<Run> read(Connection connection, String schema) {
        String table = new StateSql(schema).historyTable();
        List<Run> runs = new ArrayList<>();
        try (Statement st = connection.createStatement()) {
            try (ResultSet exists = st.executeQuery("SELECT to_regclass('" + table.replace("'", "''") + "') IS NOT NULL")) {
                exists.next();
                if (!exists.getBoolean(1)) {
                    return List.of();
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT operation, target, outcome, started_at, duration_ms,"
                    + " cardinality(revisions) FROM " + table + " ORDER BY id DESC LIMIT " + LIMIT)) {
                while (rs.next()) {
                    runs.add(new Run(rs.getString(1), rs.getString(2), "success".equals(rs.getString(3)),
                            rs.getTimestamp(4).toInstant(), rs.getLong(5), rs.getInt(6)));
                }
            }
        } catch (SQLException e) {
            throw new EnvironmentException("Cannot read " + table + " for the report: " + e.getMessage()
                    + ". Check that the configured user may read it", e);
        }
        return runs;
    }

}
