package com.plccoach.migrations.internal.safety;

import com.plccoach.migrations.DatabaseUnavailableException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether any user table holds a row. An upgrade of a database where none does (a fresh one, a
 * scratch one) cannot lose data, and skipping its analysis halves its cost.
 */
final class ExistingData {

    /** Beyond this many tables one probe per table costs more than it saves: analyse instead. */
    private static final int MAX_PROBED_TABLES = 2_000;

    private ExistingData() {
    }

    static boolean anyRows(Connection connection) {
        try (Statement s = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c "
                    + "JOIN pg_namespace n ON n.oid = c.relnamespace "
                    + "WHERE c.relkind IN ('r', 'm') AND c.relpersistence <> 't' "
                    + "AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' "
                    + "AND c.relname NOT IN ('plccoach_version', 'plccoach_history') "
                    + "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e') "
                    + "LIMIT " + (MAX_PROBED_TABLES + 1))) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            if (tables.isEmpty()) {
                return false;
            }
            if (tables.size() > MAX_PROBED_TABLES) {
                return true;
            }
            StringBuilder probe = new StringBuilder("SELECT ");
            for (int i = 0; i < tables.size(); i++) {
                probe.append(i == 0 ? "" : " OR ").append("EXISTS (SELECT 1 FROM ").append(tables.get(i)).append(")");
            }
            try (ResultSet rs = s.executeQuery(probe.toString())) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("Could not tell whether any table holds rows before the upgrade: " + e.getMessage()
                    + ". Nothing was changed; check the connection and run again.", e);
        }
    }
}
