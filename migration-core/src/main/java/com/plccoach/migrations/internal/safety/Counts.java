package com.plccoach.migrations.internal.safety;

import com.plccoach.migrations.PlanReport.Relation;
import com.plccoach.migrations.internal.script.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The counts the guard, the forecast and the analysis name: rows of a table, non-null values of a column, its key, its size. */
final class Counts {

    private Counts() {
    }

    static boolean holdsRows(Connection connection, Relation table) throws SQLException {
        return single(connection, "SELECT count(*) FROM (SELECT 1 FROM ONLY " + table.sql() + " LIMIT 1) r") > 0;
    }

    static long rows(Connection connection, Relation table) throws SQLException {
        return single(connection, "SELECT count(*) FROM ONLY " + table.sql());
    }

    static long values(Connection connection, Relation table, String column) throws SQLException {
        return single(connection, "SELECT count(" + Identifiers.quote(column) + ") FROM ONLY " + table.sql());
    }

    /** The bytes of a relation's main fork: what a rewrite copies. */
    static long size(Connection connection, long oid) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_relation_size(?::oid)")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static Relation relation(Connection connection, long oid) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT n.nspname, c.relname FROM pg_class c "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = ?::oid")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("relation " + oid + " vanished while it was being counted");
                }
                return new Relation(rs.getString(1), rs.getString(2));
            }
        }
    }

    /** The primary key to put a dropped column's values back by; empty when there is none or it includes the column. */
    static List<String> primaryKey(Connection connection, long relid, String except) throws SQLException {
        List<String> key = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT a.attname FROM pg_index i "
                + "CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) "
                + "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum "
                + "WHERE i.indrelid = ?::oid AND i.indisprimary ORDER BY k.ord")) {
            ps.setLong(1, relid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    key.add(rs.getString(1));
                }
            }
        }
        return key.contains(except) ? List.of() : key;
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
