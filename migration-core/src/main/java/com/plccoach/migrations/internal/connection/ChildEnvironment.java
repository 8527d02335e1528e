package com.plccoach.migrations.internal.connection;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The environments this tool gives the processes it starts. The tool's own environment may hold
 * secrets of its caller: Maven's {@code MAVEN_CMD_LINE_ARGS} carries {@code -Dplccoach.password=...}
 * when the user typed it, {@code DATABASE_URL} may carry a password. pg_dump and pg_restore get a
 * fixed minimal set; a password command (a secret manager's CLI, configured by its own variables we
 * cannot list) gets the rest minus everything of Maven's, Java's and ours.
 */
public final class ChildEnvironment {

    /** What libpq clients need besides the connection variables the caller adds. */
    private static final List<String> CLIENT_NAMES = List.of("PATH", "LANG", "LANGUAGE", "TZ", "PGTZ", "PGCLIENTENCODING",
            "PGSSLMODE", "PGSSLROOTCERT", "PGSSLCERT", "PGSSLKEY", "PGSSLCRL", "PGSSLCRLDIR", "PGSSLSNI", "PGSSLNEGOTIATION",
            "PGREQUIREAUTH", "PGGSSENCMODE", "PGKRBSRVNAME", "PGGSSLIB", "PGSYSCONFDIR");

    private ChildEnvironment() {
    }

    /** PATH, the locale and libpq's TLS/GSS settings, nothing else; the caller adds PGHOST etc. and PGPASSFILE. */
    public static Map<String, String> forClients(Map<String, String> processEnv) {
        Map<String, String> env = new HashMap<>();
        processEnv.forEach((name, value) -> {
            if (CLIENT_NAMES.contains(name) || name.startsWith("LC_")) {
                env.put(name, value);
            }
        });
        return env;
    }

    /** The caller's environment without anything of Maven, the JVM, this tool, or a password. */
    public static Map<String, String> forPasswordCommand(Map<String, String> processEnv) {
        Map<String, String> env = new HashMap<>();
        processEnv.forEach((name, value) -> {
            String upper = name.toUpperCase(Locale.ROOT);
            boolean excluded = upper.startsWith("MAVEN") || upper.startsWith("MVN") || upper.startsWith("PLCCOACH")
                    || upper.contains("JAVA_OPTIONS") || upper.equals("JAVA_TOOL_OPTIONS") || upper.equals("CLASSPATH")
                    || upper.equals("PGPASSWORD") || upper.equals("DATABASE_URL");
            if (!excluded) {
                env.put(name, value);
            }
        });
        return env;
    }
}
