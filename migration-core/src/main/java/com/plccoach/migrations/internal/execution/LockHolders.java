package com.plccoach.migrations.internal.execution;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who holds locks on the tables a statement names, read from pg_locks and pg_stat_activity after
 * a lock timeout: the message then says which session to wait for (or end), not just "someone".
 */
public final class LockHolders {

    private static final Pattern NAME = Pattern.compile("(\"(?:[^\"]|\"\")+\"|[\\p{L}_][\\p{L}\\p{N}_$]*)"
            + "(\\s*\\.\\s*(\"(?:[^\"]|\"\")+\"|[\\p{L}_][\\p{L}\\p{N}_$]*))?");
    private static final int MAX_NAMES = 200;

    private LockHolders() {
    }

    /** The sessions holding a lock on a table the SQL names, one per line; empty when none is found. */
    public static List<String> of(Connection connection, String sql) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = NAME.matcher(sql);
        while (m.find() && names.size() < MAX_NAMES) {
            names.add(m.group());
        }
        return ofRelations(connection, names.toArray(String[]::new));
    }

    /** The sessions holding a lock on one of the named relations (names as SQL writes them). */
    public static List<String> ofRelations(Connection connection, String[] names) {
        List<String> holders = new ArrayList<>();
        if (names.length == 0) {
            return holders;
        }
        String query = "SELECT DISTINCT a.pid, a.application_name, a.usename, a.state, a.xact_start, left(a.query, 120),"
                + " string_agg(DISTINCT l.relation::regclass::text || ' ' || l.mode, ', ')"
                + " FROM unnest(?::text[]) n(name) JOIN pg_locks l ON l.relation = to_regclass(n.name)"
                + " JOIN pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.granted AND l.pid <> pg_backend_pid() GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY a.pid";
        try (PreparedStatement ps = connection.prepareStatement(query)) {
            Array array = connection.createArrayOf("text", names);
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    holders.add("pid " + rs.getInt(1) + " (application_name '" + rs.getString(2) + "', user " + rs.getString(3)
                            + ", " + rs.getString(4) + (rs.getTimestamp(5) == null ? "" : ", in a transaction since " + rs.getTimestamp(5))
                            + ", holding " + rs.getString(7) + "; its last query: " + rs.getString(6).strip().replaceAll("\\s+", " ") + ")");
                }
            }
        } catch (SQLException e) {
            // to_regclass refuses some odd names; the message then only lacks the holder
            holders.clear();
        }
        return holders;
    }
}
