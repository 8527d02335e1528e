package com.plccoach.migrations;

import java.util.List;

/**
 * Which databases (and schemas) a {@link Fleet} migrates, and how many at once. Each list holds the
 * members themselves, or is empty with a {@code query:} that returns them, run on the template's URL
 * (a tenant registry table) when the fleet runs.
 *
 * <pre>
 * FleetConfig fleet = FleetConfig.databases(List.of("jdbc:postgresql://db1/acme", "jdbc:postgresql://db2/globex"))
 *         .withParallelism(8);
 * FleetReport&lt;MigrationResult&gt; report = template.fleet(fleet).upgrade("head");
 * </pre>
 *
 * @param databases      connection URLs, each migrated as one database (credentials resolved per URL); empty: the template's own
 * @param databasesQuery SQL returning one URL per row, or null
 * @param schemas        schemas of each database, each migrated with {@code search_path} and {@code ${schema}} set to it; empty: none
 * @param schemasQuery   SQL returning one schema name per row, or null
 * @param parallelism    at most this many members at once (at least 1)
 * @param failFast       after the first failure, start no other member
 */
public record FleetConfig(List<String> databases, String databasesQuery, List<String> schemas, String schemasQuery, int parallelism,
                          boolean failFast) {

    public static final int DEFAULT_PARALLELISM = 4;
    /** The prefix of a property value that is SQL returning the members rather than the members themselves. */
    public static final String QUERY_PREFIX = "query:";

    public FleetConfig {
        databases = databases == null ? List.of() : List.copyOf(databases);
        schemas = schemas == null ? List.of() : List.copyOf(schemas);
        databasesQuery = blankToNull(databasesQuery);
        schemasQuery = blankToNull(schemasQuery);
        if (parallelism < 1) {
            throw new FleetException("parallelism must be at least 1, not " + parallelism + " (plccoach.parallelism, default "
                    + DEFAULT_PARALLELISM + ")");
        }
    }

    /** These databases, {@value #DEFAULT_PARALLELISM} at once. */
    public static FleetConfig databases(List<String> urls) {
        return new FleetConfig(urls, null, List.of(), null, DEFAULT_PARALLELISM, false);
    }

    /** These schemas of the template's database, {@value #DEFAULT_PARALLELISM} at once. */
    public static FleetConfig schemas(List<String> names) {
        return new FleetConfig(List.of(), null, names, null, DEFAULT_PARALLELISM, false);
    }

    /**
     * From the plugin's properties: {@code databases} is a file with one URL per line ({@code #}
     * comments and blank lines allowed) or {@code query:<SQL>}; {@code schemas} is a comma-separated
     * list or {@code query:<SQL>}. Either may be null. Reads the file now; a query runs with the fleet.
     */
    public static FleetConfig fromProperties(String databases, String schemas, int parallelism, boolean failFast) {
        return com.plccoach.migrations.internal.fleet.FleetProperties.read(databases, schemas, parallelism, failFast);
    }

    public FleetConfig withParallelism(int n) {
        return new FleetConfig(databases, databasesQuery, schemas, schemasQuery, n, failFast);
    }

    public FleetConfig withFailFast(boolean stop) {
        return new FleetConfig(databases, databasesQuery, schemas, schemasQuery, parallelism, stop);
    }

    /** Whether any member is named: without one, the goal runs on the template's database alone. */
    public boolean isFleet() {
        return !databases.isEmpty() || databasesQuery != null || !schemas.isEmpty() || schemasQuery != null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    @Override
    public String toString() {
        return "FleetConfig[databases=" + (databasesQuery != null ? QUERY_PREFIX + databasesQuery : databases.size() + " URL(s)")
                + ", schemas=" + (schemasQuery != null ? QUERY_PREFIX + schemasQuery : schemas) + ", parallelism=" + parallelism
                + ", failFast=" + failFast + "]";
    }
}
