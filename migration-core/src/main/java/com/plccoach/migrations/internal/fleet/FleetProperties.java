package com.plccoach.migrations.internal.fleet;

import com.plccoach.migrations.FleetConfig;
import com.plccoach.migrations.FleetException;
import com.plccoach.migrations.MigratorConfig;
import com.plccoach.migrations.internal.connection.DatabaseUrl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code plccoach.databases} (a file of URLs, or {@code query:}) and {@code plccoach.schemas}
 * (a comma-separated list, or {@code query:}). Every URL is checked here, so a typo on line 140 stops
 * the run before the first database is touched, naming the file and the line.
 */
public final class FleetProperties {

    private FleetProperties() {
    }

    public static FleetConfig read(String databases, String schemas, int parallelism, boolean failFast) {
        List<String> urls = List.of();
        String urlQuery = null;
        if (databases != null && !databases.isBlank()) {
            if (isQuery(databases)) {
                urlQuery = query(databases, "plccoach.databases");
            } else {
                urls = urlsFromFile(Path.of(databases.strip()));
            }
        }
        List<String> names = List.of();
        String schemaQuery = null;
        if (schemas != null && !schemas.isBlank()) {
            if (isQuery(schemas)) {
                schemaQuery = query(schemas, "plccoach.schemas");
            } else {
                names = Arrays.stream(schemas.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
                FleetMembers.requireDistinct(names, "plccoach.schemas");
            }
        }
        return new FleetConfig(urls, urlQuery, names, schemaQuery, parallelism, failFast);
    }

    /** One URL per line; {@code #} starts a comment, blank lines are skipped; duplicates are refused naming both lines. */
    public static List<String> urlsFromFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FleetException("Cannot read the databases file " + file.toAbsolutePath() + " (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + "); plccoach.databases names a file with one connection URL per line, or query:<SQL>", e);
        }
        List<String> urls = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String url = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (url.isEmpty()) {
                continue;
            }
            String where = file + ", line " + (i + 1);
            DatabaseUrl parsed;
            try {
                parsed = DatabaseUrl.parse(url);
            } catch (RuntimeException e) {
                throw new FleetException(where + ": " + e.getMessage(), e);
            }
            String key = FleetMembers.label(parsed);
            Integer first = seen.putIfAbsent(key, i + 1);
            if (first != null) {
                throw new FleetException(where + ": " + key + " is already listed on line " + first
                        + "; each database may appear once (remove one of the lines)");
            }
            urls.add(url);
        }
        if (urls.isEmpty()) {
            throw new FleetException("The databases file " + file + " lists no database: write one connection URL per line, e.g. "
                    + "jdbc:postgresql://127.0.0.1:5432/tenant_1 (lines starting with # are comments)");
        }
        return urls;
    }

    private static boolean isQuery(String value) {
        return value.strip().regionMatches(true, 0, FleetConfig.QUERY_PREFIX, 0, FleetConfig.QUERY_PREFIX.length());
    }

    private static String query(String value, String property) {
        String sql = value.strip().substring(FleetConfig.QUERY_PREFIX.length()).strip();
        if (sql.isEmpty()) {
            throw new FleetException(property + "=query: needs the SQL after the colon, e.g. " + property
                    + "=\"query:SELECT url FROM tenants WHERE active\"");
        }
        return sql;
    }

    /** For messages: the URL without any password. */
    static String redact(String url) {
        return MigratorConfig.redactUrl(url);
    }
}
