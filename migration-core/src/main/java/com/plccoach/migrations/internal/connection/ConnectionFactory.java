package com.plccoach.migrations.internal.connection;

import com.plccoach.migrations.DatabaseUnavailableException;
import com.plccoach.migrations.MigrationException;
import com.plccoach.migrations.MigratorConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * Opens connections as the configuration says: a data source, or a URL in any form of
 * {@link DatabaseUrl} ({@code DATABASE_URL} when none is configured), with the user from the
 * configuration or else the URL, and the password from the configuration or else
 * {@link PasswordSources}' chain. The chain runs once per factory.
 */
public final class ConnectionFactory {

    private final MigratorConfig config;
    private final Map<String, String> env;
    private final PasswordSources passwords;
    private ResolvedConnection resolved;

    public ConnectionFactory(MigratorConfig config) {
        this(config, System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** With a given environment and home directory instead of the process's: for tests and embedders. */
    public ConnectionFactory(MigratorConfig config, Map<String, String> env, Path home) {
        this.config = config;
        this.env = Map.copyOf(env);
        this.passwords = new PasswordSources(env, home);
    }

    public Connection open() {
        // every run opens a connection first: the moment to remove what a killed run could not
        com.plccoach.migrations.internal.backup.PgPassFile.removeLeftovers();
        if (config.dataSource() != null) {
            try {
                return config.dataSource().getConnection();
            } catch (SQLException e) {
                throw new DatabaseUnavailableException("Cannot get a connection from the configured data source: "
                        + e.getMessage() + ". Check that the database runs and the data source's settings are right.", e);
            }
        }
        ResolvedConnection target = resolve();
        Properties props = new Properties();
        if (target.user() != null) {
            props.setProperty("user", target.user());
        }
        // Always set, empty when no source gave one: without a password property PgJDBC reads PGPASSFILE or
        // ~/.pgpass by itself (pgjdbc#2278), even one PasswordSources refused as readable by others.
        props.setProperty("password", target.password() == null ? "" : target.password());
        props.setProperty("ApplicationName", config.applicationName());
        // every supported server is newer than 9.0: application_name and extra_float_digits then travel in the
        // start-up packet instead of two SET round trips after it (a URL's own assumeMinServerVersion still wins)
        props.setProperty("assumeMinServerVersion", "9.0");
        try {
            Connection connection = Pg.DRIVER.connect(target.jdbcUrl(), props);
            if (connection == null) {
                throw new SQLException("the PostgreSQL driver does not accept this URL");
            }
            return connection;
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("Cannot connect to " + com.plccoach.migrations.MigratorConfig.redactUrl(target.jdbcUrl())
                    + (target.user() == null ? "" : " as " + target.user())
                    + (target.password() == null ? " without a password" : " with the password from " + target.passwordSource())
                    + ": " + e.getMessage() + ". Check that the server runs and the URL, user and password are right.", e);
        }
    }

    /**
     * Our own driver instance rather than DriverManager, whose first use loads every java.sql.Driver on the
     * class path (a service's whole class path is scanned for them at its start-up). In a holder, so PgJDBC's
     * classes load with the first connection, on the thread that opens it while the files are parsed.
     */
    private static final class Pg {
        static final org.postgresql.Driver DRIVER = new org.postgresql.Driver();
    }

    /**
     * The address, user and password to use (not for a data source). Runs the password chain on
     * first call, so a password command runs at most once per factory.
     */
    public synchronized ResolvedConnection resolve() {
        if (resolved == null) {
            String raw = config.url() != null ? config.url() : env.get("DATABASE_URL");
            if (raw == null || raw.isBlank()) {
                throw new MigrationException("No database configured: set " + config.advice().set("url",
                        "jdbc:postgresql://localhost:5432/plccoach") + " (or the environment variable DATABASE_URL)");
            }
            DatabaseUrl url = DatabaseUrl.parse(raw);
            String user = config.user() != null ? config.user() : url.user();
            String password = config.password();
            String source = password == null ? null : "the configuration";
            if (password == null) {
                String lookupUser = user != null ? user : env.getOrDefault("PGUSER", System.getProperty("user.name"));
                PasswordSources.Found found = passwords.find(url, lookupUser, config.passwordCommand()).orElse(null);
                password = found == null ? null : found.password();
                source = found == null ? null : found.source();
            }
            resolved = new ResolvedConnection(url.jdbcUrl(), url.host(), url.port(), url.database(), user, password, source);
        }
        return resolved;
    }
}
