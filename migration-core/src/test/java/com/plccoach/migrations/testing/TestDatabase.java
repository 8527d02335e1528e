package com.plccoach.migrations.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh database for one test class, created before its first test and dropped after its last.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final TestDatabase db = new TestDatabase();
 * </pre>
 *
 * Tests that need a clean database per test call {@link #recreate()} or use {@link #createScratch(String)}.
 */
public final class TestDatabase implements BeforeAllCallback, AfterAllCallback {

    private PostgresServer server;
    private String name;

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        server = PostgresServer.get();
        name = uniqueName(context.getRequiredTestClass().getSimpleName());
        create(name);
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        if (name != null) {
            drop(name);
        }
    }

    /** Name of this class's database. */
    public String name() {
        return requireStarted();
    }

    /** JDBC URL of this class's database, credentials included as the admin URL gives them. */
    public String url() {
        return server.urlFor(requireStarted());
    }

    public PostgresServer server() {
        requireStarted();
        return server;
    }

    public Connection connect() throws SQLException {
        return server.connect(url());
    }

    /** The first column of every row a query returns, as text: what most assertions about the database need. */
    public List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    /** Drops and creates this class's database again, for tests that need it empty. */
    public void recreate() throws SQLException {
        drop(requireStarted());
        create(name);
    }

    /** Another fresh database on the same server; the caller drops it with {@link #drop(String)}. */
    public String createScratch(String hint) throws SQLException {
        String scratch = uniqueName(hint);
        create(scratch);
        return scratch;
    }

    public void create(String database) throws SQLException {
        try (Connection c = server.connectAdmin(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE \"" + database + "\"");
        }
    }

    public void drop(String database) throws SQLException {
        try (Connection c = server.connectAdmin(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
        }
    }

    private String requireStarted() {
        if (name == null) {
            throw new IllegalStateException("TestDatabase is used before JUnit started it: register it as a static @RegisterExtension field");
        }
        return name;
    }

    static String uniqueName(String hint) {
        String base = "t_" + hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        String suffix = "_" + UUID.randomUUID().toString().substring(0, 8);
        return (base.length() > 63 - suffix.length() ? base.substring(0, 63 - suffix.length()) : base) + suffix;
    }
}
