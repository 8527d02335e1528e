package com.plccoach.migrations.internal.catalog;

import java.util.LinkedHashMap;
import java.util.Map;

/** An installed extension; its own objects are left out of the snapshot. */
public record ExtensionDef(String name, String schema, String version) implements CatalogObject {

    @Override
    public String kind() {
        return "extension";
    }

    @Override
    public String displayName() {
        return name;
    }

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("schema", schema);
        p.put("version", version);
        return p;
    }
}
