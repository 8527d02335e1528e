package com.plccoach.migrations.internal.autogen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.DriftReport;
import com.plccoach.migrations.MigrationException;
import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.ScriptSource;
import com.plccoach.migrations.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** check against a live database (objects changed by hand) and against the desired schema. */
class DriftTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path temp;

    private static final String SCHEMA = "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, active boolean DEFAULT true);\n"
            + "CREATE INDEX users_email_idx ON users (email);";

    @BeforeEach
    void fresh() throws SQLException {
        db.recreate();
    }

    /** The live database as the runner leaves it after revision 001: its schema and its state row. */
    private void applied(String extraSql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(SCHEMA);
            s.execute("CREATE TABLE plccoach_version (id text PRIMARY KEY, checksum text NOT NULL,"
                    + " applied_at timestamptz NOT NULL DEFAULT now(), applied_by text NOT NULL DEFAULT current_user,"
                    + " duration_ms bigint NOT NULL DEFAULT 0)");
            s.execute("INSERT INTO plccoach_version (id, checksum) VALUES ('001', 'x')");
            if (!extraSql.isEmpty()) {
                s.execute(extraSql);
            }
        }
    }

    private Migrator migrator(AutogenFixture f) {
        return f.migrator();
    }

    @Test
    void a_live_database_as_its_revisions_left_it_has_no_drift() throws SQLException {
        AutogenFixture f = new AutogenFixture(db, temp).given(SCHEMA, SCHEMA);
        applied("");
        DriftReport report = migrator(f).drift();
        assertThat(report.clean()).isTrue();
        assertThat(report.compared()).isEqualTo("live database " + db.name() + " against the schema of revisions 001");
    }

    @Test
    void every_object_changed_by_hand_is_named() throws SQLException {
        AutogenFixture f = new AutogenFixture(db, temp).given(SCHEMA, SCHEMA);
        applied("ALTER TABLE users ADD COLUMN nickname text; DROP INDEX users_email_idx;"
                + " ALTER TABLE users ALTER COLUMN active SET DEFAULT false; CREATE INDEX users_nick ON users (nickname)");
        DriftReport report = migrator(f).drift();
        assertThat(report.differences()).containsExactlyInAnyOrder(
                "column users.nickname was added by hand",
                "default of column users.active was changed by hand from true to false",
                "index users_email_idx was dropped by hand",
                "index users_nick was added by hand");
    }

    @Test
    void a_database_without_state_is_compared_with_an_empty_schema() throws SQLException {
        AutogenFixture f = new AutogenFixture(db, temp).given(SCHEMA, SCHEMA);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE stray (a int)");
        }
        DriftReport report = migrator(f).drift();
        assertThat(report.differences()).containsExactly("table stray was added by hand");
        assertThat(report.compared()).endsWith("against the schema of no revision");
    }

    @Test
    void an_applied_revision_without_its_file_is_named() throws SQLException {
        AutogenFixture f = new AutogenFixture(db, temp).given(SCHEMA, SCHEMA);
        applied("INSERT INTO plccoach_version (id, checksum) VALUES ('777', 'y')");
        assertThatThrownBy(() -> migrator(f).drift()).isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("revision 777 is applied to " + db.name() + " but has no file in ")
                .hasMessageEndingWith("so the schema it gave cannot be rebuilt; restore the file, or run `migrator.check()` to see"
                        + " every such revision");
    }

    @Test
    void revisions_that_reach_the_desired_schema_pass_the_desired_check() {
        AutogenFixture f = new AutogenFixture(db, temp).given(SCHEMA, SCHEMA);
        assertThat(f.migrator().checkDesired().clean()).isTrue();
    }

    @Test
    void revisions_that_fall_short_of_the_desired_schema_are_reported_object_by_object() {
        AutogenFixture f = new AutogenFixture(db, temp).given(SCHEMA,
                SCHEMA + "\nALTER TABLE users ADD COLUMN name text; ALTER TABLE users ALTER COLUMN email TYPE varchar(320);");
        DriftReport report = f.migrator().checkDesired();
        assertThat(report.differences()).containsExactly(
                "type of column users.email is character varying(320) in the desired schema but text after the revisions",
                "column users.name is in the desired schema but no revision creates it");
        assertThat(report.compared()).endsWith("run `migrator.autogenerate(message)`"
                + " to write the missing revision");
    }
}
