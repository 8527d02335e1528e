package com.plccoach.migrations.internal.safety;

import com.plccoach.migrations.PlanReport.LockMode;
import com.plccoach.migrations.PlanReport.LockTaken;
import com.plccoach.migrations.PlanReport.RowChanges;
import com.plccoach.migrations.PlanReport.TableScan;
import com.plccoach.migrations.internal.script.SqlStatement;
import com.plccoach.migrations.internal.script.StatementRules;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What our own backend holds and has done, read beside the {@link CatalogSnapshot} before and after
 * a statement of the analysis: the relation locks it was granted and the per-transaction table
 * statistics (scans, rows inserted, updated, deleted). Only relations that existed before the plan
 * are read: what the plan creates is invisible to others and costs nobody a lock or a scan.
 */
record BackendActivity(Set<String> locks, Map<Long, long[]> stats) {

    private static final String LOCKS = "SELECT relation::bigint, mode FROM pg_locks WHERE pid = pg_backend_pid() "
            + "AND locktype = 'relation' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
            + "AND relation = ANY(?::oid[])";
    private static final String STATS = "SELECT relid::bigint, seq_scan, n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_xact_user_tables "
            + "WHERE relid = ANY(?::oid[])";

    static BackendActivity read(Connection connection, long[] oids) throws SQLException {
        Set<String> locks = new HashSet<>();
        if (oids.length == 0) {
            return new BackendActivity(locks, new HashMap<>());
        }
        try (PreparedStatement ps = connection.prepareStatement(LOCKS)) {
            ps.setArray(1, CatalogSnapshot.oidArray(connection, oids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    locks.add(rs.getLong(1) + "|" + rs.getString(2));
                }
            }
        }
        return new BackendActivity(locks, stats(connection, oids));
    }

    /** Per table of {@code oids}: sequential scans, rows inserted, updated, deleted in this transaction. */
    private static Map<Long, long[]> stats(Connection connection, long[] oids) throws SQLException {
        Map<Long, long[]> stats = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(STATS)) {
            ps.setArray(1, CatalogSnapshot.oidArray(connection, oids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stats.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
                }
            }
        }
        return stats;
    }

    /** The locks taken since {@code before} on tables of {@code original} (indexes follow their table), strongest first per table. */
    List<LockTaken> locksTakenSince(BackendActivity before, Map<Long, CatalogSnapshot.Rel> original) {
        List<LockTaken> taken = new ArrayList<>();
        for (String lock : locks) {
            if (before.locks.contains(lock)) {
                continue;
            }
            int bar = lock.indexOf('|');
            CatalogSnapshot.Rel rel = original.get(Long.parseLong(lock.substring(0, bar)));
            LockMode mode = LockMode.fromPgLocks(lock.substring(bar + 1));
            if (rel != null && mode != null && !rel.kind().equals("index")) {
                taken.add(new LockTaken(rel.relation().toString(), mode));
            }
        }
        taken.sort((a, b) -> a.relation().equals(b.relation()) ? b.mode().compareTo(a.mode()) : a.relation().compareTo(b.relation()));
        return taken;
    }

    /** The sequential scans since {@code before}, per table of {@code original}. */
    List<TableScan> scansSince(BackendActivity before, Map<Long, CatalogSnapshot.Rel> original) {
        List<TableScan> scans = new ArrayList<>();
        stats.forEach((oid, now) -> {
            CatalogSnapshot.Rel rel = original.get(oid);
            long scanned = now[0] - before.stats.getOrDefault(oid, new long[4])[0];
            if (rel != null && scanned > 0) {
                scans.add(new TableScan(rel.relation().toString(), scanned));
            }
        });
        return scans;
    }

    /**
     * The rows inserted, updated and deleted since {@code before}, per table of {@code original}; those deleted from a
     * table of {@code unfiltered} (what a DELETE without WHERE empties) are marked lost.
     */
    List<RowChanges> rowChangesSince(BackendActivity before, Map<Long, CatalogSnapshot.Rel> original, Set<Long> unfiltered) {
        List<RowChanges> changes = new ArrayList<>();
        stats.forEach((oid, now) -> {
            CatalogSnapshot.Rel rel = original.get(oid);
            long[] was = before.stats.getOrDefault(oid, new long[4]);
            long ins = now[1] - was[1];
            long upd = now[2] - was[2];
            long del = now[3] - was[3];
            if (rel != null && (upd > 0 || del > 0 || ins > 0)) {
                changes.add(new RowChanges(rel.relation().toString(), ins, upd, del, unfiltered.contains(oid) && del > 0));
            }
        });
        return changes;
    }

    /**
     * The tables a DELETE without WHERE empties, read before it runs so its name resolves as it will: the table it
     * names and, when that is partitioned, its partitions (they hold the rows), those of {@code original} only (the
     * rows of a table the run itself created are nobody's loss). Empty for any other statement.
     */
    static Set<Long> unfilteredDeleteTargets(Connection connection, SqlStatement statement, Map<Long, CatalogSnapshot.Rel> original)
            throws SQLException {
        Optional<String> table = StatementRules.unfilteredDeleteTarget(statement);
        Set<Long> targets = new HashSet<>();
        if (table.isEmpty()) {
            return targets;
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT to_regclass(?)::oid::bigint UNION "
                + "SELECT relid::oid::bigint FROM pg_partition_tree(to_regclass(?))")) { // no rows for a table not partitioned
            ps.setString(1, table.get());
            ps.setString(2, table.get());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (original.containsKey(rs.getLong(1))) {
                        targets.add(rs.getLong(1));
                    }
                }
            }
        }
        return targets;
    }

    /** Rows deleted so far in this transaction from each of {@code tables}, read from pg_stat_xact_user_tables. */
    static Map<Long, Long> deletedSoFar(Connection connection, Set<Long> tables) throws SQLException {
        Map<Long, Long> deleted = new HashMap<>();
        if (!tables.isEmpty()) {
            stats(connection, tables.stream().mapToLong(Long::longValue).toArray()).forEach((oid, counts) -> deleted.put(oid, counts[3]));
        }
        return deleted;
    }
}
