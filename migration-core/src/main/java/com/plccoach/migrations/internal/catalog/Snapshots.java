package com.plccoach.migrations.internal.catalog;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

final class Snapshots {

    private Snapshots() {
    }

    /** An unmodifiable, sorted copy: snapshots compare and print the same whatever the read order. */
    static <V> SortedMap<String, V> sorted(java.util.Map<String, V> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(map == null ? java.util.Map.of() : map));
    }
}
