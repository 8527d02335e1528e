package com.plccoach.migrations.internal.catalog;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A table column.
 *
 * @param table        the table's display name, for messages
 * @param type         format_type, e.g. {@code numeric(12,6)}, {@code vector(1536)}
 * @param defaultValue pg_get_expr of the default, or of the expression of a generated column; null for none
 * @param identity     {@code ALWAYS}, {@code BY DEFAULT} or null
 * @param generated    {@code STORED} or null
 * @param collation    only when it differs from the type's default collation
 */
public record ColumnDef(
        String table,
        String name,
        String type,
        boolean notNull,
        String defaultValue,
        String identity,
        String generated,
        String collation,
        String comment) implements CatalogObject {

    @Override
    public String kind() {
        return "column";
    }

    @Override
    public String displayName() {
        return table + "." + name;
    }

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", type);
        p.put("nullability", notNull ? "NOT NULL" : "NULL");
        p.put("default", defaultValue);
        p.put("identity", identity);
        p.put("generated", generated);
        p.put("collation", collation);
        p.put("comment", comment);
        return p;
    }
}
