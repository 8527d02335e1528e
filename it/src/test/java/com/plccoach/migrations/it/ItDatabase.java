package com.plccoach.migrations.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database of one invoker project, for its prebuild and verify scripts: named after the
 * project's folder, on the server of {@code PLCCOACH_TEST_URL} (default the local one), created
 * fresh before the build and dropped after a passing verify.
 *
 * <pre>
 * def db = ItDatabase.of(basedir).create()            // prebuild.groovy
 * db.mavenConfig("-Dplccoach.url=" + db.url())
 * assert db.exists("users"); db.drop()                // verify.groovy
 * </pre>
 */
public final class ItDatabase {

    public static final String ADMIN_URL_VARIABLE = "PLCCOACH_TEST_URL";
    public static final String DEFAULT_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    private static final Pattern JDBC_URL = Pattern.compile("(jdbc:postgresql://([^/?]*))(?:/([^?]*))?(\\?.*)?");

    static {
        // each invoker execution (one per Maven version) loads these scripts in a new class loader, and
        // DriverManager only scans for drivers once per JVM: register the driver of this loader
        try {
            Class.forName("org.postgresql.Driver");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the PostgreSQL driver is not on the invoker scripts' class path", e);
        }
    }

    private final File basedir;
    private final String name;
    private final String adminUrl;
    private final Matcher admin;

    private ItDatabase(File basedir, boolean perCheckout) {
        this.basedir = basedir;
        String plain = "plccoach_it_" + basedir.getName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        this.name = perCheckout ? truncate(plain, 54) + "_" + checkoutHash(basedir) : plain;
        String configured = System.getenv(ADMIN_URL_VARIABLE);
        this.adminUrl = configured == null || configured.isBlank() ? DEFAULT_ADMIN_URL : configured;
        this.admin = JDBC_URL.matcher(adminUrl);
        if (!admin.matches()) {
            throw new IllegalStateException(ADMIN_URL_VARIABLE + " must look like jdbc:postgresql://host:port/db?user=...");
        }
    }

    /**
     * The project's database, its name suffixed with a hash of the project's path: two checkouts
     * running the suite on one server at once (a developer and the integrator) never share one.
     */
    public static ItDatabase of(File basedir) {
        return new ItDatabase(basedir, true);
    }

    /**
     * The database named {@code plccoach_it_<folder>} exactly, for the projects whose settings.xml
     * server or DATABASE_URL must name it in advance.
     */
    public static ItDatabase fixedName(File basedir) {
        return new ItDatabase(basedir, false);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static String checkoutHash(File basedir) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(basedir.getAbsolutePath().getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private ItDatabase(ItDatabase project, String name) {
        this.basedir = project.basedir;
        this.name = name;
        this.adminUrl = project.adminUrl;
        this.admin = project.admin;
    }

    /** Another database of the same project, {@code <name>_<n>}, for projects that run on a fleet; create and drop it like this one. */
    public ItDatabase member(int n) {
        return new ItDatabase(this, name + "_" + n);
    }

    /** Database name, which is also the name of the project's password role. */
    public String name() {
        return name;
    }

    /** host:port of the server. */
    public String hostPort() {
        return admin.group(2);
    }

    /** JDBC URL of this database with the admin's credentials. */
    public String url() {
        return admin.group(1) + "/" + name + (admin.group(4) == null ? "" : admin.group(4));
    }

    /** JDBC URL of this database with no credentials at all. */
    public String bareUrl() {
        return admin.group(1) + "/" + name;
    }

    /** Drops (if left by a failed run) and creates the database, owned by the admin. */
    public ItDatabase create() throws SQLException {
        drop();
        admin("CREATE DATABASE " + name);
        return this;
    }

    /**
     * Drops and creates the database owned by a login role of the same name that must authenticate
     * with this password (scram, as a member of plccoach_password_auth).
     */
    public ItDatabase createWithPassword(String password) throws SQLException {
        drop();
        admin("CREATE ROLE " + name + " LOGIN PASSWORD '" + password.replace("'", "''") + "' IN ROLE plccoach_password_auth");
        admin("CREATE DATABASE " + name + " OWNER " + name);
        return this;
    }

    public void drop() throws SQLException {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        admin("DROP ROLE IF EXISTS " + name);
    }

    /** Writes {@code .mvn/maven.config} into the project, one argument a line, which the invoked Maven reads. */
    public ItDatabase mavenConfig(String... arguments) throws IOException {
        Path dir = basedir.toPath().resolve(".mvn");
        Files.createDirectories(dir);
        Files.write(dir.resolve("maven.config"), List.of(arguments), StandardCharsets.UTF_8);
        return this;
    }

    /** Runs SQL in this database as the admin. */
    public void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Rows of a query in this database, each a list of strings. */
    public List<List<String>> query(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** Whether a table (or any relation) of that name exists in this database. */
    public boolean exists(String relation) throws SQLException {
        return query("select to_regclass('" + relation.replace("'", "''") + "') is not null").get(0).get(0).equals("t");
    }

    /** The build log, for the verify scripts. */
    public String log() throws IOException {
        return Files.readString(basedir.toPath().resolve("build.log"), StandardCharsets.UTF_8);
    }

    private void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
