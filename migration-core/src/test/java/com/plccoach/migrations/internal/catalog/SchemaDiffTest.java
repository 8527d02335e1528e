package com.plccoach.migrations.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.plccoach.migrations.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SchemaDiffTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final String BASE = """
            CREATE TABLE sessions (id int PRIMARY KEY, revoked boolean NOT NULL DEFAULT false, expires_at timestamptz);
            CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL);
            CREATE INDEX sessions_expires_at_idx ON sessions (expires_at)""";

    private SchemaSnapshot before;

    @BeforeEach
    void base() throws SQLException {
        db.recreate();
        before = apply(BASE);
    }

    @Test
    void identical_schemas_have_no_difference() throws SQLException {
        assertThat(SchemaDiff.between(before, apply("SELECT 1"))).isEmpty();
    }

    @Test
    void a_dropped_index_is_named_as_missing() throws SQLException {
        assertThat(describe(apply("DROP INDEX sessions_expires_at_idx")))
                .containsExactly("index sessions_expires_at_idx is missing");
    }

    @Test
    void an_added_column_is_named_as_extra() throws SQLException {
        assertThat(describe(apply("ALTER TABLE users ADD COLUMN nickname text")))
                .containsExactly("column users.nickname is extra");
    }

    @Test
    void a_dropped_default_is_named_with_both_values() throws SQLException {
        assertThat(describe(apply("ALTER TABLE sessions ALTER COLUMN revoked DROP DEFAULT")))
                .containsExactly("default of column sessions.revoked changed from false to none");
    }

    @Test
    void a_changed_type_and_nullability_are_named() throws SQLException {
        assertThat(describe(apply("ALTER TABLE users ALTER COLUMN email TYPE varchar(200), ALTER COLUMN email DROP NOT NULL")))
                .containsExactly("type of column users.email changed from text to character varying(200)",
                        "nullability of column users.email changed from NOT NULL to NULL");
    }

    @Test
    void a_column_dropped_and_added_again_is_named_by_its_new_position() throws SQLException {
        assertThat(describe(apply("ALTER TABLE sessions DROP COLUMN revoked; "
                + "ALTER TABLE sessions ADD COLUMN revoked boolean NOT NULL DEFAULT false")))
                .containsExactly("column order of table sessions changed from [id, revoked, expires_at] to [id, expires_at, revoked]");
    }

    @Test
    void a_missing_table_is_one_difference_not_one_per_column() throws SQLException {
        assertThat(describe(apply("DROP TABLE users"))).containsExactly("table users is missing");
    }

    @Test
    void a_unique_constraint_is_named_once_not_again_through_its_index() throws SQLException {
        SchemaSnapshot unique = apply("ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email)");

        assertThat(SchemaDiff.between(unique, apply("ALTER TABLE users DROP CONSTRAINT users_email_key")))
                .extracting(Difference::describe).containsExactly("constraint users_email_key on users is missing");
    }

    @Test
    void a_constraint_left_not_valid_is_named() throws SQLException {
        SchemaSnapshot withCheck = apply("ALTER TABLE users ADD CONSTRAINT users_email_check CHECK (email <> '')");
        SchemaSnapshot notValid = apply("ALTER TABLE users DROP CONSTRAINT users_email_check; "
                + "ALTER TABLE users ADD CONSTRAINT users_email_check CHECK (email <> '') NOT VALID");

        assertThat(SchemaDiff.between(withCheck, notValid)).extracting(Difference::describe).containsExactly(
                "definition of constraint users_email_check on users changed from CHECK ((email <> ''::text)) "
                        + "to CHECK ((email <> ''::text)) NOT VALID",
                "validation of constraint users_email_check on users changed from validated to NOT VALID");
    }

    @Test
    void a_forgotten_view_function_and_extension_are_each_named() throws SQLException {
        SchemaSnapshot more = apply("CREATE EXTENSION vector; CREATE VIEW active AS SELECT id FROM sessions WHERE NOT revoked; "
                + "CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'SELECT a'");

        assertThat(SchemaDiff.between(before, more)).extracting(Difference::describe).containsExactly(
                "extension vector is extra", "view active is extra", "function f(a integer) is extra");
    }

    @Test
    void a_difference_keeps_the_objects_for_a_generator_to_use() throws SQLException {
        Difference d = SchemaDiff.between(before, apply("ALTER TABLE users ADD COLUMN nickname text")).get(0);

        assertThat(d.change()).isEqualTo(Difference.Change.EXTRA);
        assertThat(d.actual()).isEqualTo(new ColumnDef("users", "nickname", "text", false, null, null, null, null, null));
    }

    private List<String> describe(SchemaSnapshot after) {
        return SchemaDiff.between(before, after).stream().map(Difference::describe).toList();
    }

    private SchemaSnapshot apply(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(sql);
            return new CatalogReader("public").read(c);
        }
    }
}
