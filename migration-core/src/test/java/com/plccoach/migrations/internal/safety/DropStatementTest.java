package com.plccoach.migrations.internal.safety;

import static org.assertj.core.api.Assertions.assertThat;

import com.plccoach.migrations.internal.safety.DropStatement.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a downgrade's statements say they destroy, read without a database. */
class DropStatementTest {

    @Test
    void a_drop_table_names_every_table_as_written_and_whether_it_cascades() {
        DropStatement drop = DropStatement.parse("DROP TABLE IF EXISTS feedback, app.\"Old Notes\" CASCADE;");

        assertThat(drop).isEqualTo(new DropStatement(Kind.RELATION, List.of("feedback", "app.\"Old Notes\""), List.of(), true, false));
    }

    @Test
    void an_alter_table_lists_the_columns_its_actions_drop_and_not_its_constraints() {
        DropStatement drop = DropStatement.parse("ALTER TABLE ONLY conversations DROP COLUMN summary, DROP CONSTRAINT c_fk, "
                + "ADD COLUMN note text DEFAULT 'a,b', DROP IF EXISTS \"Rating\" CASCADE");

        assertThat(drop.kind()).isEqualTo(Kind.ALTER_TABLE);
        assertThat(drop.names()).containsExactly("conversations");
        assertThat(drop.columns()).containsExactly("summary", "\"Rating\"");
        assertThat(drop.cascade()).isTrue();
    }

    @Test
    void a_truncate_reads_only_and_cascade() {
        assertThat(DropStatement.parse("TRUNCATE TABLE ONLY a, b RESTART IDENTITY CASCADE"))
                .isEqualTo(new DropStatement(Kind.TRUNCATE, List.of("a", "b"), List.of(), true, true));
    }

    @Test
    void schemas_types_and_extensions_are_roots_to_follow() {
        assertThat(DropStatement.parse("DROP SCHEMA archive CASCADE").kind()).isEqualTo(Kind.SCHEMA);
        assertThat(DropStatement.parse("DROP DOMAIN email").kind()).isEqualTo(Kind.TYPE);
        assertThat(DropStatement.parse("drop extension if exists hstore").kind()).isEqualTo(Kind.EXTENSION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DELETE FROM t WHERE id = 1", "UPDATE t SET a = 1", "DROP FUNCTION f(int)", "DROP TRIGGER tr ON t"})
    void statements_that_destroy_no_table_or_column_are_read_as_nothing(String sql) {
        assertThat(DropStatement.parse(sql).kind()).isEqualTo(Kind.NOTHING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DO $$ BEGIN EXECUTE 'DROP TABLE t'; END $$", "SELECT purge()", "CALL purge()",
            "DROP FUNCTION f(int) CASCADE", "DROP OWNED BY app"})
    void statements_whose_effect_the_text_does_not_tell_cannot_be_read(String sql) {
        assertThat(DropStatement.parse(sql)).isNull();
    }
}
