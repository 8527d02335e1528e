package com.plccoach.migrations.internal.fleet;

import com.plccoach.migrations.FleetConfig;
import com.plccoach.migrations.FleetException;
import com.plccoach.migrations.MigratorConfig;
import com.plccoach.migrations.internal.connection.ConnectionFactory;
import com.plccoach.migrations.internal.connection.DatabaseUrl;
import com.plccoach.migrations.internal.graph.RevisionLoader;
import com.plccoach.migrations.internal.script.ReadOnceScripts;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a template configuration and a {@link FleetConfig} into the members to run: one configuration
 * per database (the template with its URL replaced, so credentials are resolved per URL exactly as for
 * one database) and, with schemas, one per schema of each (state tables in that schema, its name as
 * {@code ${schema}} (for a database, the state tables' schema), and {@code search_path} set to it through PgJDBC's {@code currentSchema}). All
 * members share one {@link ReadOnceScripts}, so the revision files are read and parsed once.
 */
public final class FleetMembers {

    /** The placeholder that names the member's schema in revision files. */
    public static final String SCHEMA_PLACEHOLDER = "schema";

    private FleetMembers() {
    }

    public static List<FleetMember> resolve(MigratorConfig template, FleetConfig fleet) {
        ReadOnceScripts scripts = new ReadOnceScripts(template.scripts());
        List<String> urls = fleet.databasesQuery() != null ? query(template, fleet.databasesQuery(), "plccoach.databases")
                : fleet.databases();
        if (urls.isEmpty()) {
            urls = java.util.Collections.singletonList(templateUrl(template, fleet));
        }
        List<String> schemas = fleet.schemasQuery() != null ? query(template, fleet.schemasQuery(), "plccoach.schemas") : fleet.schemas();
        requireDistinct(schemas, "plccoach.schemas");
        List<FleetMember> members = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (String url : urls) {
            DatabaseUrl parsed = parse(url);
            String label = label(parsed);
            if (seen.putIfAbsent(label, url) != null) {
                throw new FleetException(label + " is listed twice in plccoach.databases; each database may appear once");
            }
            if (schemas.isEmpty()) {
                Map<String, String> placeholders = new LinkedHashMap<>(template.placeholders());
                placeholders.putIfAbsent(SCHEMA_PLACEHOLDER, template.schema());
                members.add(new FleetMember(label, copy(template, url, template.schema(), placeholders, scripts)));
                continue;
            }
            for (String schema : schemas) {
                Map<String, String> placeholders = new LinkedHashMap<>(template.placeholders());
                placeholders.put(SCHEMA_PLACEHOLDER, schema);
                members.add(new FleetMember(label + " schema " + schema, copy(template, withSearchPath(url, schema), schema, placeholders,
                        scripts)));
            }
        }
        // a broken file or graph is the same for every member: say it once, before any database is touched
        MigratorConfig first = members.get(0).config();
        RevisionLoader.load(first.scripts(), first.placeholders());
        return List.copyOf(members);
    }

    /** {@code host:port/database}: what the logs and the summary call a database; never holds a password. */
    public static String label(DatabaseUrl url) {
        return url.host() + ":" + url.port() + "/" + url.database();
    }

    static void requireDistinct(List<String> names, String property) {
        Map<String, Boolean> seen = new HashMap<>();
        for (String name : names) {
            if (seen.putIfAbsent(name, true) != null) {
                throw new FleetException(property + " names the schema " + name + " twice; each schema may appear once");
            }
        }
    }

    /**
     * The URL with {@code currentSchema=<schema>,public}: PgJDBC sets that {@code search_path} on
     * connect, so unqualified names land in the tenant's schema while types of extensions installed
     * once in {@code public} (vector) still resolve.
     */
    static String withSearchPath(String url, String schema) {
        String path = (schema.matches("[a-z_][a-z0-9_$]*") ? schema : "\"" + schema.replace("\"", "\"\"") + "\"") + ",public";
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + URLEncoder.encode(path, StandardCharsets.UTF_8);
    }

    private static String templateUrl(MigratorConfig template, FleetConfig fleet) {
        if (template.dataSource() != null) {
            throw new FleetException("Fleet mode opens its own connections to each " + (fleet.schemas().isEmpty() ? "database" : "schema")
                    + " and cannot re-point a data source: configure a URL (plccoach.url) instead of a DataSource");
        }
        String url = template.url() != null ? template.url() : System.getenv("DATABASE_URL");
        if (url == null || url.isBlank()) {
            throw new FleetException("plccoach.schemas needs the database they live in: set plccoach.url (or DATABASE_URL)");
        }
        return url;
    }

    private static DatabaseUrl parse(String url) {
        try {
            return DatabaseUrl.parse(url);
        } catch (RuntimeException e) {
            throw new FleetException("A database of the fleet has an unreadable URL: " + e.getMessage(), e);
        }
    }

    /** The first column of every row of the registry query, run on the template's database. */
    private static List<String> query(MigratorConfig template, String sql, String property) {
        List<String> values = new ArrayList<>();
        try (Connection connection = new ConnectionFactory(template).open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                String value = rows.getString(1);
                if (value != null && !value.isBlank()) {
                    values.add(value.strip());
                }
            }
        } catch (SQLException e) {
            throw new FleetException(property + "=query: failed on " + MigratorConfig.redactUrl(template.url()) + ": " + e.getMessage()
                    + ". The query must return one " + (property.endsWith("schemas") ? "schema name" : "connection URL")
                    + " per row in its first column.", e);
        }
        if (values.isEmpty()) {
            throw new FleetException(property + "=query: returned no rows on " + MigratorConfig.redactUrl(template.url())
                    + ", so there is nothing to migrate; check the query: " + sql);
        }
        return values;
    }

    private static MigratorConfig copy(MigratorConfig t, String url, String schema, Map<String, String> placeholders,
                                       ReadOnceScripts scripts) {
        return new MigratorConfig(url, t.user(), t.password(), t.passwordCommand(), null, scripts, schema, placeholders,
                t.transactionPerRevision(), t.lockTimeout(), t.lockWait(), t.allowDataLoss(), t.backupMode(), t.backupDir(), t.pgDump(),
                t.pgRestore(), t.verifyUrl(), t.applicationName(), t.desiredSchema());
    }
}
