package com.plccoach.migrations.internal.connection;

import com.plccoach.migrations.DatabaseUnavailableException;
import com.plccoach.migrations.MigratorConfig;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database address in any of the forms people paste: a JDBC URL, a libpq {@code postgresql://} URL,
 * or SQLAlchemy's {@code postgresql+psycopg2://} (the seed's {@code DATABASE_URL}). Credentials are
 * taken out of the URL so that explicit ones can win: PgJDBC would otherwise let the URL's override them.
 *
 * @param jdbcUrl  the JDBC URL without user and password, every other parameter kept (sslmode, ...)
 * @param host     first host, for {@code ~/.pgpass} matching
 * @param port     first port (5432 when not given)
 * @param database database name; empty when the URL names none (the server then uses the user's name)
 * @param user     user named in the URL, or null
 * @param password password named in the URL, or null
 */
public record DatabaseUrl(String jdbcUrl, String host, int port, String database, String user, String password) {

    public static final int DEFAULT_PORT = 5432;

    // scheme://[userinfo@]hostlist[/database][?query]
    private static final Pattern URL = Pattern.compile("(?i)(jdbc:postgresql|postgres(?:ql)?(?:\\+[a-z0-9_]+)?)://"
            + "(?:([^@/?]*)@)?([^/?]*)(?:/([^?]*))?(?:\\?(.*))?", Pattern.DOTALL);

    /** Reads any supported form; a malformed or foreign URL is an error naming the accepted forms. */
    public static DatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new DatabaseUnavailableException("No database configured: set plccoach.url (or DATABASE_URL), "
                    + "e.g. -Dplccoach.url=jdbc:postgresql://localhost:5432/plccoach with Maven, "
                    + "Migrator.builder().url(\"jdbc:postgresql://localhost:5432/plccoach\") embedded");
        }
        Matcher m = URL.matcher(url.trim());
        if (!m.matches()) {
            throw new DatabaseUnavailableException("Cannot read the database URL " + MigratorConfig.redactUrl(url)
                    + ": use jdbc:postgresql://host:port/db, postgresql://user:pass@host:port/db "
                    + "or postgresql+psycopg2://user:pass@host:port/db");
        }
        boolean jdbc = m.group(1).toLowerCase(Locale.ROOT).startsWith("jdbc:");
        String user = null;
        String password = null;
        if (m.group(2) != null) {
            String info = m.group(2);
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? null : decode(info.substring(colon + 1));
            user = user.isEmpty() ? null : user;
        }
        String hosts = m.group(3);
        String database = m.group(4) == null ? "" : (jdbc ? m.group(4) : decode(m.group(4)));
        List<String> kept = new ArrayList<>();
        if (m.group(5) != null && !m.group(5).isEmpty()) {
            for (String parameter : m.group(5).split("&")) {
                int eq = parameter.indexOf('=');
                String key = eq < 0 ? parameter : parameter.substring(0, eq);
                String value = eq < 0 ? "" : decode(parameter.substring(eq + 1));
                switch (key) {
                    case "user" -> user = value;
                    case "password" -> password = value;
                    default -> kept.add(parameter);
                }
            }
        }
        String first = hosts.split(",")[0];
        String host = first;
        int port = DEFAULT_PORT;
        int portSeparator = first.lastIndexOf(':');
        if (portSeparator >= 0 && portSeparator > first.lastIndexOf(']')) {
            host = first.substring(0, portSeparator);
            port = parsePort(first.substring(portSeparator + 1), url);
        }
        host = host.isEmpty() ? "localhost" : host.replace("[", "").replace("]", "");
        String encodedDatabase = jdbc ? database : database.replace("%", "%25").replace("?", "%3F").replace("/", "%2F");
        String jdbcUrl = "jdbc:postgresql://" + (hosts.isEmpty() ? "localhost" : hosts) + "/" + encodedDatabase
                + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
        return new DatabaseUrl(jdbcUrl, host, port, database, user, password);
    }

    private static int parsePort(String text, String url) {
        if (text.isEmpty()) {
            return DEFAULT_PORT;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new DatabaseUnavailableException("The port '" + text + "' in the database URL " + MigratorConfig.redactUrl(url)
                    + " is not a number", e);
        }
    }

    private static String decode(String text) {
        // '+' is literal in URL paths and user-info; only %XX escapes mean something there
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "DatabaseUrl[" + jdbcUrl + ", user=" + user + ", password=" + (password == null ? "none" : "***") + "]";
    }
}
