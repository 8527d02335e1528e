package com.plccoach.migrations.internal.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.BackupMode;
import com.plccoach.migrations.EnvironmentException;
import com.plccoach.migrations.MigrationException;
import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.MigratorConfig;
import com.plccoach.migrations.ScriptSource;
import com.plccoach.migrations.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ScratchDatabaseTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @Test
    void a_scratch_database_is_created_on_the_configured_server_and_dropped_on_close() throws SQLException {
        String name;
        try (ScratchDatabase scratch = ScratchDatabase.create(config(db.url()), "plccoach_verify")) {
            name = scratch.name();
            assertThat(name).matches("plccoach_verify_[0-9a-f]{12}");
            try (Connection c = scratch.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_database()")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(name);
            }
        }
        assertThat(exists(name)).isFalse();
    }

    @Test
    void the_scratch_configuration_allows_data_loss_and_takes_no_backup() {
        try (ScratchDatabase scratch = ScratchDatabase.create(config(db.url()), "plccoach_verify")) {
            assertThat(scratch.config().allowDataLoss()).isTrue();
            assertThat(scratch.config().backupMode()).isEqualTo(BackupMode.NONE);
            assertThat(scratch.config().url()).contains("/" + scratch.name());
        }
    }

    @Test
    void a_scratch_database_is_told_apart_from_the_users_by_its_name() {
        try (ScratchDatabase scratch = ScratchDatabase.create(config(db.url()), "plccoach_verify")) {
            assertThat(ScratchDatabase.isScratch(scratch.name())).isTrue();
        }
        assertThat(ScratchDatabase.isScratch(db.name())).isFalse();
        assertThat(ScratchDatabase.isScratch("plccoach")).isFalse();
    }

    @Test
    void the_verify_url_names_the_server_instead_of_the_configured_database() {
        MigratorConfig config = Migrator.builder().url("jdbc:postgresql://127.0.0.1:1/nowhere").verifyUrl(db.url())
                .scripts(ScriptSource.directory(Path.of("."))).config();
        try (ScratchDatabase scratch = ScratchDatabase.create(config, "plccoach_verify")) {
            assertThat(scratch.config().url()).startsWith("jdbc:postgresql://127.0.0.1:5432/plccoach_verify_");
        }
    }

    @Test
    void a_user_who_may_not_create_databases_is_told_what_to_do() throws SQLException {
        String role = "nocreatedb_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + role + " LOGIN NOCREATEDB");
        }
        try {
            // the role rides in the URL: the driver lets URL parameters win over a separate user
            String url = db.url().replaceAll("\\?.*", "") + "?user=" + role;
            MigratorConfig config = Migrator.builder().url(url).scripts(ScriptSource.directory(Path.of("."))).config();
            assertThatThrownBy(() -> ScratchDatabase.create(config, "plccoach_verify"))
                    .isInstanceOf(EnvironmentException.class)
                    .hasMessageContaining("Cannot create the scratch database plccoach_verify_")
                    .hasMessageContaining("permission denied to create database")
                    .hasMessageContaining("The user needs CREATEDB there; or set Migrator.builder().verifyUrl(...)");
        } finally {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("DROP ROLE " + role);
            }
        }
    }

    @Test
    void a_data_source_alone_is_refused_naming_verify_url() {
        MigratorConfig config = new MigratorConfig(null, null, null, null, new org.postgresql.ds.PGSimpleDataSource(),
                ScriptSource.directory(Path.of(".")), null, null, false, null, null, false, null, null, null, null, null, null);
        assertThatThrownBy(() -> ScratchDatabase.create(config, "plccoach_verify"))
                .isInstanceOf(MigrationException.class)
                .hasMessage("verify needs a server on which to create a scratch database, and a data source alone does not name one: "
                        + "set Migrator.builder().verifyUrl(\"jdbc:postgresql://localhost:5432/postgres\")");
    }

    @Test
    void the_database_is_replaced_in_every_url_form_keeping_parameters_and_credentials() {
        assertThat(ScratchDatabase.databaseUrl("jdbc:postgresql://h:5432/plccoach?user=u&ssl=true", "s"))
                .isEqualTo("jdbc:postgresql://h:5432/s?user=u&ssl=true");
        assertThat(ScratchDatabase.databaseUrl("postgresql://u:p@h/plccoach", "s")).isEqualTo("postgresql://u:p@h/s");
        assertThat(ScratchDatabase.databaseUrl("postgresql+psycopg2://u:p@h:5432/plccoach", "s"))
                .isEqualTo("postgresql+psycopg2://u:p@h:5432/s");
        assertThat(ScratchDatabase.databaseUrl("jdbc:postgresql://h", "s")).isEqualTo("jdbc:postgresql://h/s");
    }

    @Test
    void a_url_without_a_server_is_refused_with_the_expected_form() {
        assertThatThrownBy(() -> ScratchDatabase.databaseUrl("plccoach", "s"))
                .isInstanceOf(MigrationException.class)
                .hasMessage("Cannot tell the server from the URL plccoach: use the form jdbc:postgresql://host:port/database "
                        + "or postgresql://user@host:port/database");
    }

    private static MigratorConfig config(String url) {
        return Migrator.builder().url(url).scripts(ScriptSource.directory(Path.of("."))).config();
    }

    private static boolean exists(String database) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_database WHERE datname = '" + database + "'")) {
            rs.next();
            return rs.getInt(1) == 1;
        }
    }
}
