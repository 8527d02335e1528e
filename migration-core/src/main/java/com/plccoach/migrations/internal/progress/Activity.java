package com.plccoach.migrations.internal.progress;

import com.plccoach.migrations.ShortList;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one backend is doing, as another session sees it: pg_stat_activity's wait event and query
 * start, the sessions blocking it (pg_blocking_pids) with the lock it waits for, and the phase of a
 * CREATE INDEX it runs (pg_stat_progress_create_index). Read from the run's second connection, since
 * the running one is busy with the statement.
 *
 * @param waitEvent   "Lock/relation", "IO/DataFileRead"...; null when it is on CPU
 * @param seconds     how long its current statement has run
 * @param query       its statement, clipped to one short line
 * @param lock        the lock it waits for ("AccessExclusiveLock on public.t"); null when none
 * @param blockers    the sessions it waits for
 * @param indexPhase  "building index: scanning table, blocks 120/5000"; null when it builds no index
 */
public record Activity(String waitEvent, long seconds, String query, String lock, List<Blocker> blockers, String indexPhase) {

    /** A session in the way: its pid (for pg_terminate_backend), application and transaction age. */
    public record Blocker(int pid, String application, long transactionSeconds, String query) {
        @Override
        public String toString() {
            return "pid " + pid + " (application '" + (application == null ? "" : application) + "', transaction open for "
                    + transactionSeconds + " s, query: " + ShortList.clip(query == null ? "" : query) + ")";
        }
    }

    private static final String ACTIVITY = """
            SELECT a.wait_event_type, a.wait_event, extract(epoch FROM now() - a.query_start)::bigint, a.query,
                   (SELECT l.mode || ' on ' || coalesce(l.relation::regclass::text, l.locktype)
                      FROM pg_locks l WHERE l.pid = a.pid AND NOT l.granted LIMIT 1),
                   (SELECT p.phase || coalesce(', blocks ' || p.blocks_done || '/' || nullif(p.blocks_total, 0), '')
                           || coalesce(', tuples ' || p.tuples_done || '/' || nullif(p.tuples_total, 0), '')
                      FROM pg_stat_progress_create_index p WHERE p.pid = a.pid)
              FROM pg_stat_activity a WHERE a.pid = ?""";

    private static final String BLOCKERS = """
            SELECT b.pid, b.application_name, coalesce(extract(epoch FROM now() - b.xact_start)::bigint, 0), b.query
              FROM pg_stat_activity b WHERE b.pid = ANY (pg_blocking_pids(?)) ORDER BY b.xact_start NULLS LAST""";

    /** Empty when the backend is gone (its statement ended with the session). */
    public static Optional<Activity> read(Connection watcher, int pid) throws SQLException {
        Activity activity;
        try (PreparedStatement ps = watcher.prepareStatement(ACTIVITY)) {
            ps.setInt(1, pid);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String wait = rs.getString(1) == null ? null : rs.getString(1) + "/" + rs.getString(2);
                activity = new Activity(wait, rs.getLong(3), rs.getString(4), rs.getString(5), List.of(), rs.getString(6));
            }
        }
        List<Blocker> blockers = new ArrayList<>();
        try (PreparedStatement ps = watcher.prepareStatement(BLOCKERS)) {
            ps.setInt(1, pid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    blockers.add(new Blocker(rs.getInt(1), rs.getString(2), rs.getLong(3), rs.getString(4)));
                }
            }
        }
        return Optional.of(new Activity(activity.waitEvent, activity.seconds, activity.query, activity.lock, blockers,
                activity.indexPhase));
    }

    public Activity {
        blockers = List.copyOf(blockers);
    }

    /** One line: what the statement waits for and who is in its way, then the statement. */
    @Override
    public String toString() {
        StringBuilder line = new StringBuilder();
        if (indexPhase != null) {
            line.append("building the index: ").append(indexPhase).append("; ");
        }
        if (lock != null) {
            line.append("waiting for ").append(lock);
        } else if (waitEvent != null) {
            line.append("waiting on ").append(waitEvent);
        } else {
            line.append("working");
        }
        if (!blockers.isEmpty()) {
            line.append(" held by ").append(blockers.get(0));
            if (blockers.size() > 1) {
                line.append(" and ").append(blockers.size() - 1).append(" more session(s)");
            }
        }
        line.append("; running ").append(ShortList.clip(query == null ? "" : query));
        return line.toString();
    }
}
