package com.plccoach.migrations.internal.catalog;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A user trigger (not the internal ones behind foreign keys).
 *
 * @param definition pg_get_triggerdef, a complete CREATE TRIGGER
 * @param enabled    {@code ENABLED}, {@code DISABLED}, {@code REPLICA} or {@code ALWAYS}
 */
public record TriggerDef(
        String table,
        String name,
        String definition,
        String enabled,
        String comment) implements CatalogObject {

    @Override
    public String kind() {
        return "trigger";
    }

    @Override
    public String displayName() {
        return name + " on " + table;
    }

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("definition", definition);
        p.put("state", enabled);
        p.put("comment", comment);
        return p;
    }

    static String enabledName(String tgenabled) {
        return switch (tgenabled) {
            case "D" -> "DISABLED";
            case "R" -> "REPLICA";
            case "A" -> "ALWAYS";
            default -> "ENABLED";
        };
    }
}
