package com.plccoach.migrations.internal.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * A user-defined enum, composite or domain type.
 *
 * @param elements    enum labels in sort order, or composite attributes as {@code name type} in order
 * @param baseType    a domain's underlying type (format_type); null otherwise
 * @param constraints a domain's CHECK constraints, name to pg_get_constraintdef
 */
public record TypeDef(
        String schema,
        String name,
        Kind typeKind,
        List<String> elements,
        String baseType,
        boolean notNull,
        String defaultValue,
        SortedMap<String, String> constraints,
        String comment) implements CatalogObject {

    public enum Kind { ENUM, COMPOSITE, DOMAIN }

    public TypeDef {
        elements = List.copyOf(elements);
        constraints = Snapshots.sorted(constraints);
    }

    @Override
    public String kind() {
        return typeKind.name().toLowerCase() + " type";
    }

    @Override
    public String displayName() {
        return CatalogObject.qualified(schema, name);
    }

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(typeKind == Kind.ENUM ? "labels" : "attributes", typeKind == Kind.DOMAIN ? null : elements);
        p.put("base type", baseType);
        p.put("nullability", typeKind == Kind.DOMAIN ? (notNull ? "NOT NULL" : "NULL") : null);
        p.put("default", defaultValue);
        p.put("constraints", constraints);
        p.put("comment", comment);
        return p;
    }
}
