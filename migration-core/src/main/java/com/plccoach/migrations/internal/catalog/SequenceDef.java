package com.plccoach.migrations.internal.catalog;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A sequence that is not an identity column's (those belong to their column).
 *
 * @param ownedBy the {@code table.column} it is OWNED BY (serial columns), or null
 */
public record SequenceDef(
        String schema,
        String name,
        String dataType,
        long start,
        long increment,
        long min,
        long max,
        long cache,
        boolean cycle,
        String ownedBy,
        String comment) implements CatalogObject {

    @Override
    public String kind() {
        return "sequence";
    }

    @Override
    public String displayName() {
        return CatalogObject.qualified(schema, name);
    }

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", dataType);
        p.put("start", start);
        p.put("increment", increment);
        p.put("minimum", min);
        p.put("maximum", max);
        p.put("cache", cache);
        p.put("cycle", cycle ? "CYCLE" : "NO CYCLE");
        p.put("owner column", ownedBy);
        p.put("comment", comment);
        return p;
    }
}
