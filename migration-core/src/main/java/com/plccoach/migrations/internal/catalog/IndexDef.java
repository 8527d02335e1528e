package com.plccoach.migrations.internal.catalog;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An index, including those behind primary key, unique and exclusion constraints.
 *
 * @param definition pg_get_indexdef: method, expressions, predicate, opclasses, options
 * @param valid      false after a failed CREATE INDEX CONCURRENTLY
 * @param constraint name of the constraint it implements, or null
 */
public record IndexDef(
        String schema,
        String name,
        String table,
        String definition,
        boolean valid,
        String constraint,
        String comment) implements CatalogObject {

    @Override
    public String kind() {
        return "index";
    }

    @Override
    public String displayName() {
        return CatalogObject.qualified(schema, name);
    }

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("table", table);
        p.put("definition", definition);
        p.put("validity", valid ? "valid" : "INVALID");
        p.put("constraint", constraint);
        p.put("comment", comment);
        return p;
    }
}
