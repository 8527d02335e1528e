package com.plccoach.migrations.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.DatabaseUnavailableException;
import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.MigratorConfig;
import com.plccoach.migrations.ScriptSource;
import com.plccoach.migrations.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Against a role that must give its password (scram), so a wrong one really fails. */
class ConnectionFactoryTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final String ROLE = "t_cf_" + UUID.randomUUID().toString().substring(0, 8);
    static final String SECRET = "Sc:r@m/" + UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    Path home;

    @BeforeAll
    static void createRole() throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + SECRET + "' IN ROLE plccoach_password_auth");
        }
    }

    @AfterAll
    static void dropRole() throws SQLException {
        try (Connection c = db.server().connectAdmin(); Statement s = c.createStatement()) {
            s.execute("DROP ROLE IF EXISTS " + ROLE);
        }
    }

    private static String encoded(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }


    private static String whoAmI(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select current_user || '@' || current_database()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private ConnectionFactory factory(Migrator.Builder builder, Map<String, String> env) {
        return new ConnectionFactory(builder.scripts(ScriptSource.directory(home)).config(), env, home);
    }

    @Test
    void the_sqlalchemy_url_of_the_seed_connects_with_its_password() throws SQLException {
        String url = "postgresql+psycopg2://" + ROLE + ":" + encoded(SECRET) + "@127.0.0.1:5432/" + db.name();

        try (Connection c = factory(Migrator.builder().url(url), Map.of()).open()) {
            assertThat(whoAmI(c)).isEqualTo(ROLE + "@" + db.name());
        }
    }

    @Test
    void database_url_is_the_fallback_when_no_url_is_configured() throws SQLException {
        String url = "postgresql://" + ROLE + ":" + encoded(SECRET) + "@127.0.0.1:5432/" + db.name() + "?sslmode=disable";

        try (Connection c = factory(Migrator.builder(), Map.of("DATABASE_URL", url)).open()) {
            assertThat(whoAmI(c)).isEqualTo(ROLE + "@" + db.name());
        }
    }

    @Test
    void an_explicit_password_wins_over_a_wrong_one_in_the_url() throws SQLException {
        String url = "jdbc:postgresql://127.0.0.1:5432/" + db.name() + "?user=" + ROLE + "&password=wrong";

        try (Connection c = factory(Migrator.builder().url(url).password(SECRET), Map.of()).open()) {
            assertThat(whoAmI(c)).isEqualTo(ROLE + "@" + db.name());
        }
    }

    @Test
    void an_explicit_user_wins_over_the_user_in_the_url() throws SQLException {
        String url = "postgresql://nobody@127.0.0.1:5432/" + db.name();

        try (Connection c = factory(Migrator.builder().url(url).user(ROLE), Map.of("PGPASSWORD", SECRET)).open()) {
            assertThat(whoAmI(c)).isEqualTo(ROLE + "@" + db.name());
        }
    }

    @Test
    void a_wrong_password_fails_naming_its_source_but_not_its_value() {
        String url = "jdbc:postgresql://127.0.0.1:5432/" + db.name() + "?user=" + ROLE;

        assertThatThrownBy(() -> factory(Migrator.builder().url(url), Map.of("PGPASSWORD", "not-" + SECRET)).open())
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageStartingWith("Cannot connect to jdbc:postgresql://127.0.0.1:5432/" + db.name() + " as " + ROLE
                        + " with the password from PGPASSWORD: ")
                .hasMessageContaining("password authentication failed")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void the_password_command_runs_once_per_factory() {
        String url = "jdbc:postgresql://127.0.0.1:5432/" + db.name() + "?user=" + ROLE;
        Path counter = home.resolve("runs");
        String command = "sh -c 'echo x >> " + counter + "; echo \"" + SECRET + "\"'";
        ConnectionFactory factory = factory(Migrator.builder().url(url).passwordCommand(command), Map.of("PATH", System.getenv("PATH")));

        factory.open();
        factory.open();

        assertThat(counter).hasContent("x");
    }

    @Test
    void a_pgpass_file_readable_by_others_is_refused_by_pgjdbc_too() throws Exception {
        Path open = home.resolve("open.pgpass");
        java.nio.file.Files.writeString(open, "*:*:*:" + ROLE + ":" + SECRET.replace(":", "\\:") + "\n");
        java.nio.file.Files.setPosixFilePermissions(open, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        String url = "jdbc:postgresql://127.0.0.1:5432/" + db.name() + "?user=" + ROLE;
        // PgJDBC's own lookup (pgjdbc#2278) reads this property before PGPASSFILE: point it at the refused file too
        System.setProperty("org.postgresql.pgpassfile", open.toString());
        try {
            assertThatThrownBy(() -> factory(Migrator.builder().url(url), Map.of("PGPASSFILE", open.toString())).open())
                    .isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessageStartingWith("Cannot connect to jdbc:postgresql://127.0.0.1:5432/" + db.name() + " as " + ROLE
                            + " without a password: ")
                    .hasMessageNotContaining(SECRET);
        } finally {
            System.clearProperty("org.postgresql.pgpassfile");
        }
    }

    @Test
    void the_same_pgpass_file_made_private_gives_the_password() throws Exception {
        Path file = home.resolve("private.pgpass");
        java.nio.file.Files.writeString(file, "*:*:*:" + ROLE + ":" + SECRET.replace(":", "\\:") + "\n");
        java.nio.file.Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        String url = "jdbc:postgresql://127.0.0.1:5432/" + db.name() + "?user=" + ROLE;

        try (Connection c = factory(Migrator.builder().url(url), Map.of("PGPASSFILE", file.toString())).open()) {
            assertThat(whoAmI(c)).isEqualTo(ROLE + "@" + db.name());
        }
    }
}
