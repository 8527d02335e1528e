package com.plccoach.migrations.internal.catalog;

import java.util.LinkedHashMap;
import java.util.Map;

/** A namespace (CREATE SCHEMA). */
public record SchemaDef(String name, String comment) implements CatalogObject {

    @Override
    public String kind() {
        return "schema";
    }

    @Override
    public String displayName() {
        return name;
    }

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("comment", comment);
        return p;
    }
}
