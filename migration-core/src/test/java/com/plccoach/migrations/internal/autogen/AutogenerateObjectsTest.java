package com.plccoach.migrations.internal.autogen;

import static org.assertj.core.api.Assertions.assertThat;

import com.plccoach.migrations.AutogenerateResult;
import com.plccoach.migrations.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of object added, removed and changed. Every generated revision has already been proven
 * by autogenerate itself (up gives the desired schema, down the current one, on a scratch database),
 * so these tests pin the form of the SQL it chose.
 */
class AutogenerateObjectsTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path temp;

    private Path only(String current, String desired) {
        AutogenFixture f = new AutogenFixture(db, temp).given(current, desired);
        AutogenerateResult result = f.autogenerate();
        assertThat(result.files()).hasSize(1);
        assertThat(f.generatedFiles()).containsExactlyElementsOf(result.files());
        return result.files().get(0);
    }

    private static final String USERS = "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\n";

    @Test
    void an_added_extension_is_created_and_dropped_by_the_down_part() {
        Path file = only(USERS, USERS + "CREATE EXTENSION vector;");
        assertThat(AutogenFixture.up(file)).contains("CREATE EXTENSION IF NOT EXISTS vector WITH SCHEMA public");
        assertThat(AutogenFixture.down(file)).contains("DROP EXTENSION vector;");
    }

    @Test
    void a_removed_extension_is_dropped() {
        Path file = only(USERS + "CREATE EXTENSION vector;", USERS);
        assertThat(AutogenFixture.up(file)).contains("DROP EXTENSION vector;");
    }

    @Test
    void an_added_schema_is_created_and_a_removed_one_dropped() {
        Path file = only(USERS + "CREATE SCHEMA old;", USERS + "CREATE SCHEMA app;");
        assertThat(AutogenFixture.up(file)).contains("CREATE SCHEMA app;").contains("DROP SCHEMA old;");
    }

    @Test
    void an_enum_label_added_at_the_end_uses_add_value() {
        Path file = only("CREATE TYPE mood AS ENUM ('sad', 'happy');", "CREATE TYPE mood AS ENUM ('sad', 'happy', 'ecstatic');");
        assertThat(AutogenFixture.up(file)).contains("ALTER TYPE mood ADD VALUE 'ecstatic' AFTER 'happy';");
        assertThat(AutogenFixture.down(file)).contains("ALTER TYPE mood RENAME TO mood__old;")
                .contains("CREATE TYPE mood AS ENUM ('sad', 'happy');").contains("DROP TYPE mood__old;");
    }

    @Test
    void an_enum_label_removed_rebuilds_the_type_and_converts_its_columns() {
        Path file = only("CREATE TYPE mood AS ENUM ('sad', 'meh', 'happy'); CREATE TABLE t (m mood DEFAULT 'sad');",
                "CREATE TYPE mood AS ENUM ('sad', 'happy'); CREATE TABLE t (m mood DEFAULT 'sad');");
        assertThat(AutogenFixture.up(file)).containsSubsequence("ALTER TYPE mood RENAME TO mood__old;",
                "CREATE TYPE mood AS ENUM ('sad', 'happy');", "ALTER TABLE t ALTER COLUMN m DROP DEFAULT;",
                "ALTER TABLE t ALTER COLUMN m TYPE mood USING m::text::mood;", "ALTER TABLE t ALTER COLUMN m SET DEFAULT 'sad'::mood;",
                "DROP TYPE mood__old;");
    }

    @Test
    void a_composite_type_is_created_altered_and_dropped() {
        Path added = only("", "CREATE TYPE pair AS (x int, y int);");
        assertThat(AutogenFixture.up(added)).contains("CREATE TYPE pair AS (x integer, y integer);");
        assertThat(AutogenFixture.down(added)).contains("DROP TYPE pair;");
    }

    @Test
    void a_composite_type_attribute_added_is_an_alter_type() {
        Path file = only("CREATE TYPE pair AS (x int, y int);", "CREATE TYPE pair AS (x int, y int, z int);");
        assertThat(AutogenFixture.up(file)).contains("ALTER TYPE pair ADD ATTRIBUTE z integer;");
        assertThat(AutogenFixture.down(file)).contains("ALTER TYPE pair DROP ATTRIBUTE z;");
    }

    @Test
    void a_domain_with_a_check_is_created() {
        Path file = only("", "CREATE DOMAIN score AS int NOT NULL CHECK (VALUE BETWEEN 0 AND 10);");
        assertThat(AutogenFixture.up(file)).contains("CREATE DOMAIN score AS integer NOT NULL CONSTRAINT score_check CHECK");
    }

    @Test
    void a_sequence_is_created_changed_and_dropped() {
        Path file = only("CREATE SEQUENCE a; CREATE SEQUENCE b;", "CREATE SEQUENCE b INCREMENT BY 10; CREATE SEQUENCE c;");
        assertThat(AutogenFixture.up(file)).contains("CREATE SEQUENCE c AS bigint INCREMENT BY 1")
                .contains("ALTER SEQUENCE b AS bigint INCREMENT BY 10").contains("DROP SEQUENCE a;");
    }

    @Test
    void a_serial_column_gets_its_sequence_before_the_table_and_owned_by_after() {
        Path file = only("", "CREATE TABLE t (id serial PRIMARY KEY);");
        assertThat(AutogenFixture.up(file)).containsSubsequence("CREATE SEQUENCE t_id_seq", "CREATE TABLE t (",
                "DEFAULT nextval('t_id_seq'::regclass) NOT NULL", "ALTER SEQUENCE t_id_seq OWNED BY t.id;",
                "ALTER TABLE t ADD CONSTRAINT t_pkey PRIMARY KEY (id);");
        assertThat(AutogenFixture.down(file)).containsSubsequence("DROP TABLE t;", "DROP SEQUENCE IF EXISTS t_id_seq;");
    }

    @Test
    void an_added_table_is_created_with_its_columns_and_dropped_by_the_down_part() {
        Path file = only(USERS, USERS + "CREATE TABLE notes (id bigint GENERATED ALWAYS AS IDENTITY, body text NOT NULL DEFAULT '');");
        assertThat(AutogenFixture.up(file)).contains("CREATE TABLE notes (\n    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,\n"
                + "    body text DEFAULT ''::text NOT NULL\n);");
        assertThat(AutogenFixture.down(file)).contains("DROP TABLE notes;");
    }

    @Test
    void a_removed_table_is_dropped() {
        Path file = only(USERS + "CREATE TABLE old_things (id int);", USERS);
        assertThat(AutogenFixture.up(file)).contains("DROP TABLE old_things;");
        assertThat(AutogenFixture.down(file)).contains("CREATE TABLE old_things (\n    id integer\n);");
    }

    @Test
    void a_vanished_column_is_dropped_never_renamed() {
        Path file = only("CREATE TABLE users (id int, name text);", "CREATE TABLE users (id int, full_name text);");
        assertThat(AutogenFixture.up(file)).contains("-- ban-drop-column: column users.name is not in the target schema: dropped, not renamed\n"
                + "ALTER TABLE users DROP COLUMN name;").contains("ALTER TABLE users ADD COLUMN full_name text;")
                .doesNotContain("RENAME");
    }

    @Test
    void a_column_type_change_says_it_rewrites_the_table() {
        Path file = only("CREATE TABLE t (n int);", "CREATE TABLE t (n bigint);");
        assertThat(AutogenFixture.up(file)).contains("-- changing-column-type: rewrites the table and its indexes under an ACCESS EXCLUSIVE lock unless the new"
                + " type is binary compatible (varchar(n) to text or a larger varchar)\n"
                + "ALTER TABLE t ALTER COLUMN n TYPE bigint USING n::bigint;");
        assertThat(AutogenFixture.down(file)).contains("ALTER TABLE t ALTER COLUMN n TYPE integer USING n::integer;");
    }

    @Test
    void a_column_default_change_is_set_and_restored() {
        Path file = only("CREATE TABLE t (b boolean DEFAULT false);", "CREATE TABLE t (b boolean DEFAULT true);");
        assertThat(AutogenFixture.up(file)).contains("ALTER TABLE t ALTER COLUMN b SET DEFAULT true;");
        assertThat(AutogenFixture.down(file)).contains("ALTER TABLE t ALTER COLUMN b SET DEFAULT false;");
    }

    @Test
    void a_column_becoming_not_null_warns_about_the_scan() {
        Path file = only("CREATE TABLE t (b text);", "CREATE TABLE t (b text NOT NULL);");
        assertThat(AutogenFixture.up(file)).contains("ALTER TABLE t ALTER COLUMN b SET NOT NULL;");
        assertThat(AutogenFixture.down(file)).contains("ALTER TABLE t ALTER COLUMN b DROP NOT NULL;");
    }

    @Test
    void a_column_becoming_an_identity_is_altered_in_place() {
        Path file = only("CREATE TABLE t (id int NOT NULL);", "CREATE TABLE t (id int GENERATED BY DEFAULT AS IDENTITY);");
        assertThat(AutogenFixture.up(file)).contains("ALTER TABLE t ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY;");
        assertThat(AutogenFixture.down(file)).contains("ALTER TABLE t ALTER COLUMN id DROP IDENTITY;");
    }

    @Test
    void a_generated_column_with_a_new_expression_is_dropped_and_added_again() {
        Path file = only("CREATE TABLE t (a int, b int GENERATED ALWAYS AS (a * 2) STORED);",
                "CREATE TABLE t (a int, b int GENERATED ALWAYS AS (a * 3) STORED);");
        assertThat(AutogenFixture.up(file)).containsSubsequence("ALTER TABLE t DROP COLUMN b;",
                "ALTER TABLE t ADD COLUMN b integer GENERATED ALWAYS AS ((a * 3)) STORED;");
    }

    @Test
    void a_foreign_key_on_an_existing_table_is_added_not_valid_then_validated_in_the_non_transactional_revision() {
        AutogenerateResult result = new AutogenFixture(db, temp).given(USERS + "CREATE TABLE posts (id int, user_id bigint);",
                USERS + "CREATE TABLE posts (id int, user_id bigint REFERENCES users(id) ON DELETE CASCADE);").autogenerate();
        assertThat(result.files()).hasSize(2);
        assertThat(AutogenFixture.up(result.files().get(0))).contains("-- adding-foreign-key-constraint: NOT VALID here, VALIDATE in"
                + " the transactional: false revision after this one, so existing rows are checked without blocking writes\n"
                + "ALTER TABLE posts ADD CONSTRAINT posts_user_id_fkey FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE NOT VALID;")
                .doesNotContain("VALIDATE CONSTRAINT");
        assertThat(AutogenFixture.down(result.files().get(0))).contains("ALTER TABLE posts DROP CONSTRAINT posts_user_id_fkey;");
        assertThat(AutogenFixture.read(result.files().get(1))).contains("-- transactional: false\n")
                .contains("ALTER TABLE posts VALIDATE CONSTRAINT posts_user_id_fkey;");
    }

    @Test
    void a_check_on_an_existing_table_is_added_not_valid_then_validated_in_the_non_transactional_revision() {
        AutogenerateResult result = new AutogenFixture(db, temp).given("CREATE TABLE t (n int);",
                "CREATE TABLE t (n int CONSTRAINT n_positive CHECK (n > 0));").autogenerate();
        assertThat(AutogenFixture.up(result.files().get(0))).contains("ALTER TABLE t ADD CONSTRAINT n_positive CHECK ((n > 0)) NOT VALID;");
        assertThat(AutogenFixture.up(result.files().get(1))).contains("ALTER TABLE t VALIDATE CONSTRAINT n_positive;");
    }

    @Test
    void primary_key_and_unique_constraints_are_added_and_dropped() {
        Path file = only("CREATE TABLE t (id int NOT NULL, code text);", "CREATE TABLE t (id int PRIMARY KEY, code text UNIQUE);");
        assertThat(AutogenFixture.up(file)).contains("ALTER TABLE t ADD CONSTRAINT t_pkey PRIMARY KEY (id);")
                .contains("ALTER TABLE t ADD CONSTRAINT t_code_key UNIQUE (code);");
        assertThat(AutogenFixture.down(file)).contains("ALTER TABLE t DROP CONSTRAINT t_pkey;")
                .contains("ALTER TABLE t DROP CONSTRAINT t_code_key;");
    }

    @Test
    void an_exclusion_constraint_is_added() {
        Path file = only("CREATE TABLE booking (during tstzrange);",
                "CREATE TABLE booking (during tstzrange, CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&));");
        assertThat(AutogenFixture.up(file)).contains("ALTER TABLE booking ADD CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&);");
    }

    @Test
    void a_changed_constraint_is_dropped_and_added_again() {
        AutogenerateResult result = new AutogenFixture(db, temp).given("CREATE TABLE t (n int CONSTRAINT n_ok CHECK (n > 0));",
                "CREATE TABLE t (n int CONSTRAINT n_ok CHECK (n > 1));").autogenerate();
        assertThat(AutogenFixture.up(result.files().get(0))).containsSubsequence("ALTER TABLE t DROP CONSTRAINT n_ok;",
                "ALTER TABLE t ADD CONSTRAINT n_ok CHECK ((n > 1)) NOT VALID;");
        assertThat(AutogenFixture.up(result.files().get(1))).contains("ALTER TABLE t VALIDATE CONSTRAINT n_ok;");
    }

    @Test
    void an_index_on_an_existing_table_goes_to_a_second_concurrent_non_transactional_revision() {
        AutogenFixture f = new AutogenFixture(db, temp).given(USERS, USERS + "CREATE INDEX users_email_idx ON users (lower(email));");
        AutogenerateResult result = f.autogenerate();
        assertThat(result.files()).hasSize(1);
        String text = AutogenFixture.read(result.files().get(0));
        assertThat(text).contains("-- down_revision: 001\n").contains("-- transactional: false\n")
                .contains("CREATE INDEX CONCURRENTLY users_email_idx ON public.users USING btree (lower(email));")
                .contains("DROP INDEX CONCURRENTLY IF EXISTS users_email_idx;");
    }

    @Test
    void the_concurrent_revision_is_the_child_of_the_main_one() {
        AutogenFixture f = new AutogenFixture(db, temp).given(USERS,
                USERS + "ALTER TABLE users ADD COLUMN name text; CREATE INDEX users_name_idx ON users (name);");
        AutogenerateResult result = f.autogenerate();
        assertThat(result.files()).hasSize(2);
        String main = AutogenFixture.read(result.files().get(0));
        String mainId = main.lines().findFirst().orElseThrow().substring("-- revision: ".length());
        assertThat(main).contains("ALTER TABLE users ADD COLUMN name text;").doesNotContain("CREATE INDEX");
        assertThat(AutogenFixture.read(result.files().get(1))).contains("-- down_revision: " + mainId + "\n")
                .contains("-- message: generated change (concurrent indexes)\n").contains("-- transactional: false\n")
                .contains("CREATE INDEX CONCURRENTLY users_name_idx");
    }

    @Test
    void an_index_on_a_new_table_stays_in_the_main_revision() {
        Path file = only("", "CREATE TABLE t (a int); CREATE INDEX t_a_idx ON t (a) WHERE a > 0;");
        assertThat(AutogenFixture.up(file)).contains("CREATE INDEX t_a_idx ON public.t USING btree (a) WHERE (a > 0);")
                .doesNotContain("CONCURRENTLY");
    }

    @Test
    void a_pgvector_index_keeps_its_method_and_opclass() {
        Path file = only("", "CREATE EXTENSION vector; CREATE TABLE e (v vector(3));"
                + " CREATE INDEX e_v_idx ON e USING hnsw (v vector_cosine_ops) WITH (m = 8);");
        assertThat(AutogenFixture.up(file)).containsSubsequence("CREATE EXTENSION IF NOT EXISTS vector", "CREATE TABLE e (",
                "CREATE INDEX e_v_idx ON public.e USING hnsw (v vector_cosine_ops) WITH (m='8');");
    }

    @Test
    void a_removed_index_is_dropped_and_restored_by_the_down_part() {
        Path file = only(USERS + "CREATE INDEX users_email_idx ON users (email);", USERS);
        assertThat(AutogenFixture.up(file)).contains("DROP INDEX users_email_idx;");
        assertThat(AutogenFixture.down(file)).contains("CREATE INDEX users_email_idx ON public.users USING btree (email);");
    }

    @Test
    void a_view_is_created_changed_and_dropped() {
        Path file = only(USERS + "CREATE VIEW a AS SELECT id FROM users; CREATE VIEW b AS SELECT id FROM users;",
                USERS + "CREATE VIEW b AS SELECT id, email FROM users; CREATE VIEW c AS SELECT email FROM users;");
        assertThat(AutogenFixture.up(file)).contains("DROP VIEW a;").contains("DROP VIEW b;")
                .contains("CREATE VIEW b AS\nSELECT users.id,\n    users.email\n   FROM users;").contains("CREATE VIEW c AS");
    }

    @Test
    void a_materialized_view_is_created_with_its_index() {
        Path file = only(USERS, USERS + "CREATE MATERIALIZED VIEW counts AS SELECT count(*) AS n FROM users;"
                + " CREATE UNIQUE INDEX counts_n_idx ON counts (n);");
        assertThat(AutogenFixture.up(file)).containsSubsequence("CREATE MATERIALIZED VIEW counts AS",
                "CREATE UNIQUE INDEX counts_n_idx ON public.counts USING btree (n);");
        assertThat(AutogenFixture.down(file)).contains("DROP MATERIALIZED VIEW counts;");
    }

    @Test
    void a_function_is_created_replaced_and_dropped() {
        Path file = only("CREATE FUNCTION one() RETURNS int LANGUAGE sql AS 'SELECT 1'; CREATE FUNCTION gone() RETURNS int LANGUAGE sql AS 'SELECT 0';",
                "CREATE FUNCTION one() RETURNS int LANGUAGE sql AS 'SELECT 2'; CREATE FUNCTION two() RETURNS int LANGUAGE sql AS 'SELECT 2';");
        assertThat(AutogenFixture.up(file)).contains("CREATE OR REPLACE FUNCTION public.one()").contains("SELECT 2")
                .contains("CREATE OR REPLACE FUNCTION public.two()").contains("DROP FUNCTION gone();");
    }

    @Test
    void a_trigger_is_created_after_its_function_and_dropped_before_it() {
        String function = "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;";
        Path file = only(USERS, USERS + function + " CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();");
        assertThat(AutogenFixture.up(file)).containsSubsequence("CREATE OR REPLACE FUNCTION public.touch()",
                "CREATE TRIGGER users_touch BEFORE UPDATE ON public.users FOR EACH ROW EXECUTE FUNCTION touch();");
        assertThat(AutogenFixture.down(file)).containsSubsequence("DROP TRIGGER users_touch ON users;", "DROP FUNCTION touch();");
    }

    @Test
    void comments_are_set_changed_and_removed() {
        Path file = only(USERS + "COMMENT ON TABLE users IS 'people'; COMMENT ON COLUMN users.email IS 'old';",
                USERS + "COMMENT ON COLUMN users.email IS 'login, case-insensitive'; COMMENT ON CONSTRAINT users_pkey ON users IS 'id';");
        assertThat(AutogenFixture.up(file)).contains("COMMENT ON TABLE users IS NULL;")
                .contains("COMMENT ON COLUMN users.email IS 'login, case-insensitive';")
                .contains("COMMENT ON CONSTRAINT users_pkey ON users IS 'id';");
        assertThat(AutogenFixture.down(file)).contains("COMMENT ON TABLE users IS 'people';")
                .contains("COMMENT ON COLUMN users.email IS 'old';");
    }
}
