package com.plccoach.migrations.internal.autogen;

import com.plccoach.migrations.internal.catalog.ColumnDef;
import com.plccoach.migrations.internal.catalog.Difference;
import com.plccoach.migrations.internal.catalog.SchemaDiff;
import com.plccoach.migrations.internal.catalog.SchemaSnapshot;
import com.plccoach.migrations.internal.catalog.TableDef;
import com.plccoach.migrations.internal.catalog.TypeDef;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * The verify comparison with one allowance: the order of columns (and of composite type
 * attributes). PostgreSQL can only append a column, so a desired schema that lists a new column in
 * the middle of a table, or a down part that adds back a dropped one, cannot match the order
 * without rebuilding the table; autogenerate never rebuilds a table for that.
 */
final class Comparison {

    private Comparison() {
    }

    static List<Difference> ignoringColumnOrder(SchemaSnapshot expected, SchemaSnapshot actual) {
        return SchemaDiff.between(normalise(expected), normalise(actual));
    }

    static SchemaSnapshot normalise(SchemaSnapshot s) {
        TreeMap<String, TableDef> tables = new TreeMap<>();
        s.tables().forEach((k, t) -> tables.put(k, new TableDef(t.schema(), t.name(), t.partitioned(), t.unlogged(), t.rowSecurity(),
                t.partitionKey(), t.partitionBound(), t.options(),
                t.columns().stream().sorted(Comparator.comparing(ColumnDef::name)).toList(), t.constraints(), t.comment())));
        TreeMap<String, TypeDef> types = new TreeMap<>();
        s.types().forEach((k, t) -> types.put(k, t.typeKind() != TypeDef.Kind.COMPOSITE ? t
                : new TypeDef(t.schema(), t.name(), t.typeKind(), t.elements().stream().sorted().toList(), t.baseType(), t.notNull(),
                        t.defaultValue(), t.constraints(), t.comment())));
        return new SchemaSnapshot(s.extensions(), s.schemas(), types, s.sequences(), tables, s.indexes(), s.views(), s.functions(),
                s.triggers());
    }
}
