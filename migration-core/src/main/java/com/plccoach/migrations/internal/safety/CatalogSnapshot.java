package com.plccoach.migrations.internal.safety;

import com.plccoach.migrations.PlanReport.Relation;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The user relations and their columns as our transaction sees them. System schemas are left out,
 * and so are TOAST relations (their storage follows their table's, so a rewrite is reported once,
 * on the table) and temporary relations (they die with their session and hold nothing to lose).
 */
record CatalogSnapshot(Map<Long, Rel> relations, Map<String, Col> columns) {

    /** A relation; relfilenode 0 means it has no storage of its own (partitioned tables, views). */
    record Rel(long oid, Relation relation, String kind, long relfilenode, String partitionOf) {
    }

    record Col(long relid, int attnum, String name, String type) {
        String key() {
            return relid + ":" + attnum;
        }
    }

    private static final String USER_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema') "
            + "AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND c.relpersistence <> 't'";

    static CatalogSnapshot read(Connection connection) throws SQLException {
        Map<Long, Rel> relations = new LinkedHashMap<>();
        Map<String, Col> columns = new HashMap<>();
        try (Statement s = connection.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT c.oid::bigint, n.nspname, c.relname, c.relkind, c.relfilenode::bigint, "
                    + "(SELECT format('%I.%I', pn.nspname, pc.relname) FROM pg_inherits i JOIN pg_class pc ON pc.oid = i.inhparent "
                    + "JOIN pg_namespace pn ON pn.oid = pc.relnamespace WHERE i.inhrelid = c.oid AND c.relispartition) "
                    + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                    + "WHERE c.relkind IN ('r', 'p', 'm', 'v', 'f', 'S', 'i', 'I') AND " + USER_SCHEMAS)) {
                while (rs.next()) {
                    long oid = rs.getLong(1);
                    relations.put(oid, new Rel(oid, new Relation(rs.getString(2), rs.getString(3)), kind(rs.getString(4)),
                            rs.getLong(5), rs.getString(6)));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT a.attrelid::bigint, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) "
                    + "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                    + "WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND " + USER_SCHEMAS)) {
                while (rs.next()) {
                    Col col = new Col(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4));
                    columns.put(col.key(), col);
                }
            }
        }
        return new CatalogSnapshot(relations, columns);
    }

    private static String kind(String relkind) {
        return switch (relkind) {
            case "r" -> "table";
            case "p" -> "partitioned table";
            case "m" -> "materialized view";
            case "v" -> "view";
            case "f" -> "foreign table";
            case "S" -> "sequence";
            default -> "index";
        };
    }
}
