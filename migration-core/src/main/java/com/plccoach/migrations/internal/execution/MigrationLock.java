package com.plccoach.migrations.internal.execution;

import com.plccoach.migrations.Advice;
import com.plccoach.migrations.LockUnavailableException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session-level advisory lock that serialises every runner writing to one state schema.
 * It is polled with {@code pg_try_advisory_lock} outside any transaction, never waited for with
 * {@code pg_advisory_lock}: a blocked waiter holding a snapshot would deadlock with the holder's
 * {@code CREATE INDEX CONCURRENTLY}, which waits for every older transaction to end. The lock lives
 * as long as the session, so a crashed runner can never leave it behind.
 */
public final class MigrationLock {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationLock.class);
    /** "PLCC": the first key of the two-int4 form, so our locks are recognisable in pg_locks. */
    static final int NAMESPACE = 0x504C4343;
    private static final long REPORT_EVERY_MS = 10_000;

    private final int key;
    private final String schema;
    private final Advice advice;

    /** @param advice how the message of a lock held too long words the setting that waits longer */
    public MigrationLock(String schema, Advice advice) {
        this.schema = schema;
        this.advice = advice;
        CRC32 crc = new CRC32();
        crc.update(schema.getBytes(StandardCharsets.UTF_8));
        this.key = (int) crc.getValue();
    }

    /** Takes the lock on this connection (which must be in autocommit), polling up to {@code wait}. */
    public void acquire(Connection connection, Duration wait) throws SQLException {
        long deadline = System.nanoTime() + wait.toNanos();
        long sleepMs = 20;
        long nextReport = 0;
        Holder lastHolder = null;
        while (true) {
            if (tryLock(connection)) {
                if (lastHolder != null) {
                    LOG.info("Got the migration lock after waiting for {}", lastHolder);
                }
                return;
            }
            Optional<Holder> holder = holder(connection);
            long now = System.nanoTime();
            if (holder.isPresent() && (lastHolder == null || now >= nextReport)) {
                LOG.info("Waiting for the migration lock of schema {} (up to {}): held by {}", schema, wait, holder.get());
                nextReport = now + REPORT_EVERY_MS * 1_000_000;
            }
            lastHolder = holder.orElse(lastHolder);
            if (now >= deadline) {
                throw new LockUnavailableException("Another runner held the migration lock of schema " + schema + " for longer than "
                        + "lockWait (" + wait + "): " + holder.map(Holder::toString).orElse("it was released just now") + ". "
                        + "Wait for it to finish and rerun, raise " + advice.setting("lockWait") + ", or if that session is stuck end it with "
                        + "SELECT pg_terminate_backend(" + holder.map(h -> String.valueOf(h.pid())).orElse("<pid>") + ").");
            }
            long remainingMs = Math.max(1, (deadline - now) / 1_000_000);
            try {
                Thread.sleep(Math.min(sleepMs, remainingMs));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LockUnavailableException("Interrupted while waiting for the migration lock of schema " + schema, e);
            }
            sleepMs = Math.min(500, sleepMs * 2);
        }
    }

    public void release(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            ps.setInt(1, NAMESPACE);
            ps.setInt(2, key);
            ps.execute();
        }
    }

    private boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            ps.setInt(1, NAMESPACE);
            ps.setInt(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Who holds the lock, from pg_stat_activity; empty when it was released meanwhile. */
    public Optional<Holder> holder(Connection connection) throws SQLException {
        String sql = "SELECT a.pid, a.application_name, host(a.client_addr), a.usename, a.backend_start, a.xact_start, a.state"
                + " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.locktype = 'advisory' AND l.granted AND l.classid = ?::oid AND l.objid = ?::oid AND l.objsubid = 2"
                + "   AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, Integer.toUnsignedLong(NAMESPACE));
            ps.setLong(2, Integer.toUnsignedLong(key));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Holder(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        String.valueOf(rs.getTimestamp(5)), rs.getTimestamp(6) == null ? null : String.valueOf(rs.getTimestamp(6)),
                        rs.getString(7)));
            }
        }
    }

    /** A session holding the lock, as pg_stat_activity shows it. */
    public record Holder(int pid, String applicationName, String clientAddress, String user, String backendStart,
                         String transactionStart, String state) {
        @Override
        public String toString() {
            return "pid " + pid + " (application_name '" + applicationName + "', user " + user + ", client "
                    + (clientAddress == null ? "local socket" : clientAddress) + ", connected since " + backendStart
                    + (transactionStart == null ? ", no open transaction" : ", in a transaction since " + transactionStart)
                    + ", " + state + ")";
        }
    }

    @Override
    public String toString() {
        return "MigrationLock[" + schema + " = (" + NAMESPACE + ", " + key + ")]";
    }
}
