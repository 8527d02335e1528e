package com.plccoach.migrations.internal.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * A table (plain or partitioned) with its columns, in position order, and its constraints by name.
 * Indexes and triggers are top-level in the snapshot: their names are what messages need.
 *
 * @param partitionKey   pg_get_partkeydef for a partitioned table, else null
 * @param partitionBound the bound of a partition ({@code FOR VALUES ...}) with its parent, else null
 * @param options        reloptions such as {@code fillfactor=70}
 */
public record TableDef(
        String schema,
        String name,
        boolean partitioned,
        boolean unlogged,
        boolean rowSecurity,
        String partitionKey,
        String partitionBound,
        List<String> options,
        List<ColumnDef> columns,
        SortedMap<String, ConstraintDef> constraints,
        String comment) implements CatalogObject {

    public TableDef {
        options = List.copyOf(options);
        columns = List.copyOf(columns);
        constraints = Snapshots.sorted(constraints);
    }

    @Override
    public String kind() {
        return "table";
    }

    @Override
    public String displayName() {
        return CatalogObject.qualified(schema, name);
    }

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("partitioning", partitioned ? "PARTITION BY " + partitionKey : null);
        p.put("partition bound", partitionBound);
        p.put("persistence", unlogged ? "UNLOGGED" : "LOGGED");
        p.put("row level security", rowSecurity ? "enabled" : "disabled");
        p.put("storage options", options);
        p.put("comment", comment);
        return p;
    }

    /** The column of that name, or null. */
    public ColumnDef column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst().orElse(null);
    }
}
