package com.plccoach.migrations.internal.execution;

import com.plccoach.migrations.internal.script.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one statement of a batched backfill ({@code -- batch_size: N}, {@code transactional: false})
 * again and again, each run its own short transaction (the connection is in autocommit), until it
 * changes no row. The statement's own filter ({@code WHERE score IS NULL ... LIMIT ${batch_size}})
 * is what makes it end and what makes it resumable: after a crash the next run picks up the rows
 * still left. Locks are held for one batch, never for the whole backfill.
 */
final class Backfill {

    private static final Logger LOG = LoggerFactory.getLogger(Backfill.class);
    /** SQLSTATE of our own refusals: PostgreSQL's raise_exception, so the runner reports them like a failed statement. */
    private static final String UNBOUNDED = "P0001";
    private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;
    private static final Pattern TARGET = Pattern.compile("(?is)^\\s*(UPDATE|DELETE\\s+FROM|INSERT\\s+INTO)\\s+(?:ONLY\\s+)?"
            + "((?:\"(?:[^\"]|\"\")+\"|[\\p{L}_][\\p{L}\\p{N}_$]*)(?:\\s*\\.\\s*(?:\"(?:[^\"]|\"\")+\"|[\\p{L}_][\\p{L}\\p{N}_$]*))?)");

    private Backfill() {
    }

    static void run(Connection connection, Statement st, PreparedRevision step, SqlStatement statement, java.time.Duration pause)
            throws SQLException {
        int batchSize = step.revision().batchSize();
        String where = step.revision().location() + ":" + statement.line();
        if (!statement.sql().contains(String.valueOf(batchSize))) {
            throw new SQLException("this statement of a batched revision does not use ${batch_size}, so nothing bounds a batch"
                    + " and it would run until it changed no row; bound it, e.g. WHERE id IN (SELECT id FROM t WHERE x IS NULL"
                    + " LIMIT ${batch_size}), or move it to another revision", UNBOUNDED);
        }
        Matcher target = TARGET.matcher(statement.sql());
        String table = target.find() ? target.group(2) : null;
        boolean shrinksOrFills = table != null && !target.group(1).toUpperCase(Locale.ROOT).startsWith("INSERT");
        long estimate = table == null ? -1 : rowEstimate(connection, table);
        long start = System.nanoTime();
        long lastReport = start;
        long done = 0;
        int batches = 0;
        while (true) {
            st.execute(statement.sql());
            int rows = st.getUpdateCount();
            if (rows <= 0) {
                break;
            }
            done += rows;
            batches++;
            if (shrinksOrFills && estimate >= 0 && done > 2 * estimate + 10L * batchSize) {
                throw new SQLException("the batched statement has changed " + done + " rows of " + table + ", which holds"
                        + " about " + estimate + ": its filter does not exclude the rows it already changed, so it would never"
                        + " end; the " + batches + " batches run so far are committed. Make the WHERE clause skip changed rows"
                        + " (e.g. WHERE score IS NULL)", UNBOUNDED);
            }
            pause(pause);
            long now = System.nanoTime();
            if (now - lastReport >= PROGRESS_EVERY_NANOS) {
                lastReport = now;
                LOG.info("Backfill {}: {}", where, progress(done, batches, now - start, estimate, table));
            }
        }
        LOG.info("Backfill {} done: {}", where, progress(done, batches, System.nanoTime() - start, -1, table));
    }

    /** Lets replicas and other writers catch up between batches (plccoach.batchPause). */
    private static void pause(java.time.Duration pause) throws SQLException {
        if (pause.isZero() || pause.isNegative()) {
            return;
        }
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted between two batches; the batches so far are committed and a rerun goes on", "57014",
                    e);
        }
    }

    private static String progress(long done, int batches, long nanos, long estimate, String table) {
        double seconds = Math.max(nanos / 1e9, 0.001);
        long rate = Math.round(done / seconds);
        String text = String.format(Locale.ROOT, "%,d rows in %d batch(es), %.1f s, %,d rows/s", done, batches, seconds, rate);
        if (estimate > done && rate > 0) {
            long left = estimate - done;
            text += String.format(Locale.ROOT, "; about %,d rows of %s left by its statistics, ~%d s at this rate", left, table,
                    left / rate);
        }
        return text;
    }

    private static long rowEstimate(Connection connection, String table) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT reltuples::bigint FROM pg_class WHERE oid = to_regclass(?)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        } catch (SQLException e) {
            LOG.debug("Cannot read the row estimate of {}", table, e);
            return -1;
        }
    }
}
