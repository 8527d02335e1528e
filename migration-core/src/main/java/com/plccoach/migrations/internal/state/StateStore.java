package com.plccoach.migrations.internal.state;

import com.plccoach.migrations.AppliedRevision;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads and writes the state tables on a connection the caller owns (and whose transaction it manages). */
public final class StateStore {

    private final StateSql sql;

    public StateStore(String schema) {
        this.sql = new StateSql(schema);
    }

    public StateSql sql() {
        return sql;
    }

    /** Whether the version table exists; read-only commands never create it. */
    public boolean exists(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL, to_regclass(?) IS NOT NULL")) {
            ps.setString(1, sql.versionTable());
            ps.setString(2, sql.historyTable());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1) && rs.getBoolean(2);
            }
        }
    }

    /** Creates schema and tables when missing. Callers hold the migration lock, so two runners never race here. */
    public void ensure(Connection connection) throws SQLException {
        if (exists(connection)) {
            return;
        }
        create(connection);
    }

    private void create(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (String ddl : sql.createStatements()) {
                st.execute(ddl);
            }
        }
    }

    /** Every applied revision, oldest first; empty when the tables do not exist yet. */
    public Map<String, AppliedRevision> applied(Connection connection) throws SQLException {
        if (!exists(connection)) {
            return new LinkedHashMap<>();
        }
        return read(connection);
    }

    /**
     * Creates the tables when missing, then reads the applied set: what every writing command starts
     * with. The connection must be in autocommit (a failed read must not abort a transaction).
     */
    public Map<String, AppliedRevision> ensureAndRead(Connection connection) throws SQLException {
        Map<String, AppliedRevision> applied = readIfExists(connection);
        if (applied != null) {
            return applied;
        }
        create(connection);
        return read(connection);
    }

    /**
     * The applied set in one round trip, or null when the version table or its schema does not exist:
     * reading first and telling "undefined table" apart saves the up-to-date check the existence query.
     * The connection must be in autocommit.
     */
    public Map<String, AppliedRevision> readIfExists(Connection connection) throws SQLException {
        try {
            return read(connection);
        } catch (SQLException e) {
            if (!"42P01".equals(e.getSQLState()) && !"3F000".equals(e.getSQLState())) {
                throw e;
            }
            return null;
        }
    }

    private Map<String, AppliedRevision> read(Connection connection) throws SQLException {
        Map<String, AppliedRevision> applied = new LinkedHashMap<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql.selectVersions())) {
            while (rs.next()) {
                long micros = rs.getLong(3);
                applied.put(rs.getString(1), new AppliedRevision(rs.getString(1), rs.getString(2),
                        Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L),
                        rs.getString(4), Duration.ofMillis(rs.getLong(5))));
            }
        }
        return applied;
    }

    public void execute(Connection connection, String statement) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(statement);
        }
    }

    public void append(Connection connection, HistoryEntry entry) throws SQLException {
        String insert = "INSERT INTO " + sql.historyTable() + " (operation, target, revisions, from_heads, to_heads, outcome, error,"
                + " failed_revision, started_at, duration_ms, os_user, tool_version, backup_path)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = connection.prepareStatement(insert)) {
            ps.setString(1, entry.operation());
            ps.setString(2, entry.target());
            ps.setArray(3, connection.createArrayOf("text", entry.revisions().toArray()));
            ps.setArray(4, connection.createArrayOf("text", entry.fromHeads().toArray()));
            ps.setArray(5, connection.createArrayOf("text", entry.toHeads().toArray()));
            ps.setString(6, entry.success() ? "success" : "failed");
            ps.setString(7, entry.error());
            ps.setString(8, entry.failedRevision());
            ps.setTimestamp(9, Timestamp.from(entry.startedAt()));
            ps.setLong(10, entry.durationMs());
            ps.setString(11, entry.osUser());
            ps.setString(12, entry.toolVersion());
            ps.setString(13, entry.backupPath());
            ps.executeUpdate();
        }
    }

    /** The most recent upgrade or downgrade, to tell the user what a failed one left behind. */
    public Optional<HistoryEntry> lastRun(Connection connection) throws SQLException {
        List<HistoryEntry> entries = history(connection, "WHERE operation IN ('upgrade', 'downgrade')", 1);
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(0));
    }

    /** The newest {@code limit} rows, newest first. */
    public List<HistoryEntry> history(Connection connection, int limit) throws SQLException {
        return history(connection, "", limit);
    }

    private List<HistoryEntry> history(Connection connection, String where, int limit) throws SQLException {
        if (!exists(connection)) {
            return List.of();
        }
        String query = "SELECT operation, target, revisions, from_heads, to_heads, outcome, error, failed_revision, started_at,"
                + " duration_ms, db_user, os_user, tool_version, backup_path FROM " + sql.historyTable() + " " + where
                + " ORDER BY id DESC LIMIT " + limit;
        List<HistoryEntry> entries = new java.util.ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                entries.add(new HistoryEntry(rs.getString(1), rs.getString(2), list(rs.getArray(3)), list(rs.getArray(4)),
                        list(rs.getArray(5)), "success".equals(rs.getString(6)), rs.getString(7), rs.getString(8),
                        rs.getTimestamp(9).toInstant(), rs.getLong(10), rs.getString(11), rs.getString(12), rs.getString(13),
                        rs.getString(14)));
            }
        }
        return entries;
    }

    private static List<String> list(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    @Override
    public String toString() {
        return "StateStore[" + sql.versionTable() + "]";
    }
}
