package com.plccoach.migrations.internal.backup;

import com.plccoach.migrations.Advice;
import com.plccoach.migrations.BackupException;
import java.nio.file.Path;
import java.time.Duration;
import com.plccoach.migrations.internal.connection.ChildEnvironment;
import java.sql.Connection;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pg_dump and pg_restore as this tool runs them: connection settings through {@code PG*}
 * environment variables, the password only through a temporary {@code PGPASSFILE}, never a prompt.
 */
final class PgClients {

    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)(?:\\.(\\d+))?");
    private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(30);

    private final String pgDump;
    private final String pgRestore;
    private final String password;
    private final Duration timeout;
    private final Advice advice;

    PgClients(String pgDump, String pgRestore, String password, Duration timeout, Advice advice) {
        this.advice = advice;
        this.pgDump = pgDump;
        this.pgRestore = pgRestore;
        this.password = password;
        this.timeout = timeout;
    }

    String pgDump() {
        return pgDump;
    }

    /** pg_dump must exist and be at least the server's major version (it cannot dump newer servers). */
    int checkPgDump(PgTarget target) {
        int major = version(pgDump, "pgDump", target);
        if (major < target.serverMajor()) {
            throw new BackupException("pg_dump is too old: '" + pgDump + "' is version " + versionText(pgDump)
                    + " but the server runs PostgreSQL " + target.serverMajor() + ", and pg_dump cannot dump a newer server. "
                    + "Install the PostgreSQL " + target.serverMajor() + " client tools (e.g. apt-get install postgresql-client-"
                    + target.serverMajor() + ") and set " + advice.set("pgDump", "/usr/lib/postgresql/" + target.serverMajor()
                    + "/bin/pg_dump") + ". The downgrade stopped before reverting anything.");
        }
        return major;
    }

    /** pg_restore must exist and read archives of the given pg_dump version. */
    void checkPgRestore(PgTarget target, int dumpMajor) {
        int major = version(pgRestore, "pgRestore", target);
        if (major < dumpMajor) {
            throw new BackupException("pg_restore is too old: '" + pgRestore + "' is version " + versionText(pgRestore)
                    + " and cannot read archives of pg_dump " + dumpMajor + ". Set " + advice.setting("pgRestore")
                    + " to the pg_restore beside pg_dump. Nothing was changed.");
        }
    }

    private int version(String binary, String property, PgTarget target) {
        ClientProcess.Result r = ClientProcess.run(binary, List.of("--version"), baseEnvironment(), VERSION_TIMEOUT);
        if (!r.started()) {
            throw new BackupException(name(property) + " not found: '" + binary + "' could not be run (" + r.startFailure()
                    + "). Install the PostgreSQL " + target.serverMajor() + " client tools or set "
                    + advice.set(property, "/path/to/" + name(property)) + ". Nothing was changed.");
        }
        Matcher m = VERSION.matcher(r.stdout());
        if (!r.succeeded() || !m.find()) {
            throw new BackupException("'" + binary + " --version' did not print a PostgreSQL version (exit " + r.exitCode() + ": "
                    + r.errorText() + "). Set " + advice.setting(property) + " to a working " + name(property) + ". Nothing was changed.");
        }
        return Integer.parseInt(m.group(1));
    }

    private String versionText(String binary) {
        ClientProcess.Result r = ClientProcess.run(binary, List.of("--version"), baseEnvironment(), VERSION_TIMEOUT);
        Matcher m = VERSION.matcher(r.stdout());
        return m.find() ? m.group(1) + (m.group(2) == null ? "" : "." + m.group(2)) : "unknown";
    }

    private static String name(String binaryOrProperty) {
        if (binaryOrProperty.endsWith("pgDump")) {
            return "pg_dump";
        }
        if (binaryOrProperty.endsWith("pgRestore")) {
            return "pg_restore";
        }
        return Path.of(binaryOrProperty).getFileName().toString();
    }

    /** @param observer a connection to the same server, to see when pg_dump has connected (null: wait for it to exit) */
    ClientProcess.Result dump(PgTarget target, List<String> arguments, Connection observer) {
        return withPassword(target, observer, (env, watch) -> ClientProcess.run(pgDump, arguments, env, timeout, watch));
    }

    ClientProcess.Result restore(PgTarget target, List<String> arguments, Connection observer) {
        return withPassword(target, observer, (env, watch) -> ClientProcess.run(pgRestore, arguments, env, timeout, watch));
    }

    /** Reads the whole archive, data included: a table of contents alone does not reveal a truncated file. */
    ClientProcess.Result readFully(Path archive) {
        return ClientProcess.run(pgRestore, List.of("-f", "/dev/null", archive.toString()), baseEnvironment(), timeout);
    }

    /** The archive's table of contents with each entry's dependencies. */
    ClientProcess.Result listVerbose(Path archive) {
        return ClientProcess.run(pgRestore, List.of("--list", "--verbose", archive.toString()), baseEnvironment(), timeout);
    }

    /** The archive's table of contents. */
    ClientProcess.Result list(Path archive) {
        return ClientProcess.run(pgRestore, List.of("--list", archive.toString()), baseEnvironment(), timeout);
    }

    private ClientProcess.Result withPassword(PgTarget target, Connection observer,
                                              BiFunction<Map<String, String>, ClientProcess.Watch, ClientProcess.Result> run) {
        Map<String, String> env = baseEnvironment();
        String applicationName = "plccoach-migrations-" + UUID.randomUUID().toString().substring(0, 8);
        env.put("PGAPPNAME", applicationName);
        env.put("PGHOST", target.host());
        env.put("PGPORT", Integer.toString(target.port()));
        env.put("PGDATABASE", target.database());
        env.put("PGUSER", target.user());
        // with a data source we know no password; one the caller gave libpq through PGPASSWORD still goes by file
        String secret = password != null ? password : System.getenv("PGPASSWORD");
        if (secret == null) {
            String userFile = System.getenv("PGPASSFILE");
            if (userFile != null) {
                env.put("PGPASSFILE", userFile); // libpq applies the same rules to it as PasswordSources did
            }
            return run.apply(env, null);
        }
        PgPassFile passFile = PgPassFile.create(secret);
        env.put("PGPASSFILE", passFile.path().toString());
        return run.apply(env, new PassFileRemoval(passFile, observer, applicationName));
    }

    /** Nothing of the caller's environment but PATH, the locale and libpq's TLS settings: it may hold Maven's command line. */
    static Map<String, String> baseEnvironment() {
        return baseEnvironment(System.getenv());
    }

    static Map<String, String> baseEnvironment(Map<String, String> processEnv) {
        Map<String, String> env = ChildEnvironment.forClients(processEnv);
        env.put("PGAPPNAME", "plccoach-migrations");
        env.put("PGCONNECT_TIMEOUT", "10");
        return env;
    }
}
