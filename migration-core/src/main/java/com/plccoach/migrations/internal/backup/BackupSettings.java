package com.plccoach.migrations.internal.backup;

import com.plccoach.migrations.Advice;
import com.plccoach.migrations.BackupMode;
import com.plccoach.migrations.MigratorConfig;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How backups are taken.
 *
 * @param lockWaitTimeout pg_dump's {@code --lock-wait-timeout}: how long it may wait for its table locks
 * @param timeout         how long pg_dump or pg_restore may run before it is killed and the backup fails
 * @param password        the password for the clients; null to leave it to libpq ({@code ~/.pgpass}, {@code PGPASSWORD})
 * @param stateSchema     schema of the state tables, whose revisions are recorded beside each archive; null records none
 * @param advice          how messages say what to set
 */
public record BackupSettings(BackupMode mode, Path directory, String pgDump, String pgRestore, Duration lockWaitTimeout,
                             Duration timeout, String password, String stateSchema, Advice advice) {

    public BackupSettings {
        advice = advice == null ? Advice.EMBEDDED : advice;
    }

    /** Settings whose archives record the revisions of {@code stateSchema}, with embedded advice. */
    public BackupSettings(BackupMode mode, Path directory, String pgDump, String pgRestore, Duration lockWaitTimeout,
                          Duration timeout, String password, String stateSchema) {
        this(mode, directory, pgDump, pgRestore, lockWaitTimeout, timeout, password, stateSchema, Advice.EMBEDDED);
    }

    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(6);

    /** Without a state schema: archives record no revisions. */
    public BackupSettings(BackupMode mode, Path directory, String pgDump, String pgRestore, Duration lockWaitTimeout,
                          Duration timeout, String password) {
        this(mode, directory, pgDump, pgRestore, lockWaitTimeout, timeout, password, null);
    }

    public static BackupSettings from(MigratorConfig config) {
        return new BackupSettings(config.backupMode(), config.backupDir(), config.pgDump(), config.pgRestore(),
                config.lockTimeout(), DEFAULT_TIMEOUT, password(config), config.schema(), config.advice());
    }

    /** As {@link #from(MigratorConfig)}, the password taken from the facade's own factory, which resolves it once. */
    public static BackupSettings from(MigratorConfig config, com.plccoach.migrations.internal.connection.ConnectionFactory connections) {
        String password = config.password();
        if (password == null && config.dataSource() == null) {
            try {
                password = connections.resolve().password();
            } catch (RuntimeException e) {
                password = urlPassword(config.url()); // the connection reports a broken URL better than we can here
            }
        }
        return new BackupSettings(config.backupMode(), config.backupDir(), config.pgDump(), config.pgRestore(),
                config.lockTimeout(), DEFAULT_TIMEOUT, password, config.schema(), config.advice());
    }

    /** The password the connection itself uses: configured, in the URL, PGPASSWORD, ~/.pgpass or the password command. */
    static String password(MigratorConfig config) {
        if (config.password() != null || config.dataSource() != null) {
            return config.password();
        }
        try {
            return new com.plccoach.migrations.internal.connection.ConnectionFactory(config).resolve().password();
        } catch (RuntimeException e) {
            return urlPassword(config.url()); // the connection reports a broken URL better than we can here
        }
    }

    /** A {@code password=} parameter of a JDBC URL, which the clients must get through the password file too. */
    static String urlPassword(String url) {
        if (url == null || url.indexOf('?') < 0) {
            return null;
        }
        for (String parameter : url.substring(url.indexOf('?') + 1).split("&")) {
            if (parameter.toLowerCase(java.util.Locale.ROOT).startsWith("password=")) {
                return java.net.URLDecoder.decode(parameter.substring("password=".length()), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    public BackupSettings withMode(BackupMode newMode) {
        return new BackupSettings(newMode, directory, pgDump, pgRestore, lockWaitTimeout, timeout, password, stateSchema, advice);
    }

    public BackupSettings withTimeout(Duration newTimeout) {
        return new BackupSettings(mode, directory, pgDump, pgRestore, lockWaitTimeout, newTimeout, password, stateSchema, advice);
    }

    public BackupSettings withPgDump(String binary) {
        return new BackupSettings(mode, directory, binary, pgRestore, lockWaitTimeout, timeout, password, stateSchema, advice);
    }

    public BackupSettings withDirectory(Path dir) {
        return new BackupSettings(mode, dir, pgDump, pgRestore, lockWaitTimeout, timeout, password, stateSchema, advice);
    }

    PgClients clients() {
        return new PgClients(pgDump, pgRestore, password, timeout, advice);
    }

    @Override
    public String toString() {
        return "BackupSettings[mode=" + mode + ", directory=" + directory + ", pgDump=" + pgDump + ", pgRestore=" + pgRestore
                + ", lockWaitTimeout=" + lockWaitTimeout + ", timeout=" + timeout + ", password=" + (password == null ? "none" : "***") + "]";
    }
}
