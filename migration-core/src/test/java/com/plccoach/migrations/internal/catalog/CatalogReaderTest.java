package com.plccoach.migrations.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CatalogReaderTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private final CatalogReader reader = new CatalogReader("public");

    @BeforeEach
    void freshDatabase() throws SQLException {
        db.recreate();
    }

    @Test
    void columns_carry_type_default_nullability_identity_and_generation_in_position_order() throws SQLException {
        SchemaSnapshot s = snapshotAfter("""
                CREATE TABLE items (
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    price numeric(12,6) NOT NULL DEFAULT 0,
                    name text COLLATE "C",
                    doubled numeric GENERATED ALWAYS AS (price * 2) STORED)""");

        TableDef items = s.tables().get("public.items");
        assertThat(items.columns()).extracting(ColumnDef::name).containsExactly("id", "price", "name", "doubled");
        assertThat(items.column("id")).isEqualTo(new ColumnDef("items", "id", "bigint", true, null, "ALWAYS", null, null, null));
        assertThat(items.column("price")).isEqualTo(new ColumnDef("items", "price", "numeric(12,6)", true, "0", null, null, null, null));
        assertThat(items.column("name").collation()).isEqualTo("C");
        assertThat(items.column("doubled").generated()).isEqualTo("STORED");
        assertThat(items.column("doubled").defaultValue()).isEqualTo("(price * (2)::numeric)");
    }

    @Test
    void constraints_carry_their_definition_and_whether_they_are_validated() throws SQLException {
        SchemaSnapshot s = snapshotAfter("""
                CREATE TABLE parents (id int PRIMARY KEY);
                CREATE TABLE children (id int, parent_id int REFERENCES parents ON DELETE CASCADE);
                ALTER TABLE children ADD CONSTRAINT children_id_check CHECK (id > 0) NOT VALID""");

        TableDef children = s.tables().get("public.children");
        assertThat(children.constraints().get("children_parent_id_fkey").definition())
                .isEqualTo("FOREIGN KEY (parent_id) REFERENCES parents(id) ON DELETE CASCADE");
        assertThat(children.constraints().get("children_id_check"))
                .isEqualTo(new ConstraintDef("children", "children_id_check", "CHECK", "CHECK ((id > 0)) NOT VALID", false, null));
        assertThat(s.tables().get("public.parents").constraints().get("parents_pkey").type()).isEqualTo("PRIMARY KEY");
    }

    @Test
    void indexes_carry_their_definition_the_constraint_they_back_and_their_validity() throws SQLException {
        SchemaSnapshot s = snapshotAfter("""
                CREATE TABLE t (id int PRIMARY KEY, email text);
                INSERT INTO t VALUES (1, 'a'), (2, 'A');
                CREATE INDEX t_lower_email_idx ON t (lower(email)) WHERE email IS NOT NULL""");
        // a failed CREATE UNIQUE INDEX CONCURRENTLY leaves an INVALID index behind
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute("CREATE UNIQUE INDEX CONCURRENTLY t_email_key ON t (lower(email))"))
                    .hasMessageContaining("could not create unique index");
            s = reader.read(c);
        }

        assertThat(s.indexes().get("public.t_lower_email_idx").definition())
                .isEqualTo("CREATE INDEX t_lower_email_idx ON public.t USING btree (lower(email)) WHERE (email IS NOT NULL)");
        assertThat(s.indexes().get("public.t_pkey").constraint()).isEqualTo("t_pkey");
        assertThat(s.indexes().get("public.t_email_key").valid()).isFalse();
        assertThat(s.indexes().get("public.t_lower_email_idx").valid()).isTrue();
    }

    @Test
    void views_and_materialized_views_carry_their_definition_and_columns() throws SQLException {
        SchemaSnapshot s = snapshotAfter("""
                CREATE TABLE t (id int, amount numeric);
                CREATE VIEW big AS SELECT id FROM t WHERE amount > 10;
                CREATE MATERIALIZED VIEW totals AS SELECT sum(amount) AS total FROM t;
                CREATE INDEX totals_total_idx ON totals (total)""");

        assertThat(s.views().get("public.big").definition()).contains("WHERE t.amount > 10::numeric");
        assertThat(s.views().get("public.big").columns()).containsExactly("id integer");
        assertThat(s.views().get("public.totals").kind()).isEqualTo("materialized view");
        assertThat(s.indexes()).containsKey("public.totals_total_idx");
    }

    @Test
    void functions_triggers_and_comments_are_read() throws SQLException {
        SchemaSnapshot s = snapshotAfter("""
                CREATE TABLE t (id int, updated_at timestamptz);
                CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
                CREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();
                COMMENT ON TABLE t IS 'things';
                COMMENT ON COLUMN t.id IS 'the id';
                COMMENT ON FUNCTION touch() IS 'sets updated_at'""");

        assertThat(s.functions().get("public.touch()").definition()).startsWith("CREATE OR REPLACE FUNCTION public.touch()");
        assertThat(s.functions().get("public.touch()").comment()).isEqualTo("sets updated_at");
        assertThat(s.triggers().get("public.t.t_touch").definition())
                .isEqualTo("CREATE TRIGGER t_touch BEFORE UPDATE ON public.t FOR EACH ROW EXECUTE FUNCTION touch()");
        assertThat(s.tables().get("public.t").comment()).isEqualTo("things");
        assertThat(s.tables().get("public.t").column("id").comment()).isEqualTo("the id");
    }

    @Test
    void enum_composite_and_domain_types_are_read_with_their_parts() throws SQLException {
        SchemaSnapshot s = snapshotAfter("""
                CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
                CREATE TYPE money_amount AS (currency char(3), amount numeric(12,2));
                CREATE DOMAIN positive_int AS integer NOT NULL DEFAULT 1 CONSTRAINT positive_int_check CHECK (VALUE > 0)""");

        assertThat(s.types().get("public.mood").elements()).containsExactly("sad", "ok", "happy");
        assertThat(s.types().get("public.money_amount").elements()).containsExactly("currency character(3)", "amount numeric(12,2)");
        TypeDef domain = s.types().get("public.positive_int");
        assertThat(domain.baseType()).isEqualTo("integer");
        assertThat(domain.notNull()).isTrue();
        assertThat(domain.defaultValue()).isEqualTo("1");
        assertThat(domain.constraints()).containsEntry("positive_int_check", "CHECK ((VALUE > 0))");
    }

    @Test
    void a_serial_sequence_is_read_with_its_owner_while_an_identity_sequence_belongs_to_its_column() throws SQLException {
        SchemaSnapshot s = snapshotAfter("""
                CREATE TABLE a (id serial);
                CREATE TABLE b (id int GENERATED BY DEFAULT AS IDENTITY);
                CREATE SEQUENCE invoice_numbers START 1000 INCREMENT 10""");

        assertThat(s.sequences()).containsOnlyKeys("public.a_id_seq", "public.invoice_numbers");
        assertThat(s.sequences().get("public.a_id_seq").ownedBy()).isEqualTo("a.id");
        assertThat(s.sequences().get("public.invoice_numbers").start()).isEqualTo(1000);
        assertThat(s.tables().get("public.b").column("id").identity()).isEqualTo("BY DEFAULT");
    }

    @Test
    void alembics_version_table_is_state_left_out_like_ours() throws SQLException {
        SchemaSnapshot s = snapshotAfter("CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY); CREATE TABLE kept (id int)");

        assertThat(s.tables()).containsOnlyKeys("public.kept");
        assertThat(s.indexes()).isEmpty();
    }

    @Test
    void objects_of_an_extension_are_left_out_and_the_extension_is_listed() throws SQLException {
        SchemaSnapshot s = snapshotAfter("CREATE EXTENSION vector; CREATE TABLE e (v vector(3))");

        assertThat(s.extensions()).containsKey("vector");
        assertThat(s.extensions().get("vector").version()).isEqualTo("0.8.0");
        assertThat(s.functions()).isEmpty();
        assertThat(s.types()).isEmpty();
        assertThat(s.tables().get("public.e").column("v").type()).isEqualTo("vector(3)");
    }

    @Test
    void the_tools_state_tables_are_left_out() throws SQLException {
        SchemaSnapshot s = snapshotAfter("""
                CREATE TABLE plccoach_version (revision text PRIMARY KEY);
                CREATE TABLE plccoach_history (id bigserial PRIMARY KEY, revision text);
                CREATE INDEX plccoach_history_revision_idx ON plccoach_history (revision);
                CREATE TABLE kept (id int)""");

        assertThat(s.tables()).containsOnlyKeys("public.kept");
        assertThat(s.indexes()).isEmpty();
        assertThat(s.sequences()).isEmpty();
    }

    @Test
    void state_tables_in_another_schema_take_their_schema_with_them() throws SQLException {
        snapshotAfter("CREATE SCHEMA tool; CREATE TABLE tool.plccoach_version (revision text PRIMARY KEY); CREATE SCHEMA app");
        try (Connection c = db.connect()) {
            SchemaSnapshot s = new CatalogReader("tool").read(c);
            assertThat(s.schemas()).containsOnlyKeys("app", "public");
            assertThat(s.tables()).isEmpty();
        }
    }

    @Test
    void reading_twice_gives_equal_snapshots() throws SQLException {
        SchemaSnapshot first = snapshotAfter("""
                CREATE TABLE t (id int PRIMARY KEY, n text DEFAULT 'x');
                CREATE VIEW v AS SELECT * FROM t;
                CREATE TYPE mood AS ENUM ('a', 'b')""");
        try (Connection c = db.connect()) {
            assertThat(reader.read(c)).isEqualTo(first);
        }
    }

    @Test
    void two_databases_built_by_the_same_statements_have_equal_snapshots() throws SQLException {
        String ddl = """
                CREATE EXTENSION vector;
                CREATE TYPE mood AS ENUM ('a', 'b');
                CREATE TABLE p (id serial PRIMARY KEY, m mood, e vector(3));
                CREATE TABLE c (id int GENERATED ALWAYS AS IDENTITY, p_id int REFERENCES p ON DELETE CASCADE);
                CREATE INDEX c_p_id_idx ON c (p_id);
                CREATE MATERIALIZED VIEW mv AS SELECT count(*) AS n FROM c;
                CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
                CREATE TRIGGER c_f BEFORE INSERT ON c FOR EACH ROW EXECUTE FUNCTION f()""";
        SchemaSnapshot here = snapshotAfter(ddl);
        String other = db.createScratch("catalog_twin");
        try (Connection c = db.server().connect(db.server().urlFor(other)); Statement st = c.createStatement()) {
            st.execute(ddl);
            assertThat(reader.read(c)).isEqualTo(here);
        } finally {
            db.drop(other);
        }
    }

    private SchemaSnapshot snapshotAfter(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(sql);
            return reader.read(c);
        }
    }
}
