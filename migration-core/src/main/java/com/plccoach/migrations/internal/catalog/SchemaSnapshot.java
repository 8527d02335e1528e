package com.plccoach.migrations.internal.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * The schema of one database as its catalog describes it, minus the tool's own state tables and
 * every object that belongs to an extension. Keys are {@code schema.name} (functions add their
 * argument types, triggers their table), so two snapshots compare with {@code equals} and
 * {@link SchemaDiff} names whatever differs. Read with {@link CatalogReader}.
 */
public record SchemaSnapshot(
        SortedMap<String, ExtensionDef> extensions,
        SortedMap<String, SchemaDef> schemas,
        SortedMap<String, TypeDef> types,
        SortedMap<String, SequenceDef> sequences,
        SortedMap<String, TableDef> tables,
        SortedMap<String, IndexDef> indexes,
        SortedMap<String, ViewDef> views,
        SortedMap<String, FunctionDef> functions,
        SortedMap<String, TriggerDef> triggers) {

    public SchemaSnapshot {
        extensions = Snapshots.sorted(extensions);
        schemas = Snapshots.sorted(schemas);
        types = Snapshots.sorted(types);
        sequences = Snapshots.sorted(sequences);
        tables = Snapshots.sorted(tables);
        indexes = Snapshots.sorted(indexes);
        views = Snapshots.sorted(views);
        functions = Snapshots.sorted(functions);
        triggers = Snapshots.sorted(triggers);
    }

    /** Every top-level object map, in the order a diff reports them (and DDL creates them). */
    public List<SortedMap<String, ? extends CatalogObject>> objectMaps() {
        return List.of(extensions, schemas, types, sequences, tables, indexes, views, functions, triggers);
    }

    public int objectCount() {
        return objectMaps().stream().mapToInt(SortedMap::size).sum();
    }

    /** One line per object, for logs and test failures. */
    @Override
    public String toString() {
        List<String> lines = new ArrayList<>();
        for (SortedMap<String, ? extends CatalogObject> map : objectMaps()) {
            for (CatalogObject o : map.values()) {
                lines.add(o.kind() + " " + o.displayName());
            }
        }
        return "SchemaSnapshot[" + lines.size() + " objects: " + String.join(", ", lines) + "]";
    }
}
