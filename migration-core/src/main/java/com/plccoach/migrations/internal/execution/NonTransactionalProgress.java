package com.plccoach.migrations.internal.execution;

import com.plccoach.migrations.internal.script.Identifiers;
import com.plccoach.migrations.internal.script.SqlStatement;
import com.plccoach.migrations.internal.state.StateSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a {@code transactional: false} revision got to, committed statement by statement in
 * {@code plccoach_progress}, so that a run killed at any instant is finished by the next one rather
 * than blocked: "started" is committed before the first statement, each statement's completion
 * after it, and the row goes in the same implicit transaction as the version row. The next run
 * skips what is recorded done and reconciles the statement that was in flight from the catalog: a
 * {@code CREATE INDEX CONCURRENTLY} (named or not) whose index is there and valid counts as done
 * (the server may finish it after the client died); one whose index is INVALID is dropped and built
 * again.
 */
final class NonTransactionalProgress {

    private static final Logger LOG = LoggerFactory.getLogger(NonTransactionalProgress.class);
    private static final String IDENT = "(?:\"(?:[^\"]|\"\")+\"|[\\p{L}_][\\p{L}\\p{N}_$]*)";
    private static final Pattern CIC = Pattern.compile("(?is)^\\s*CREATE\\s+(UNIQUE\\s+)?INDEX\\s+CONCURRENTLY\\s+"
            + "(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:(?!ON\\s)(" + IDENT + ")\\s+)?ON\\s+(ONLY\\s+)?(" + IDENT + "(?:\\s*\\.\\s*" + IDENT + ")?)(.*)$");

    private final StateSql state;
    private final String table;

    NonTransactionalProgress(StateSql state) {
        this.state = state;
        this.table = Identifiers.quote(state.schema()) + ".plccoach_progress";
    }

    /** The statements of this revision recorded done by an earlier run; 0 when none started it. Creates the table if needed. */
    int recordedDone(Connection connection, PreparedRevision step) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + table + " (revision text NOT NULL, direction text NOT NULL, "
                    + "statements_done int NOT NULL, started_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (revision, direction))");
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT statements_done FROM " + table
                + " WHERE revision = ? AND direction = ?")) {
            ps.setString(1, step.revision().id());
            ps.setString(2, direction(step));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : -1;
            }
        }
    }

    /** Committed (autocommit) before the first statement runs. */
    void started(Statement st, PreparedRevision step) throws SQLException {
        st.execute("INSERT INTO " + table + " (revision, direction, statements_done) VALUES (" + StateSql.quoteLiteral(step.revision().id())
                + ", " + StateSql.quoteLiteral(direction(step)) + ", 0) ON CONFLICT DO NOTHING");
    }

    void done(Statement st, PreparedRevision step, int statementsDone) throws SQLException {
        st.execute("UPDATE " + table + " SET statements_done = " + statementsDone + " WHERE revision = "
                + StateSql.quoteLiteral(step.revision().id()) + " AND direction = " + StateSql.quoteLiteral(direction(step)));
    }

    /** Appended to the version statement: both commit together or not at all. */
    String finished(PreparedRevision step) {
        return "DELETE FROM " + table + " WHERE revision = " + StateSql.quoteLiteral(step.revision().id()) + " AND direction = "
                + StateSql.quoteLiteral(direction(step));
    }

    /**
     * For the statement an earlier run had in flight: true when it took effect (a valid index of a
     * CREATE INDEX CONCURRENTLY), after dropping an INVALID one it left (then it runs again).
     */
    boolean tookEffect(Connection connection, Statement st, PreparedRevision step, SqlStatement statement) throws SQLException {
        Optional<Index> index = indexOf(connection, statement);
        if (index.isEmpty()) {
            return false;
        }
        if (index.get().valid()) {
            LOG.warn("Revision {} ({}, line {}): the index {} that an interrupted run was building is there and valid: the "
                    + "statement took effect and is not run again", step.revision().id(), step.revision().location(), statement.line(),
                    index.get().name());
            return true;
        }
        LOG.warn("Revision {} ({}, line {}): dropping the INVALID index {} an interrupted or failed run left, before building it "
                + "again", step.revision().id(), step.revision().location(), statement.line(), index.get().name());
        st.execute("DROP INDEX CONCURRENTLY IF EXISTS " + index.get().name());
        return false;
    }

    /** An INVALID index a failed earlier attempt of this statement left, dropped before it runs again (no progress row needed). */
    void dropInvalidLeftBy(Connection connection, Statement st, PreparedRevision step, SqlStatement statement) throws SQLException {
        Optional<Index> index = indexOf(connection, statement);
        if (index.isPresent() && !index.get().valid()) {
            LOG.warn("Dropping INVALID index {} that an earlier failed run of revision {} ({}, line {}) left behind, before "
                    + "building it again", index.get().name(), step.revision().id(), step.revision().location(), statement.line());
            st.execute("DROP INDEX CONCURRENTLY IF EXISTS " + index.get().name());
        }
    }

    record Index(String name, boolean valid) {
    }

    /**
     * The index a CREATE INDEX CONCURRENTLY makes: by name when it has one, else by table and
     * definition. The definition is PostgreSQL's own: the statement is built once, non-concurrently,
     * on an empty copy of the table in a transaction that is rolled back, and pg_get_indexdef compared.
     */
    Optional<Index> indexOf(Connection connection, SqlStatement statement) throws SQLException {
        Matcher m = CIC.matcher(statement.sql());
        if (!m.matches()) {
            return Optional.empty();
        }
        String target = m.group(4);
        if (m.group(2) != null) {
            return find(connection, "SELECT i.indexrelid::regclass::text, i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                    + " WHERE c.relname = ? AND i.indrelid = to_regclass(?)", Identifiers.name(m.group(2)), target);
        }
        String definition = probeDefinition(connection, m);
        if (definition == null) {
            return Optional.empty();
        }
        return find(connection, "SELECT i.indexrelid::regclass::text, i.indisvalid FROM pg_index i WHERE i.indrelid = to_regclass(?) "
                + "AND substr(pg_get_indexdef(i.indexrelid), strpos(pg_get_indexdef(i.indexrelid), ' USING ')) = ? "
                + "AND i.indisunique = ?::boolean ORDER BY i.indisvalid, i.indexrelid DESC LIMIT 1", target, definition,
                Boolean.toString(m.group(1) != null));
    }

    private static Optional<Index> find(Connection connection, String sql, String... parameters) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Index(rs.getString(1), rs.getBoolean(2))) : Optional.empty();
            }
        }
    }

    /** The part of pg_get_indexdef after the table ("USING btree (c) WHERE ..."), or null when the probe cannot be built. */
    private static String probeDefinition(Connection connection, Matcher m) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            st.execute("SET LOCAL lock_timeout = '5s'");
            st.execute("CREATE TEMPORARY TABLE plccoach_probe (LIKE " + m.group(4) + ") ON COMMIT DROP");
            st.execute("CREATE " + (m.group(1) == null ? "" : "UNIQUE ") + "INDEX plccoach_probe_idx ON plccoach_probe " + m.group(5));
            try (ResultSet rs = st.executeQuery("SELECT substr(pg_get_indexdef(i), strpos(pg_get_indexdef(i), ' USING ')) "
                    + "FROM (SELECT 'plccoach_probe_idx'::regclass AS i) x")) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            LOG.debug("Cannot build the index definition to look for: {}", e.getMessage());
            return null;
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    private static String direction(PreparedRevision step) {
        return step.direction().name().toLowerCase();
    }

    @Override
    public String toString() {
        return "NonTransactionalProgress[" + table + "]";
    }
}
