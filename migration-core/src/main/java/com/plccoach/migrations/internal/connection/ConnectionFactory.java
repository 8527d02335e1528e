package com.plccoach.migrations.internal.connection;

import com.plccoach.migrations.DatabaseUnavailableException;
import com.plccoach.migrations.MigratorConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens connections as the configuration says. The URL forms (postgresql://, SQLAlchemy) and the
 * password chain (URL, PGPASSWORD, ~/.pgpass, passwordCommand) are issue #6's; today a JDBC URL
 * with an optional user and password works.
 */
public final class ConnectionFactory {

    private final MigratorConfig config;

    public ConnectionFactory(MigratorConfig config) {
        this.config = config;
    }

    public Connection open() {
        try {
            if (config.dataSource() != null) {
                return config.dataSource().getConnection();
            }
            if (config.url() == null) {
                throw new DatabaseUnavailableException("No database configured: set plccoach.url (or DATABASE_URL), "
                        + "e.g. -Dplccoach.url=jdbc:postgresql://localhost:5432/plccoach");
            }
            Properties props = new Properties();
            if (config.user() != null) {
                props.setProperty("user", config.user());
            }
            if (config.password() != null) {
                props.setProperty("password", config.password());
            }
            props.setProperty("ApplicationName", config.applicationName());
            return DriverManager.getConnection(config.url(), props);
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("Cannot connect to " + MigratorConfig.redactUrl(config.url()) + ": "
                    + e.getMessage() + ". Check that the server runs and the URL, user and password are right.", e);
        }
    }
}
