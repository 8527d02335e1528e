package com.plccoach.migrations.internal.catalog;

import java.util.Map;

/**
 * One object of a {@link SchemaSnapshot}. The diff compares objects through {@link #properties()}
 * so that each difference can be named ("default of column sessions.revoked changed from false to
 * none") and so that a DDL generator can later tell which attribute needs which statement.
 */
public interface CatalogObject {

    /** Lower-case kind as a message says it: "table", "index", "materialized view", ... */
    String kind();

    /** The name a message shows: schema-qualified unless the schema is {@code public}. */
    String displayName();

    /** Every compared attribute except nested objects (columns, constraints), in a stable order; values may be null. */
    Map<String, Object> properties();

    static String qualified(String schema, String name) {
        return "public".equals(schema) ? name : schema + "." + name;
    }
}
