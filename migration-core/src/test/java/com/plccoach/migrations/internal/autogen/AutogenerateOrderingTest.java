package com.plccoach.migrations.internal.autogen;

import static org.assertj.core.api.Assertions.assertThat;

import com.plccoach.migrations.AutogenerateResult;
import com.plccoach.migrations.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Statements come in an order PostgreSQL accepts, both ways; autogenerate has run each revision to prove it. */
class AutogenerateOrderingTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path temp;

    private Path only(String current, String desired) {
        AutogenerateResult result = new AutogenFixture(db, temp).given(current, desired).autogenerate();
        assertThat(result.files()).hasSize(1);
        return result.files().get(0);
    }

    @Test
    void a_view_is_dropped_before_the_column_it_reads_and_created_after() {
        Path file = only("CREATE TABLE t (a int, b int); CREATE VIEW v AS SELECT a, b FROM t;",
                "CREATE TABLE t (a int); CREATE VIEW v AS SELECT a FROM t;");
        assertThat(AutogenFixture.up(file)).containsSubsequence("DROP VIEW v;", "ALTER TABLE t DROP COLUMN b;", "CREATE VIEW v AS");
        assertThat(AutogenFixture.down(file)).containsSubsequence("DROP VIEW v;", "ALTER TABLE t ADD COLUMN b integer;", "CREATE VIEW v AS");
    }

    @Test
    void an_unchanged_view_over_a_view_that_must_be_rebuilt_is_rebuilt_in_dependency_order() {
        Path file = only("CREATE TABLE t (a int); CREATE VIEW inner_v AS SELECT a FROM t; CREATE VIEW outer_v AS SELECT a FROM inner_v;",
                "CREATE TABLE t (a bigint); CREATE VIEW inner_v AS SELECT a FROM t; CREATE VIEW outer_v AS SELECT a FROM inner_v;");
        assertThat(AutogenFixture.up(file)).containsSubsequence("DROP VIEW outer_v;", "DROP VIEW inner_v;",
                "ALTER TABLE t ALTER COLUMN a TYPE bigint", "CREATE VIEW inner_v AS", "CREATE VIEW outer_v AS");
    }

    @Test
    void a_type_is_created_before_the_table_that_uses_it_and_dropped_after_it() {
        Path file = only("", "CREATE TYPE status AS ENUM ('open', 'closed'); CREATE TABLE a_ticket (s status NOT NULL);");
        assertThat(AutogenFixture.up(file)).containsSubsequence("CREATE TYPE status AS ENUM", "CREATE TABLE a_ticket (");
        assertThat(AutogenFixture.down(file)).containsSubsequence("DROP TABLE a_ticket;", "DROP TYPE status;");
    }

    @Test
    void a_foreign_key_comes_after_the_table_it_references_whatever_their_names() {
        Path file = only("", "CREATE TABLE z_users (id int PRIMARY KEY); CREATE TABLE a_posts (user_id int REFERENCES z_users(id));");
        assertThat(AutogenFixture.up(file)).containsSubsequence("CREATE TABLE a_posts (", "CREATE TABLE z_users (",
                "ADD CONSTRAINT z_users_pkey PRIMARY KEY", "ADD CONSTRAINT a_posts_user_id_fkey FOREIGN KEY");
    }

    @Test
    void tables_that_reference_each_other_are_dropped_after_their_foreign_keys() {
        Path file = only("CREATE TABLE a (id int PRIMARY KEY, b_id int); CREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a(id));"
                + " ALTER TABLE a ADD FOREIGN KEY (b_id) REFERENCES b(id);", "");
        assertThat(AutogenFixture.up(file)).containsSubsequence("ALTER TABLE a DROP CONSTRAINT a_b_id_fkey;", "DROP TABLE a;")
                .containsSubsequence("ALTER TABLE b DROP CONSTRAINT b_a_id_fkey;", "DROP TABLE b;");
    }

    @Test
    void a_sql_function_reading_a_new_table_comes_after_it_and_a_view_calling_it_after_both() {
        Path file = only("", "CREATE TABLE t (a int); CREATE FUNCTION total() RETURNS bigint LANGUAGE sql AS 'SELECT sum(a) FROM t';"
                + " CREATE VIEW v AS SELECT total() AS n;");
        assertThat(AutogenFixture.up(file)).containsSubsequence("CREATE TABLE t (", "CREATE OR REPLACE FUNCTION public.total()",
                "CREATE VIEW v AS");
        assertThat(AutogenFixture.down(file)).containsSubsequence("DROP VIEW v;", "DROP TABLE t;", "DROP FUNCTION total();");
    }
}
