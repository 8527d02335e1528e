package com.plccoach.migrations.internal.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.RevisionFileException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlSplitterTest {

    private static List<SqlStatement> split(String sql) {
        return SqlSplitter.split(sql, 10, "r.sql");
    }

    private static List<String> texts(String sql) {
        return split(sql).stream().map(SqlStatement::sql).toList();
    }

    @Test
    void semicolons_separate_statements_and_each_keeps_its_file_line() {
        List<SqlStatement> statements = split("CREATE TABLE a (id int);\n\nCREATE TABLE b (id int);\nDROP TABLE c");
        assertThat(statements).extracting(SqlStatement::sql)
                .containsExactly("CREATE TABLE a (id int)", "CREATE TABLE b (id int)", "DROP TABLE c");
        assertThat(statements).extracting(SqlStatement::line).containsExactly(10, 12, 13);
    }

    @Test
    void a_blank_or_comment_only_part_has_no_statements() {
        assertThat(split("  \n-- nothing here\n/* nor here */\n")).isEmpty();
        assertThat(SqlSplitter.split(null, 1, "r.sql")).isEmpty();
    }

    @Test
    void a_semicolon_in_a_standard_string_does_not_split() {
        assertThat(texts("INSERT INTO t VALUES ('a;b', 'it''s; fine');SELECT 1"))
                .containsExactly("INSERT INTO t VALUES ('a;b', 'it''s; fine')", "SELECT 1");
    }

    @Test
    void a_backslash_in_a_standard_string_is_an_ordinary_character() {
        assertThat(texts("SELECT 'C:\\';SELECT 2")).containsExactly("SELECT 'C:\\'", "SELECT 2");
    }

    @Test
    void an_escape_string_may_hide_a_quote_behind_a_backslash() {
        assertThat(texts("SELECT E'it\\'s; here';SELECT e'\\\\';SELECT 3"))
                .containsExactly("SELECT E'it\\'s; here'", "SELECT e'\\\\'", "SELECT 3");
    }

    @Test
    void a_quoted_identifier_may_hold_semicolons_and_doubled_quotes() {
        assertThat(texts("CREATE TABLE \"odd;name\"\"x\" (id int);SELECT 1"))
                .containsExactly("CREATE TABLE \"odd;name\"\"x\" (id int)", "SELECT 1");
    }

    @Test
    void a_dollar_quoted_body_is_one_statement_even_with_other_tags_and_quotes_inside() {
        String fn = "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$\nBEGIN\n  PERFORM $$;$$;\n  RETURN 1; -- ';\nEND;\n$body$";
        List<SqlStatement> statements = split(fn + ";\nSELECT f();");
        assertThat(statements).extracting(SqlStatement::sql).containsExactly(fn, "SELECT f()");
        assertThat(statements).extracting(SqlStatement::line).containsExactly(10, 16);
    }

    @Test
    void a_positional_parameter_is_not_a_dollar_quote() {
        assertThat(texts("PREPARE p AS SELECT $1;SELECT 2")).containsExactly("PREPARE p AS SELECT $1", "SELECT 2");
    }

    @Test
    void line_comments_may_hold_semicolons_and_quotes() {
        assertThat(texts("SELECT 1 -- it's; a comment\n;SELECT 2")).containsExactly("SELECT 1 -- it's; a comment", "SELECT 2");
    }

    @Test
    void block_comments_nest() {
        List<SqlStatement> statements = split("/* outer /* inner; */ still; comment */\nSELECT 1;SELECT 2");
        assertThat(statements).extracting(SqlStatement::sql).containsExactly("SELECT 1", "SELECT 2");
        assertThat(statements.get(0).line()).isEqualTo(11);
    }

    @Test
    void a_standard_sql_function_body_keeps_its_inner_semicolons() {
        String proc = "CREATE PROCEDURE p() LANGUAGE sql\nBEGIN ATOMIC\n  INSERT INTO t VALUES (CASE WHEN true THEN 1 END);\n  DELETE FROM t;\nEND";
        assertThat(texts(proc + ";\nSELECT 1;")).containsExactly(proc, "SELECT 1");
    }

    @Test
    void begin_outside_a_routine_is_an_ordinary_statement() {
        assertThat(texts("BEGIN;SELECT 1;COMMIT;")).containsExactly("BEGIN", "SELECT 1", "COMMIT");
    }

    @Test
    void copy_from_stdin_carries_its_data_lines_up_to_the_end_marker() {
        List<SqlStatement> statements = split("COPY t (a, b) FROM stdin;\n1\tx;y\n2\t'q\n\\.\nSELECT 1;");
        assertThat(statements).hasSize(2);
        assertThat(statements.get(0).sql()).isEqualTo("COPY t (a, b) FROM stdin");
        assertThat(statements.get(0).copyData()).isEqualTo("1\tx;y\n2\t'q\n");
        assertThat(statements.get(1)).isEqualTo(new SqlStatement("SELECT 1", 14));
    }

    @Test
    void copy_data_without_its_end_marker_is_reported_with_file_and_line() {
        assertThatThrownBy(() -> split("SELECT 1;\nCOPY t FROM STDIN;\n1\n2\n"))
                .isInstanceOf(RevisionFileException.class)
                .hasMessage("r.sql:11: the data of COPY ... FROM stdin is not ended by a line holding only \\. ; add that line after the last data row");
    }

    @Test
    void an_unterminated_string_is_reported_where_it_starts() {
        assertThatThrownBy(() -> split("SELECT 1;\nSELECT 'oops;\nSELECT 2;"))
                .isInstanceOf(RevisionFileException.class)
                .hasMessage("r.sql:11: string literal is never closed; close it with '");
    }

    @Test
    void an_unterminated_dollar_quote_is_reported_where_it_starts() {
        assertThatThrownBy(() -> split("\n\nDO $x$ BEGIN END $y$;"))
                .isInstanceOf(RevisionFileException.class)
                .hasMessage("r.sql:12: dollar-quoted string $x$ is never closed; close it with $x$");
    }

    @Test
    void an_unterminated_block_comment_is_reported_where_it_starts() {
        assertThatThrownBy(() -> split("SELECT 1; /* /* */"))
                .isInstanceOf(RevisionFileException.class)
                .hasMessage("r.sql:10: block comment /* is never closed; close it with */");
    }

    @Test
    void an_unterminated_quoted_identifier_is_reported_where_it_starts() {
        assertThatThrownBy(() -> split("SELECT \"a;"))
                .isInstanceOf(RevisionFileException.class)
                .hasMessage("r.sql:10: quoted identifier is never closed; close it with \"");
    }

    @Test
    void lines_inside_strings_and_comments_are_counted() {
        List<SqlStatement> statements = split("SELECT 'a\nb';\n/* x\ny */ SELECT E'c\\\nd';\nSELECT \"e\nf\";SELECT 4");
        assertThat(statements).extracting(SqlStatement::line).containsExactly(10, 13, 15, 16);
    }
}
