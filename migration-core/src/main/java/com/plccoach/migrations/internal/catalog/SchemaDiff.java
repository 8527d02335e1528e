package com.plccoach.migrations.internal.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The differences from an expected snapshot to an actual one, in a stable order: by kind as in
 * {@link SchemaSnapshot#objectMaps()}, then by key. Tables also compare their columns (and their
 * order) and constraints one by one, so a message names the column or constraint itself.
 */
public final class SchemaDiff {

    private SchemaDiff() {
    }

    public static List<Difference> between(SchemaSnapshot expected, SchemaSnapshot actual) {
        List<Difference> out = new ArrayList<>();
        List<SortedMap<String, ? extends CatalogObject>> left = expected.objectMaps();
        List<SortedMap<String, ? extends CatalogObject>> right = actual.objectMaps();
        for (int i = 0; i < left.size(); i++) {
            compareMaps(left.get(i), right.get(i), out);
        }
        return List.copyOf(out);
    }

    private static void compareMaps(Map<String, ? extends CatalogObject> expected, Map<String, ? extends CatalogObject> actual,
                                    List<Difference> out) {
        TreeMap<String, Boolean> keys = new TreeMap<>();
        expected.keySet().forEach(k -> keys.put(k, true));
        actual.keySet().forEach(k -> keys.put(k, true));
        for (String key : keys.keySet()) {
            CatalogObject e = expected.get(key);
            CatalogObject a = actual.get(key);
            if (a == null) {
                if (!backsConstraint(e)) {
                    out.add(Difference.missing(e));
                }
            } else if (e == null) {
                if (!backsConstraint(a)) {
                    out.add(Difference.extra(a));
                }
            } else if (!e.equals(a)) {
                compareObjects(e, a, out);
            }
        }
    }

    private static void compareObjects(CatalogObject expected, CatalogObject actual, List<Difference> out) {
        int before = out.size();
        Map<String, Object> e = expected.properties();
        Map<String, Object> a = actual.properties();
        for (Map.Entry<String, Object> entry : e.entrySet()) {
            Object actualValue = a.get(entry.getKey());
            if (!Objects.equals(entry.getValue(), actualValue)) {
                out.add(Difference.changed(actual, entry.getKey(), entry.getValue(), actualValue));
            }
        }
        if (expected instanceof TableDef et && actual instanceof TableDef at) {
            compareTables(et, at, out);
        }
        if (out.size() == before) {
            // unreachable while properties() covers every field; guards against a field added without one
            out.add(Difference.changed(actual, "definition", expected, actual));
        }
    }

    private static void compareTables(TableDef expected, TableDef actual, List<Difference> out) {
        Map<String, ColumnDef> expectedColumns = byName(expected.columns());
        Map<String, ColumnDef> actualColumns = byName(actual.columns());
        for (ColumnDef column : expected.columns()) {
            ColumnDef other = actualColumns.get(column.name());
            if (other == null) {
                out.add(Difference.missing(column));
            } else if (!column.equals(other)) {
                compareObjects(column, other, out);
            }
        }
        for (ColumnDef column : actual.columns()) {
            if (!expectedColumns.containsKey(column.name())) {
                out.add(Difference.extra(column));
            }
        }
        List<String> expectedOrder = expected.columns().stream().map(ColumnDef::name).filter(actualColumns::containsKey).toList();
        List<String> actualOrder = actual.columns().stream().map(ColumnDef::name).filter(expectedColumns::containsKey).toList();
        if (!expectedOrder.equals(actualOrder)) {
            out.add(Difference.changed(actual, "column order", expectedOrder, actualOrder));
        }
        compareMaps(expected.constraints(), actual.constraints(), out);
    }

    /** The index of a primary key, unique or exclusion constraint comes and goes with it: the constraint is named instead. */
    private static boolean backsConstraint(CatalogObject object) {
        return object instanceof IndexDef index && index.constraint() != null;
    }

    private static Map<String, ColumnDef> byName(List<ColumnDef> columns) {
        Map<String, ColumnDef> map = new TreeMap<>();
        columns.forEach(c -> map.put(c.name(), c));
        return map;
    }
}
