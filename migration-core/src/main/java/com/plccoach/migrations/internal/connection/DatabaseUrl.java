package com.plccoach.migrations.internal.connection;

import com.plccoach.migrations.MigrationException;
import com.plccoach.migrations.MigratorConfig;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.Driver;
import org.postgresql.PGProperty;

/**
 * A database address in any of the forms people paste: a JDBC URL, a libpq {@code postgresql://} URL,
 * or SQLAlchemy's {@code postgresql+psycopg2://} (the seed's {@code DATABASE_URL}). Credentials are
 * taken out of the URL so that explicit ones can win: PgJDBC would otherwise let the URL's override them.
 * The JDBC URL left is checked by PgJDBC's own parser, so what we accept is what the driver reads.
 *
 * <p>Every message about a URL shows it through {@link MigratorConfig#redactUrl}, and none quotes a
 * piece of it that may be part of a password (a password with an unencoded {@code /}, {@code ?} or
 * {@code @} spills into what looks like the host or the database).
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

    private static final Pattern SCHEME = Pattern.compile("(?i)(jdbc:postgresql|postgres(?:ql)?(?:\\+[a-z0-9_]+)?)://");
    // host[:port] or [v6][:port], comma-separated
    private static final Pattern HOSTS = Pattern.compile("(?:\\[[0-9A-Fa-f:.%a-z]+]|[A-Za-z0-9._%~-]*)(?::[^,]*)?"
            + "(?:,(?:\\[[0-9A-Fa-f:.%a-z]+]|[A-Za-z0-9._%~-]*)(?::[^,]*)?)*");
    private static final String ENCODE_HINT = "if the password holds '/', '?', '@' or '%', percent-encode them (%2F, %3F, %40, %25)";

    /** Reads any supported form; a malformed or foreign URL is an error naming the accepted forms. */
    public static DatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new MigrationException("No database URL given: use jdbc:postgresql://host:port/db, "
                    + "postgresql://user:pass@host:port/db or postgresql+psycopg2://user:pass@host:port/db");
        }
        String text = url.trim();
        Matcher scheme = SCHEME.matcher(text);
        if (!scheme.lookingAt()) {
            throw new MigrationException("Cannot read the database URL " + MigratorConfig.redactUrl(text)
                    + ": use jdbc:postgresql://host:port/db, postgresql://user:pass@host:port/db "
                    + "or postgresql+psycopg2://user:pass@host:port/db");
        }
        boolean jdbc = scheme.group(1).toLowerCase(Locale.ROOT).startsWith("jdbc:");
        String rest = text.substring(scheme.end());
        int authorityEnd = firstOf(rest, "/?");
        String authority = rest.substring(0, authorityEnd);
        int at = authority.lastIndexOf('@');
        String hosts = authority.substring(at + 1);
        boolean spilled = at < 0 && rest.indexOf('@', authorityEnd) >= 0;
        if (!HOSTS.matcher(hosts).matches() || spilled && hosts.contains(":") && !hosts.matches(".*:\\d*")) {
            throw new MigrationException("The database URL " + MigratorConfig.redactUrl(text) + " has no valid host list "
                    + "before its first '/' or '?': write host:port, and " + ENCODE_HINT);
        }
        String user = null;
        String password = null;
        if (at >= 0) {
            String info = authority.substring(0, at);
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon), "user name", text);
            password = colon < 0 ? null : decode(info.substring(colon + 1), "password", text);
            user = user.isEmpty() ? null : user;
        }
        String path = rest.substring(authorityEnd);
        int question = path.indexOf('?');
        String rawDatabase = path.startsWith("/") ? path.substring(1, question < 0 ? path.length() : question) : "";
        String query = question < 0 ? "" : path.substring(question + 1);
        if (spilled && (rawDatabase.contains("@") || query.matches("(?s)(?:[^=&]*&)*[^=&]*@.*"))) {
            // an '@' in a database name or a parameter name is a password's unencoded '/' or '?' away from its place
            throw new MigrationException("The database URL " + MigratorConfig.redactUrl(text) + " has an '@' after "
                    + "its host list, in " + (rawDatabase.contains("@") ? "the database name" : "a parameter name") + ": " + ENCODE_HINT);
        }
        String database = jdbc ? rawDatabase : decode(rawDatabase, "database name", text);
        List<String> kept = new ArrayList<>();
        for (String parameter : query.isEmpty() ? new String[0] : query.split("&")) {
            int eq = parameter.indexOf('=');
            String key = eq < 0 ? parameter : parameter.substring(0, eq);
            String raw = eq < 0 ? "" : parameter.substring(eq + 1);
            // PgJDBC and libpq only know lower-case keys, but ?PASSWORD= means a password all the same: never pass it on
            switch (key.toLowerCase(Locale.ROOT)) {
                case "user" -> user = decode(raw, "user parameter", text);
                case "password" -> password = decode(raw, "password parameter", text);
                default -> kept.add(parameter);
            }
        }
        String first = hosts.split(",")[0];
        String host = first;
        int port = DEFAULT_PORT;
        int portSeparator = first.lastIndexOf(':');
        if (portSeparator >= 0 && portSeparator > first.lastIndexOf(']')) {
            host = first.substring(0, portSeparator);
            port = parsePort(first.substring(portSeparator + 1), text, spilled);
        }
        host = host.isEmpty() ? "localhost" : host.replace("[", "").replace("]", "");
        String encodedDatabase = jdbc ? database : database.replace("%", "%25").replace("?", "%3F").replace("/", "%2F");
        String jdbcUrl = "jdbc:postgresql://" + (hosts.isEmpty() ? "localhost" : hosts) + "/" + encodedDatabase
                + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
        checkWithDriver(jdbcUrl, text);
        return new DatabaseUrl(jdbcUrl, host, port, database, user, password);
    }

    /**
     * PgJDBC's own parser must read what we hand it. An empty password property keeps it from reading
     * PGPASSFILE or ~/.pgpass by itself during the check (pgjdbc#2278).
     */
    private static void checkWithDriver(String jdbcUrl, String original) {
        Properties defaults = new Properties();
        defaults.setProperty(PGProperty.PASSWORD.getName(), "");
        if (Driver.parseURL(jdbcUrl, defaults) == null) {
            throw new MigrationException("PgJDBC cannot read the database URL " + MigratorConfig.redactUrl(original)
                    + ": check its host list, port and parameters (jdbc:postgresql://host:port/db?key=value&...), and " + ENCODE_HINT);
        }
    }

    private static int firstOf(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }

    private static int parsePort(String text, String url, boolean spilled) {
        if (text.isEmpty()) {
            return DEFAULT_PORT;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            // with an '@' further on, this "port" is most likely the start of a password: never quote it
            throw new MigrationException(spilled
                    ? "The database URL " + MigratorConfig.redactUrl(url) + " has no valid port before its first '/' or '?': "
                            + ENCODE_HINT
                    : "The port '" + text + "' in the database URL " + MigratorConfig.redactUrl(url) + " is not a number", e);
        }
    }

    /** '+' is literal in URL paths and user-info; only %XX escapes mean something there. Never quotes the text. */
    private static String decode(String text, String part, String url) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MigrationException("The " + part + " in the database URL " + MigratorConfig.redactUrl(url)
                    + " has a '%' not followed by two hexadecimal digits: write a literal '%' as %25");
        }
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "DatabaseUrl[" + jdbcUrl + ", user=" + user + ", password=" + (password == null ? "none" : "***") + "]";
    }
}
