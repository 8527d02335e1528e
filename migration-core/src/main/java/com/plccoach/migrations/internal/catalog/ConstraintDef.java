package com.plccoach.migrations.internal.catalog;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A table constraint.
 *
 * @param table      the table's display name, for messages
 * @param type       PRIMARY KEY, UNIQUE, FOREIGN KEY, CHECK, EXCLUDE or TRIGGER
 * @param definition pg_get_constraintdef, e.g. {@code FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE}
 * @param validated  false for a constraint added NOT VALID and not validated since
 */
public record ConstraintDef(
        String table,
        String name,
        String type,
        String definition,
        boolean validated,
        String comment) implements CatalogObject {

    @Override
    public String kind() {
        return "constraint";
    }

    @Override
    public String displayName() {
        return name + " on " + table;
    }

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", type);
        p.put("definition", definition);
        p.put("validation", validated ? "validated" : "NOT VALID");
        p.put("comment", comment);
        return p;
    }

    static String typeName(String contype) {
        return switch (contype) {
            case "p" -> "PRIMARY KEY";
            case "u" -> "UNIQUE";
            case "f" -> "FOREIGN KEY";
            case "c" -> "CHECK";
            case "x" -> "EXCLUDE";
            case "t" -> "TRIGGER";
            default -> contype;
        };
    }
}
