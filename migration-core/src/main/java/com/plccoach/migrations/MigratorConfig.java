package com.plccoach.migrations;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Everything a {@link Migrator} needs, fixed once built. Made by {@link Migrator#builder()}.
 *
 * @param url              JDBC URL, {@code postgresql://} URL or SQLAlchemy {@code postgresql+psycopg2://} URL; null with a data source
 * @param user             database user; null to take the one in the URL or the driver's default
 * @param password         password; null to look in the URL, {@code PGPASSWORD}, {@code ~/.pgpass}, then {@code passwordCommand}
 * @param passwordCommand  command line whose standard output is the password (for secret managers); null for none
 * @param dataSource       where connections come from instead of {@code url}; null to use the URL
 * @param scripts          where the revision files are
 * @param schema           schema of the state tables
 * @param placeholders     values for {@code ${name}} in revision files
 * @param transactionPerRevision commit after each revision instead of once per run
 * @param lockTimeout      PostgreSQL {@code lock_timeout} for every revision
 * @param lockWait         how long to wait for another runner's advisory lock
 * @param allowDataLoss    let a plan drop tables with rows or columns with values
 * @param backupMode       what to dump before a downgrade
 * @param backupDir        where backup archives go
 * @param pgDump           the {@code pg_dump} binary
 * @param pgRestore        the {@code pg_restore} binary
 * @param verifyUrl        server for scratch databases ({@code verify}, autogenerate); null for the configured one
 * @param applicationName  {@code application_name} of our sessions, so other sessions can see who holds the lock
 * @param desiredSchema    a .sql file or a folder of .sql files describing the schema as it should be (autogenerate,
 *                         {@code check}); null for none
 * @param lockRetries      how many times a transaction that {@code lock_timeout} struck runs again, after growing pauses
 * @param batchPause       the pause between two batches of a batched backfill ({@code -- batch_size: N})
 * @param advice           how messages word what to type: builder methods by default, Maven syntax from the plugin
 */
public record MigratorConfig(
        String url,
        String user,
        String password,
        String passwordCommand,
        DataSource dataSource,
        ScriptSource scripts,
        String schema,
        Map<String, String> placeholders,
        boolean transactionPerRevision,
        Duration lockTimeout,
        Duration lockWait,
        boolean allowDataLoss,
        BackupMode backupMode,
        Path backupDir,
        String pgDump,
        String pgRestore,
        String verifyUrl,
        String applicationName,
        Path desiredSchema,
        int lockRetries,
        Duration batchPause,
        Advice advice) {

    public static final int DEFAULT_LOCK_RETRIES = 3;

    /** The configuration with embedded advice (the components before {@code advice} was added). */
    public MigratorConfig(String url, String user, String password, String passwordCommand, DataSource dataSource,
                          ScriptSource scripts, String schema, Map<String, String> placeholders, boolean transactionPerRevision,
                          Duration lockTimeout, Duration lockWait, boolean allowDataLoss, BackupMode backupMode, Path backupDir,
                          String pgDump, String pgRestore, String verifyUrl, String applicationName, Path desiredSchema,
                          int lockRetries, Duration batchPause) {
        this(url, user, password, passwordCommand, dataSource, scripts, schema, placeholders, transactionPerRevision, lockTimeout,
                lockWait, allowDataLoss, backupMode, backupDir, pgDump, pgRestore, verifyUrl, applicationName, desiredSchema,
                lockRetries, batchPause, null);
    }

    /** The configuration with the default lock retries and no batch pause (the components before {@code lockRetries}). */
    public MigratorConfig(String url, String user, String password, String passwordCommand, DataSource dataSource,
                          ScriptSource scripts, String schema, Map<String, String> placeholders, boolean transactionPerRevision,
                          Duration lockTimeout, Duration lockWait, boolean allowDataLoss, BackupMode backupMode, Path backupDir,
                          String pgDump, String pgRestore, String verifyUrl, String applicationName, Path desiredSchema) {
        this(url, user, password, passwordCommand, dataSource, scripts, schema, placeholders, transactionPerRevision, lockTimeout,
                lockWait, allowDataLoss, backupMode, backupDir, pgDump, pgRestore, verifyUrl, applicationName, desiredSchema,
                DEFAULT_LOCK_RETRIES, Duration.ZERO, null);
    }

    /** The configuration without a desired schema (the components before {@code desiredSchema} was added). */
    public MigratorConfig(String url, String user, String password, String passwordCommand, DataSource dataSource,
                          ScriptSource scripts, String schema, Map<String, String> placeholders, boolean transactionPerRevision,
                          Duration lockTimeout, Duration lockWait, boolean allowDataLoss, BackupMode backupMode, Path backupDir,
                          String pgDump, String pgRestore, String verifyUrl, String applicationName) {
        this(url, user, password, passwordCommand, dataSource, scripts, schema, placeholders, transactionPerRevision, lockTimeout,
                lockWait, allowDataLoss, backupMode, backupDir, pgDump, pgRestore, verifyUrl, applicationName, null);
    }

    public static final String DEFAULT_SCHEMA = "public";
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofMinutes(5);
    public static final String DEFAULT_APPLICATION_NAME = "plccoach-migrations";

    public MigratorConfig {
        Objects.requireNonNull(scripts, "scripts: say where the revision files are, e.g. ScriptSource.directory(path)");
        schema = schema == null ? DEFAULT_SCHEMA : schema;
        placeholders = placeholders == null ? Map.of() : Map.copyOf(placeholders);
        lockTimeout = lockTimeout == null ? DEFAULT_LOCK_TIMEOUT : lockTimeout;
        lockWait = lockWait == null ? DEFAULT_LOCK_WAIT : lockWait;
        batchPause = batchPause == null ? Duration.ZERO : batchPause;
        backupMode = backupMode == null ? BackupMode.FULL : backupMode;
        backupDir = backupDir == null ? Path.of(System.getProperty("user.home"), ".plccoach", "backups") : backupDir;
        pgDump = pgDump == null ? "pg_dump" : pgDump;
        pgRestore = pgRestore == null ? "pg_restore" : pgRestore;
        applicationName = applicationName == null ? DEFAULT_APPLICATION_NAME : applicationName;
        advice = advice == null ? Advice.EMBEDDED : advice;
    }

    /** Never prints the password, nor a password embedded in the URL. */
    @Override
    public String toString() {
        return "MigratorConfig[url=" + redactUrl(url) + ", user=" + user + ", password=" + (password == null ? "none" : "***")
                + ", passwordCommand=" + (passwordCommand == null ? "none" : "***") + ", dataSource=" + dataSource
                + ", scripts=" + scripts + ", schema=" + schema + ", placeholders=" + placeholders.keySet()
                + ", transactionPerRevision=" + transactionPerRevision + ", lockTimeout=" + lockTimeout + ", lockWait=" + lockWait
                + ", allowDataLoss=" + allowDataLoss + ", backupMode=" + backupMode + ", backupDir=" + backupDir
                + ", pgDump=" + pgDump + ", pgRestore=" + pgRestore + ", verifyUrl=" + redactUrl(verifyUrl)
                + ", applicationName=" + applicationName + ", desiredSchema=" + desiredSchema
                + ", lockRetries=" + lockRetries + ", batchPause=" + batchPause + ", advice=" + advice + "]";
    }

    /** A URL fit for a log line: a password in its user-info part or its parameters becomes ***. */
    public static String redactUrl(String url) {
        if (url == null) {
            return null;
        }
        // Everything between the scheme and the LAST '@' may be user-info: a password with an unencoded
        // '/', '?' or '@' reaches past where a parser would end it, so mask up to the last '@', keeping the user name.
        String text = url;
        int start = text.indexOf("://") < 0 ? 0 : text.indexOf("://") + 3;
        int at = text.lastIndexOf('@');
        if (at >= start) {
            String info = text.substring(start, at);
            int colon = info.indexOf(':');
            String user = colon < 0 ? (info.matches("[^/?&=;]*") ? info : "***") : info.substring(0, colon);
            text = text.substring(0, start) + user + (colon < 0 && user.equals(info) ? "" : ":***") + text.substring(at);
        }
        return text.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
