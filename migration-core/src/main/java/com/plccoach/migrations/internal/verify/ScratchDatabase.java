package com.plccoach.migrations.internal.verify;

import com.plccoach.migrations.BackupMode;
import com.plccoach.migrations.EnvironmentException;
import com.plccoach.migrations.MigrationException;
import com.plccoach.migrations.MigratorConfig;
import com.plccoach.migrations.internal.connection.ConnectionFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A throw-away database on the configured server (or {@code verifyUrl}'s), created through a
 * connection to that server and dropped WITH (FORCE) on close, whatever happened in between.
 */
public final class ScratchDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScratchDatabase.class);
    /** scheme://authority, then an optional /database, then optional ?parameters: JDBC, postgresql:// and SQLAlchemy alike. */
    private static final Pattern URL = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.:-]*://[^/?]*)(/[^?]*)?(\\?.*)?");

    private final ConnectionFactory server;
    private final String name;
    private final MigratorConfig config;

    private ScratchDatabase(ConnectionFactory server, String name, MigratorConfig config) {
        this.server = server;
        this.name = name;
        this.config = config;
    }

    /** Whether a database is one of ours: {@code <prefix>_<12 hex>}, created and dropped by this class. */
    public static boolean isScratch(String database) {
        return database != null && database.matches("plccoach_[a-z_]+_[0-9a-f]{12}");
    }

    /**
     * Creates {@code <prefix>_<random>} on the server and returns it with a configuration for it:
     * same credentials and scripts, no backups (the database is disposable), data loss allowed.
     */
    public static ScratchDatabase create(MigratorConfig config, String prefix) {
        String serverUrl = config.verifyUrl() != null ? config.verifyUrl() : config.url();
        if (serverUrl == null) {
            throw new MigrationException("verify needs a server on which to create a scratch database, and a data source "
                    + "alone does not name one: set " + config.advice().set("verifyUrl", "jdbc:postgresql://localhost:5432/postgres"));
        }
        MigratorConfig serverConfig = withUrl(config, serverUrl, config.allowDataLoss(), config.backupMode());
        ConnectionFactory server = new ConnectionFactory(serverConfig);
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = server.open(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new EnvironmentException("Cannot create the scratch database " + name + " on "
                    + MigratorConfig.redactUrl(serverUrl) + ": " + e.getMessage() + ". The user needs CREATEDB there; "
                    + "or set " + config.advice().setting("verifyUrl") + " to a server where it may create databases.", e);
        }
        LOG.debug("Created scratch database {} on {}", name, MigratorConfig.redactUrl(serverUrl));
        return new ScratchDatabase(server, name, withUrl(config, databaseUrl(serverUrl, name), true,
                BackupMode.NONE));
    }

    public String name() {
        return name;
    }

    /** The configuration of a Migrator working on the scratch database. */
    public MigratorConfig config() {
        return config;
    }

    public Connection connect() {
        return new ConnectionFactory(config).open();
    }

    @Override
    public void close() {
        try (Connection c = server.open(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            LOG.debug("Dropped scratch database {}", name);
        } catch (RuntimeException | SQLException e) {
            // never hide the verify outcome behind a cleanup failure; say what to type instead
            LOG.warn("Could not drop the scratch database {}: {}. Drop it by hand: DROP DATABASE {} WITH (FORCE);",
                    name, e.getMessage(), name);
        }
    }

    /** The same server URL with another database, parameters and credentials kept. */
    static String databaseUrl(String serverUrl, String database) {
        Matcher m = URL.matcher(serverUrl);
        if (!m.matches()) {
            throw new MigrationException("Cannot tell the server from the URL " + MigratorConfig.redactUrl(serverUrl)
                    + ": use the form jdbc:postgresql://host:port/database or postgresql://user@host:port/database");
        }
        return m.group(1) + "/" + database + (m.group(3) == null ? "" : m.group(3));
    }

    private static MigratorConfig withUrl(MigratorConfig c, String url, boolean allowDataLoss,
                                          BackupMode backupMode) {
        return new MigratorConfig(url, c.user(), c.password(), c.passwordCommand(), null, c.scripts(), c.schema(),
                c.placeholders(), c.transactionPerRevision(), c.lockTimeout(), c.lockWait(), allowDataLoss, backupMode,
                c.backupDir(), c.pgDump(), c.pgRestore(), null, com.plccoach.migrations.internal.progress.ScratchRuns.applicationName(c.applicationName()), null, c.lockRetries(), c.batchPause(), c.advice());
    }
}
