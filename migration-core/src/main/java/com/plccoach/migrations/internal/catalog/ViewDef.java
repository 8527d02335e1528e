package com.plccoach.migrations.internal.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A view or materialized view.
 *
 * @param definition pg_get_viewdef (the normalised SELECT)
 * @param columns    output columns as {@code name type}, in order
 */
public record ViewDef(
        String schema,
        String name,
        boolean materialized,
        String definition,
        List<String> columns,
        List<String> options,
        String comment) implements CatalogObject {

    public ViewDef {
        columns = List.copyOf(columns);
        options = List.copyOf(options);
    }

    @Override
    public String kind() {
        return materialized ? "materialized view" : "view";
    }

    @Override
    public String displayName() {
        return CatalogObject.qualified(schema, name);
    }

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("definition", definition);
        p.put("columns", columns);
        p.put("options", options);
        p.put("comment", comment);
        return p;
    }
}
