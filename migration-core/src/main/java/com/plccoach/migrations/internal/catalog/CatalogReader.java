package com.plccoach.migrations.internal.catalog;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a {@link SchemaSnapshot} from the PostgreSQL catalog of the connected database. Definitions
 * come from the server's own deparsers (format_type, pg_get_constraintdef, pg_get_indexdef,
 * pg_get_viewdef, pg_get_functiondef, pg_get_triggerdef), which print a given object the same way
 * every time, unlike a pg_dump text that also carries ordering and settings noise.
 *
 * <p>Left out: system schemas, objects that belong to an extension (pg_depend deptype 'e'), and the
 * tool's state tables ({@code plccoach_version}, {@code plccoach_history}, {@code plccoach_progress}) in the state schema,
 * with the state schema itself when it is not {@code public}, and Alembic's {@code alembic_version}. Owners and privileges are not
 * compared (a scratch database belongs to whoever runs verify).
 */
public final class CatalogReader {

    public static final List<String> STATE_TABLES = List.of("plccoach_version", "plccoach_history", "plccoach_progress");
    /** Alembic's state table: import-alembic leaves it for a team that may go back, so it is state, not schema. */
    public static final String ALEMBIC_VERSION = "alembic_version";

    private static final String USER_NAMESPACE = "n.nspname NOT IN ('pg_catalog', 'information_schema')"
            + " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'";

    private static final String NOT_EXTENSION_MEMBER = " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '%s'::regclass"
            + " AND d.objid = %s AND d.deptype = 'e')";

    /** A relation that is one of the tool's state tables. */
    private static final String STATE_TABLE = "((%1$s.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = ?)"
            + " AND %1$s.relname IN ('plccoach_version', 'plccoach_history', 'plccoach_progress')) OR %1$s.relname = '" + ALEMBIC_VERSION + "')";

    private final String stateSchema;

    /** @param stateSchema the schema of the tool's state tables, which the snapshot leaves out */
    public CatalogReader(String stateSchema) {
        this.stateSchema = stateSchema;
    }

    public SchemaSnapshot read(Connection connection) throws SQLException {
        Map<Long, String> tableNames = new HashMap<>();
        TreeMap<String, TableDef> tables = readTables(connection, tableNames);
        return new SchemaSnapshot(readExtensions(connection), readSchemas(connection), readTypes(connection),
                readSequences(connection), tables, readIndexes(connection), readViews(connection),
                readFunctions(connection), readTriggers(connection));
    }

    private TreeMap<String, ExtensionDef> readExtensions(Connection c) throws SQLException {
        TreeMap<String, ExtensionDef> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT e.extname, n.nspname, e.extversion FROM pg_extension e"
                + " JOIN pg_namespace n ON n.oid = e.extnamespace"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), new ExtensionDef(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        return out;
    }

