package com.plccoach.migrations.internal.catalog;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A function, procedure or aggregate, identified by name and argument types (overloads differ).
 *
 * @param arguments  pg_get_function_identity_arguments
 * @param definition pg_get_functiondef (a complete CREATE OR REPLACE); for an aggregate, its result type
 */
public record FunctionDef(
        String schema,
        String name,
        String arguments,
        String functionKind,
        String definition,
        String comment) implements CatalogObject {

    @Override
    public String kind() {
        return functionKind;
    }

    @Override
    public String displayName() {
        return CatalogObject.qualified(schema, name) + "(" + arguments + ")";
    }

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("definition", definition);
        p.put("comment", comment);
        return p;
    }

    static String kindName(String prokind) {
        return switch (prokind) {
            case "p" -> "procedure";
            case "a" -> "aggregate";
            case "w" -> "window function";
            default -> "function";
        };
    }
}
