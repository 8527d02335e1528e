package com.plccoach.migrations.internal.backup;

import com.plccoach.migrations.PlanReport.Relation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** What a restore needs to know of the target database's catalog. */
final class DatabaseObjects {

    private DatabaseObjects() {
    }

    /** No table, view or sequence outside the system schemas: a fresh createdb (extensions' functions and types do not count). */
    static boolean isEmpty(Connection connection) throws SQLException {
        return count(connection, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' "
                + "AND n.nspname NOT LIKE 'pg\\_temp%' AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') "
                + "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')") == 0;
    }

    /** A table, index, sequence or view of that name. */
    static boolean relationExists(Connection connection, Relation relation) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, relation.sql());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** A constraint or trigger of that name on that table. */
    static boolean tableObjectExists(Connection connection, Relation table, String name, boolean trigger) throws SQLException {
        String sql = trigger
                ? "SELECT count(*) FROM pg_trigger WHERE tgrelid = to_regclass(?) AND tgname = ?"
                : "SELECT count(*) FROM pg_constraint WHERE conrelid = to_regclass(?) AND conname = ?";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, table.sql());
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    static boolean columnExists(Connection connection, Relation table, String column) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) FROM pg_attribute "
                + "WHERE attrelid = to_regclass(?) AND attname = ? AND attnum > 0 AND NOT attisdropped")) {
            ps.setString(1, table.sql());
            ps.setString(2, column);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    static long rows(Connection connection, Relation table) throws SQLException {
        return count(connection, "SELECT count(*) FROM ONLY " + table.sql());
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
