package com.plccoach.schema.fleet;

import com.plccoach.migrations.BackupMode;
import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.ScriptSource;
import com.plccoach.migrations.testing.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Databases for the fleet suites, spread over two servers: the test server and a second one
 * ({@code PLCCOACH_SECOND_URL}, default the 127.0.0.1:5433 cluster that {@code scripts/setup-postgres.sh}
 * starts). Without a second server every database goes to the first, and that is logged. Every database
 * created here is dropped by {@link #dropAll()}.
 */
public final class FleetServers {

    static final String SECOND_URL_VARIABLE = "PLCCOACH_SECOND_URL";
    static final String SECOND_DEFAULT = "jdbc:postgresql://127.0.0.1:5433/postgres?user=postgres";

    private static final Logger LOG = LoggerFactory.getLogger(FleetServers.class);

    private final List<String> admins = new ArrayList<>();
    private final List<String> urls = new ArrayList<>();
    private final String prefix;

    FleetServers(String hint) {
        admins.add(PostgresServer.get().adminUrl());
        String second = System.getenv(SECOND_URL_VARIABLE);
        second = second == null || second.isBlank() ? SECOND_DEFAULT : second;
        try (Connection c = DriverManager.getConnection(second)) {
            admins.add(second);
        } catch (SQLException e) {
            LOG.warn("no second server at {} ({}); the fleet uses only {}. Start one with scripts/setup-postgres.sh", second,
                    e.getMessage(), admins.get(0));
        }
        prefix = "fleet_" + hint + "_" + UUID.randomUUID().toString().substring(0, 6) + "_";
    }

    /** Creates {@code n} empty databases, alternating between the servers; returns their URLs. */
    List<String> create(int n) throws SQLException {
        for (int i = 0; i < n; i++) {
            String admin = admins.get(i % admins.size());
            String name = prefix + i;
            admin(admin, "CREATE DATABASE " + name);
            urls.add(urlFor(admin, name));
        }
        return List.copyOf(urls);
    }

    int servers() {
        return admins.size();
    }

    void dropAll() throws SQLException {
        for (String url : urls) {
            String name = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
            admin(adminOf(url), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
        urls.clear();
    }

    static Migrator template() {
        return Migrator.builder().scripts(ScriptSource.classpath("db/revisions")).backupMode(BackupMode.NONE).build();
    }

    static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static List<String> column(String url, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** The applied revisions of a database, ordered, empty when it has no state tables. */
    static List<String> applied(String url) throws SQLException {
        if (column(url, "SELECT to_regclass('public.plccoach_version') IS NOT NULL").get(0).equals("f")) {
            return List.of();
        }
        return column(url, "SELECT id FROM public.plccoach_version ORDER BY id");
    }

    private String adminOf(String url) {
        for (String admin : admins) {
            if (url.startsWith(admin.substring(0, admin.indexOf('/', "jdbc:postgresql://".length())))) {
                return admin;
            }
        }
        throw new IllegalStateException("no admin URL for " + url);
    }

    private static String urlFor(String admin, String database) {
        int slash = admin.indexOf('/', "jdbc:postgresql://".length());
        int query = admin.indexOf('?');
        return admin.substring(0, slash) + "/" + database + (query < 0 ? "" : admin.substring(query));
    }

    private static void admin(String admin, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