    private TreeMap<String, SchemaDef> readSchemas(Connection c) throws SQLException {
        TreeMap<String, SchemaDef> out = new TreeMap<>();
        String sql = "SELECT n.nspname, obj_description(n.oid, 'pg_namespace') FROM pg_namespace n WHERE " + USER_NAMESPACE
                + " AND (n.nspname = 'public' OR n.nspname <> ?)" + notExtensionMember("pg_namespace", "n.oid");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, stateSchema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new SchemaDef(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return out;
    }

    private TreeMap<String, TypeDef> readTypes(Connection c) throws SQLException {
        TreeMap<String, TypeDef> out = new TreeMap<>();
        String sql = "SELECT n.nspname, t.typname, t.typtype,"
                + " (SELECT array_agg(e.enumlabel::text ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid),"
                + " (SELECT array_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod) ORDER BY a.attnum)"
                + "    FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped),"
                + " CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END,"
                + " t.typnotnull, t.typdefault,"
                + " (SELECT array_agg(co.conname::text ORDER BY co.conname) FROM pg_constraint co WHERE co.contypid = t.oid),"
                + " (SELECT array_agg(pg_get_constraintdef(co.oid) ORDER BY co.conname) FROM pg_constraint co WHERE co.contypid = t.oid),"
                + " obj_description(t.oid, 'pg_type')"
                + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                + " LEFT JOIN pg_class r ON r.oid = t.typrelid"
                + " WHERE t.typtype IN ('e', 'c', 'd') AND (t.typtype <> 'c' OR r.relkind = 'c') AND " + USER_NAMESPACE
                + notExtensionMember("pg_type", "t.oid");
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                TypeDef.Kind kind = switch (rs.getString(3)) {
                    case "e" -> TypeDef.Kind.ENUM;
                    case "c" -> TypeDef.Kind.COMPOSITE;
                    default -> TypeDef.Kind.DOMAIN;
                };
                List<String> elements = kind == TypeDef.Kind.ENUM ? strings(rs.getArray(4)) : strings(rs.getArray(5));
                Map<String, String> constraints = new TreeMap<>();
                List<String> names = strings(rs.getArray(9));
                List<String> defs = strings(rs.getArray(10));
                for (int i = 0; i < names.size(); i++) {
                    constraints.put(names.get(i), defs.get(i));
                }
                TypeDef type = new TypeDef(rs.getString(1), rs.getString(2), kind, elements, rs.getString(6), rs.getBoolean(7),
                        rs.getString(8), new TreeMap<>(constraints), rs.getString(11));
                out.put(key(type.schema(), type.name()), type);
            }
        }
        return out;
    }

    private TreeMap<String, SequenceDef> readSequences(Connection c) throws SQLException {
        TreeMap<String, SequenceDef> out = new TreeMap<>();
        // identity sequences (deptype 'i') are part of their column; serial ones (deptype 'a') are real objects
        String sql = "SELECT n.nspname, r.relname, format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin,"
                + " s.seqmax, s.seqcache, s.seqcycle,"
                + " (SELECT t.relname || '.' || a.attname FROM pg_depend d JOIN pg_class t ON t.oid = d.refobjid"
                + "    JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid"
                + "   WHERE d.classid = 'pg_class'::regclass AND d.objid = r.oid AND d.deptype = 'a' AND d.refobjsubid > 0 LIMIT 1),"
                + " obj_description(r.oid, 'pg_class')"
                + " FROM pg_sequence s JOIN pg_class r ON r.oid = s.seqrelid JOIN pg_namespace n ON n.oid = r.relnamespace"
                + " WHERE " + USER_NAMESPACE
                + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = r.oid"
                + "   AND (d.deptype IN ('e', 'i') OR (d.deptype = 'a' AND d.refobjid IN (SELECT t.oid FROM pg_class t WHERE "
                + STATE_TABLE.formatted("t") + "))))";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, stateSchema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    SequenceDef seq = new SequenceDef(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getBoolean(9), rs.getString(10),
                            rs.getString(11));
                    out.put(key(seq.schema(), seq.name()), seq);
                }
            }
        }
        return out;
    }

    private TreeMap<String, TableDef> readTables(Connection c, Map<Long, String> tableNames) throws SQLException {
        String sql = "SELECT r.oid, n.nspname, r.relname, r.relkind = 'p', r.relpersistence = 'u', r.relrowsecurity,"
                + " pg_get_partkeydef(r.oid),"
                + " CASE WHEN r.relispartition THEN (SELECT p.oid::regclass::text FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent"
                + "   WHERE i.inhrelid = r.oid) || ' ' || pg_get_expr(r.relpartbound, r.oid) END,"
                + " coalesce(r.reloptions, '{}'), obj_description(r.oid, 'pg_class')"
                + " FROM pg_class r JOIN pg_namespace n ON n.oid = r.relnamespace"
                + " WHERE r.relkind IN ('r', 'p') AND " + USER_NAMESPACE + " AND NOT " + STATE_TABLE.formatted("r")
                + notExtensionMember("pg_class", "r.oid");
        Map<Long, Object[]> rows = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, stateSchema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long oid = rs.getLong(1);
                    tableNames.put(oid, CatalogObject.qualified(rs.getString(2), rs.getString(3)));
                    rows.put(oid, new Object[] {rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5),
                            rs.getBoolean(6), rs.getString(7), rs.getString(8), strings(rs.getArray(9)), rs.getString(10)});
                }
            }
        }
        Map<Long, List<ColumnDef>> columns = readColumns(c, tableNames);
        Map<Long, Map<String, ConstraintDef>> constraints = readConstraints(c, tableNames);
        TreeMap<String, TableDef> out = new TreeMap<>();
        for (Map.Entry<Long, Object[]> e : rows.entrySet()) {
            Object[] r = e.getValue();
            @SuppressWarnings("unchecked")
            List<String> options = (List<String>) r[7];
            TableDef table = new TableDef((String) r[0], (String) r[1], (Boolean) r[2], (Boolean) r[3], (Boolean) r[4],
                    (String) r[5], (String) r[6], options, columns.getOrDefault(e.getKey(), List.of()),
                    new TreeMap<>(constraints.getOrDefault(e.getKey(), Map.of())), (String) r[8]);
            out.put(key(table.schema(), table.name()), table);
        }
        return out;
    }

    private Map<Long, List<ColumnDef>> readColumns(Connection c, Map<Long, String> tableNames) throws SQLException {
        String sql = "SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
                + " pg_get_expr(ad.adbin, ad.adrelid), a.attidentity, a.attgenerated,"
                + " CASE WHEN a.attcollation <> t.typcollation THEN co.collname END, col_description(a.attrelid, a.attnum)"
                + " FROM pg_attribute a JOIN pg_class r ON r.oid = a.attrelid JOIN pg_type t ON t.oid = a.atttypid"
                + " JOIN pg_namespace n ON n.oid = r.relnamespace"
                + " LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum"
                + " LEFT JOIN pg_collation co ON co.oid = a.attcollation"
                + " WHERE r.relkind IN ('r', 'p') AND " + USER_NAMESPACE + " AND a.attnum > 0 AND NOT a.attisdropped"
                + " ORDER BY a.attrelid, a.attnum";
        Map<Long, List<ColumnDef>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String table = tableNames.get(rs.getLong(1));
                if (table == null) {
                    continue;
                }
                String identity = switch (rs.getString(6)) {
                    case "a" -> "ALWAYS";
                    case "d" -> "BY DEFAULT";
                    default -> null;
                };
                String generated = "s".equals(rs.getString(7)) ? "STORED" : null;
                out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new ColumnDef(table, rs.getString(2),
                        rs.getString(3), rs.getBoolean(4), rs.getString(5), identity, generated, rs.getString(8), rs.getString(9)));
            }
        }
        return out;
    }

    private Map<Long, Map<String, ConstraintDef>> readConstraints(Connection c, Map<Long, String> tableNames) throws SQLException {
        String sql = "SELECT co.conrelid, co.conname, co.contype, pg_get_constraintdef(co.oid), co.convalidated,"
                + " obj_description(co.oid, 'pg_constraint') FROM pg_constraint co JOIN pg_namespace n ON n.oid = co.connamespace"
                + " WHERE co.conrelid <> 0 AND " + USER_NAMESPACE;
        Map<Long, Map<String, ConstraintDef>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String table = tableNames.get(rs.getLong(1));
                if (table == null) {
                    continue;
                }
                ConstraintDef con = new ConstraintDef(table, rs.getString(2), ConstraintDef.typeName(rs.getString(3)),
                        rs.getString(4), rs.getBoolean(5), rs.getString(6));
                out.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(con.name(), con);
            }
        }
        return out;
    }

    private TreeMap<String, IndexDef> readIndexes(Connection c) throws SQLException {
        String sql = "SELECT n.nspname, ir.relname, tn.nspname, t.relname, pg_get_indexdef(i.indexrelid), i.indisvalid,"
                + " (SELECT co.conname FROM pg_constraint co WHERE co.conindid = i.indexrelid AND co.contype IN ('p', 'u', 'x')"
                + "   AND co.conrelid = i.indrelid LIMIT 1),"
                + " obj_description(ir.oid, 'pg_class')"
                + " FROM pg_index i JOIN pg_class ir ON ir.oid = i.indexrelid JOIN pg_namespace n ON n.oid = ir.relnamespace"
                + " JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace tn ON tn.oid = t.relnamespace"
                + " WHERE t.relkind IN ('r', 'p', 'm') AND " + USER_NAMESPACE + " AND NOT " + STATE_TABLE.formatted("t")
                + notExtensionMember("pg_class", "t.oid") + notExtensionMember("pg_class", "ir.oid");
        TreeMap<String, IndexDef> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, stateSchema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    IndexDef index = new IndexDef(rs.getString(1), rs.getString(2), CatalogObject.qualified(rs.getString(3),
                            rs.getString(4)), rs.getString(5), rs.getBoolean(6), rs.getString(7), rs.getString(8));
                    out.put(key(index.schema(), index.name()), index);
                }
            }
        }
        return out;
    }

    private TreeMap<String, ViewDef> readViews(Connection c) throws SQLException {
        String sql = "SELECT n.nspname, v.relname, v.relkind = 'm', pg_get_viewdef(v.oid, true),"
                + " (SELECT array_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod) ORDER BY a.attnum)"
                + "    FROM pg_attribute a WHERE a.attrelid = v.oid AND a.attnum > 0 AND NOT a.attisdropped),"
                + " coalesce(v.reloptions, '{}'), obj_description(v.oid, 'pg_class')"
                + " FROM pg_class v JOIN pg_namespace n ON n.oid = v.relnamespace"
                + " WHERE v.relkind IN ('v', 'm') AND " + USER_NAMESPACE + notExtensionMember("pg_class", "v.oid");
        TreeMap<String, ViewDef> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ViewDef view = new ViewDef(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
                        strings(rs.getArray(5)), strings(rs.getArray(6)), rs.getString(7));
                out.put(key(view.schema(), view.name()), view);
            }
        }
        return out;
    }

    private TreeMap<String, FunctionDef> readFunctions(Connection c) throws SQLException {
        String sql = "SELECT n.nspname, p.proname, pg_get_function_identity_arguments(p.oid), p.prokind,"
                + " CASE WHEN p.prokind = 'a' THEN 'AGGREGATE RETURNS ' || format_type(p.prorettype, NULL)"
                + "   ELSE pg_get_functiondef(p.oid) END,"
                + " obj_description(p.oid, 'pg_proc')"
                + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                + " WHERE " + USER_NAMESPACE + notExtensionMember("pg_proc", "p.oid");
        TreeMap<String, FunctionDef> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                FunctionDef f = new FunctionDef(rs.getString(1), rs.getString(2), rs.getString(3),
                        FunctionDef.kindName(rs.getString(4)), rs.getString(5), rs.getString(6));
                out.put(key(f.schema(), f.name()) + "(" + f.arguments() + ")", f);
            }
        }
        return out;
    }

    private TreeMap<String, TriggerDef> readTriggers(Connection c) throws SQLException {
        String sql = "SELECT n.nspname, r.relname, tg.tgname, pg_get_triggerdef(tg.oid), tg.tgenabled,"
                + " obj_description(tg.oid, 'pg_trigger')"
                + " FROM pg_trigger tg JOIN pg_class r ON r.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = r.relnamespace"
                + " WHERE NOT tg.tgisinternal AND " + USER_NAMESPACE + " AND NOT " + STATE_TABLE.formatted("r")
                + notExtensionMember("pg_class", "r.oid");
        TreeMap<String, TriggerDef> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, stateSchema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    TriggerDef t = new TriggerDef(CatalogObject.qualified(rs.getString(1), rs.getString(2)), rs.getString(3),
                            rs.getString(4), TriggerDef.enabledName(rs.getString(5)), rs.getString(6));
                    out.put(key(rs.getString(1), rs.getString(2)) + "." + t.name(), t);
                }
            }
        }
        return out;
    }

    private static String notExtensionMember(String catalog, String oidExpression) {
        return NOT_EXTENSION_MEMBER.formatted(catalog, oidExpression);
    }

    private static String key(String schema, String name) {
        return schema + "." + name;
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
