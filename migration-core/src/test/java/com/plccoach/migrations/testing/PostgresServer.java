package com.plccoach.migrations.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server every database test of the project runs against, found once per JVM.
 *
 * <p>In order: the admin JDBC URL in {@code PLCCOACH_TEST_URL}; else the local server that
 * {@code scripts/setup-postgres.sh} starts; else, where Docker exists, a Testcontainers
 * {@code pgvector/pgvector:pg15}. When none answers, tests fail with a message naming the script
 * and the variable: a missing database never makes a test skip.
 */
public final class PostgresServer {

    public static final String URL_VARIABLE = "PLCCOACH_TEST_URL";
    public static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    private static final Pattern JDBC_URL =
            Pattern.compile("(jdbc:postgresql://[^/?]*)(?:/([^?]*))?(\\?.*)?");

    private final String adminUrl;
    private final String origin;

    private PostgresServer(String adminUrl, String origin) {
        this.adminUrl = adminUrl;
        this.origin = origin;
    }

    /** The server for this JVM, resolved on first use. */
    public static PostgresServer get() {
        return Holder.INSTANCE;
    }

    /** JDBC URL of the server's maintenance database, with whatever credentials it carries. */
    public String adminUrl() {
        return adminUrl;
    }

    /** Where the server came from, for messages: the variable, the local default or a container. */
    public String origin() {
        return origin;
    }

    /** The same server and credentials, another database. */
    public String urlFor(String database) {
        Matcher m = JDBC_URL.matcher(adminUrl);
        if (!m.matches()) {
            throw new IllegalStateException(URL_VARIABLE + " must look like jdbc:postgresql://host:port/db?user=..., got "
                    + redact(adminUrl));
        }
        return m.group(1) + "/" + database + (m.group(3) == null ? "" : m.group(3));
    }

    public Connection connectAdmin() throws SQLException {
        return connect(adminUrl);
    }

    public Connection connect(String url) throws SQLException {
        Properties props = new Properties();
        props.setProperty("connectTimeout", "5");
        props.setProperty("ApplicationName", "plccoach-tests");
        return DriverManager.getConnection(url, props);
    }

    /** Hides a password given as a URL parameter, so a failing setup cannot print it. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    private static PostgresServer resolve() {
        String configured = System.getenv(URL_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            String reason = reachable(configured);
            if (reason != null) {
                throw new IllegalStateException("No PostgreSQL answers at " + URL_VARIABLE + "=" + redact(configured)
                        + ": " + reason + ". Fix the URL or unset the variable to use the local server of scripts/setup-postgres.sh.");
            }
            return new PostgresServer(configured, URL_VARIABLE);
        }
        String localReason = reachable(LOCAL_URL);
        if (localReason == null) {
            return new PostgresServer(LOCAL_URL, "local server (" + LOCAL_URL + ")");
        }
        String containerReason = Containers.dockerUnavailableReason();
        if (containerReason == null) {
            return new PostgresServer(Containers.startPgvector(), "Testcontainers pgvector/pgvector:pg15");
        }
        throw new IllegalStateException("No PostgreSQL server for the tests: " + URL_VARIABLE + " is not set, nothing answers at "
                + LOCAL_URL + " (" + localReason + "), and Testcontainers cannot start one (" + containerReason + "). "
                + "Run `sudo scripts/setup-postgres.sh` to install and start PostgreSQL 15 with pgvector on 127.0.0.1, "
                + "or export " + URL_VARIABLE + "=jdbc:postgresql://HOST:PORT/postgres?user=ADMIN for a server of yours.");
    }

    private static String reachable(String url) {
        Properties props = new Properties();
        props.setProperty("connectTimeout", "3");
        try (Connection ignored = DriverManager.getConnection(url, props)) {
            return null;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private static final class Holder {
        static final PostgresServer INSTANCE = resolve();
    }
}
