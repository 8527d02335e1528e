package com.plccoach.migrations.internal.safety;

import com.plccoach.migrations.PlanReport.Relation;
import com.plccoach.migrations.internal.script.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables and columns a {@link DropStatement} takes away, from the catalog: the objects it names
 * (resolved as the run would, through the search path) and everything PostgreSQL drops with them,
 * followed through pg_depend (partitions, a schema's tables, columns of a dropped type, and with
 * CASCADE what depends normally on them) or, for TRUNCATE, through inheritance and foreign keys.
 */
final class Dependents {

    enum What { DROPPED, COLUMN_DROPPED, TRUNCATED }

    /** A table (or one of its columns) the statement destroys. */
    record Target(What what, long oid, Relation relation, String kind, String partitionOf, String column, String type) {
    }

    private static final String USER_TABLE = "c.relkind IN ('r', 'p') AND c.relpersistence <> 't'"
            + " AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'";
    private static final String DESCRIBE = "SELECT c.oid::bigint, n.nspname, c.relname, c.relkind, "
            + "(SELECT format('%I.%I', pn.nspname, pc.relname) FROM pg_inherits i JOIN pg_class pc ON pc.oid = i.inhparent "
            + "JOIN pg_namespace pn ON pn.oid = pc.relnamespace WHERE i.inhrelid = c.oid AND c.relispartition)";

    private Dependents() {
    }

    static List<Target> of(Connection connection, DropStatement drop) throws SQLException {
        return switch (drop.kind()) {
            case NOTHING -> List.of();
            case TRUNCATE -> truncated(connection, drop);
            default -> dropped(connection, drop);
        };
    }

    private static List<Target> dropped(Connection connection, DropStatement drop) throws SQLException {
        String roots = switch (drop.kind()) {
            case RELATION, ALTER_TABLE -> "SELECT 'pg_class'::regclass::oid, to_regclass(n)::oid, 0 FROM unnest(?::text[]) n";
            case SCHEMA -> "SELECT 'pg_namespace'::regclass::oid, to_regnamespace(n)::oid, 0 FROM unnest(?::text[]) n";
            case TYPE -> "SELECT 'pg_type'::regclass::oid, to_regtype(n)::oid, 0 FROM unnest(?::text[]) n";
            case EXTENSION -> "SELECT 'pg_extension'::regclass::oid, e.oid, 0 FROM unnest(?::text[]) n "
                    + "JOIN pg_extension e ON e.extname = (parse_ident(n))[1]";
            default -> throw new IllegalArgumentException(drop.kind().name());
        };
        if (drop.kind() == DropStatement.Kind.ALTER_TABLE) {
            if (drop.columns().isEmpty()) {
                return List.of();
            }
            roots = "SELECT 'pg_class'::regclass::oid, a.attrelid, a.attnum::int FROM pg_attribute a, unnest(?::text[]) n "
                    + "WHERE a.attrelid = to_regclass(n) AND NOT a.attisdropped AND a.attname = ANY(?::text[])";
        }
        String deptypes = drop.cascade() ? "('n', 'a', 'i', 'e')" : "('a', 'i', 'e')";
        String sql = "WITH RECURSIVE dep(classid, objid, objsubid) AS (SELECT * FROM (" + roots + ") r(classid, objid, objsubid)"
                + " WHERE r.objid IS NOT NULL"
                + " UNION SELECT d.classid, d.objid, d.objsubid FROM pg_depend d JOIN dep ON d.refclassid = dep.classid"
                + " AND d.refobjid = dep.objid AND (dep.objsubid = 0 OR d.refobjsubid = dep.objsubid) WHERE d.deptype IN " + deptypes + ")"
                + " " + DESCRIBE + ", dep.objsubid, a.attname, format_type(a.atttypid, a.atttypmod)"
                + " FROM dep JOIN pg_class c ON dep.classid = 'pg_class'::regclass AND c.oid = dep.objid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = dep.objsubid AND dep.objsubid > 0"
                + " WHERE " + USER_TABLE + " ORDER BY dep.objsubid, c.oid";
        Map<Long, Target> tables = new LinkedHashMap<>();
        List<Target> columns = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setArray(1, connection.createArrayOf("text", drop.names().toArray()));
            if (drop.kind() == DropStatement.Kind.ALTER_TABLE) {
                ps.setArray(2, connection.createArrayOf("text", drop.columns().stream().map(Identifiers::name).toArray()));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Relation relation = new Relation(rs.getString(2), rs.getString(3));
                    String kind = rs.getString(4).equals("p") ? "partitioned table" : "table";
                    if (rs.getInt(6) == 0) {
                        tables.put(rs.getLong(1), new Target(What.DROPPED, rs.getLong(1), relation, kind, rs.getString(5), null, null));
                    } else if (rs.getString(7) != null) {
                        columns.add(new Target(What.COLUMN_DROPPED, rs.getLong(1), relation, kind, rs.getString(5), rs.getString(7),
                                rs.getString(8)));
                    }
                }
            }
        }
        List<Target> targets = new ArrayList<>(tables.values());
        columns.stream().filter(c -> !tables.containsKey(c.oid())).forEach(targets::add);
        return targets;
    }

    private static List<Target> truncated(Connection connection, DropStatement drop) throws SQLException {
        String follow = "SELECT i.inhrelid FROM pg_inherits i WHERE i.inhparent = t.oid AND NOT " + drop.only()
                + (drop.cascade() ? " UNION ALL SELECT f.conrelid FROM pg_constraint f WHERE f.confrelid = t.oid AND f.contype = 'f'" : "");
        String sql = "WITH RECURSIVE t(oid) AS (SELECT to_regclass(n)::oid FROM unnest(?::text[]) n WHERE to_regclass(n) IS NOT NULL"
                + " UNION SELECT x.oid FROM t CROSS JOIN LATERAL (" + follow.replace("SELECT i.inhrelid", "SELECT i.inhrelid AS oid")
                + ") x) " + DESCRIBE + " FROM t JOIN pg_class c ON c.oid = t.oid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_TABLE;
        List<Target> targets = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setArray(1, connection.createArrayOf("text", drop.names().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    targets.add(new Target(What.TRUNCATED, rs.getLong(1), new Relation(rs.getString(2), rs.getString(3)),
                            rs.getString(4).equals("p") ? "partitioned table" : "table", rs.getString(5), null, null));
                }
            }
        }
        return targets;
    }
}
