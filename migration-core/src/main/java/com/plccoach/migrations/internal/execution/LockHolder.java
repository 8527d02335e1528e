package com.plccoach.migrations.internal.execution;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session most likely to hold the lock a revision timed out on: of the other sessions of this
 * database holding a lock on a table, the one whose transaction is oldest. Read after the rollback,
 * when our own wait is over but the holder, if it still blocks us, is still there.
 *
 * @param pid         its backend pid, for {@code pg_terminate_backend}
 * @param application its {@code application_name}
 * @param ageSeconds  how long its transaction has been open
 * @param query       the first line of its current (or last) query
 */
record LockHolder(int pid, String application, long ageSeconds, String query) {

    private static final Logger LOG = LoggerFactory.getLogger(LockHolder.class);

    private static final String OLDEST = """
            SELECT a.pid, a.application_name, extract(epoch FROM now() - a.xact_start)::bigint, a.query
              FROM pg_stat_activity a
             WHERE a.pid <> pg_backend_pid() AND a.datname = current_database() AND a.xact_start IS NOT NULL
               AND EXISTS (SELECT 1 FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
                            WHERE l.pid = a.pid AND l.granted AND l.locktype = 'relation'
                              AND c.relnamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace))
             ORDER BY a.xact_start
             LIMIT 1""";

    static Optional<LockHolder> find(Connection connection) {
        try (PreparedStatement ps = connection.prepareStatement(OLDEST); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            String query = rs.getString(4) == null ? "" : rs.getString(4).strip().lines().findFirst().orElse("");
            return Optional.of(new LockHolder(rs.getInt(1), rs.getString(2), rs.getLong(3), query));
        } catch (SQLException e) {
            LOG.debug("Cannot read who holds the lock", e);
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "pid " + pid + " (application '" + (application == null ? "" : application) + "', transaction open for "
                + ageSeconds + " s, query: " + (query.length() > 100 ? query.substring(0, 97) + "..." : query) + ")";
    }
}
