package com.plccoach.migrations.internal.autogen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {

    @Test
    void semicolons_inside_quotes_dollar_quotes_and_comments_do_not_split() {
        List<StatementSplitter.Piece> pieces = StatementSplitter.split("""
                CREATE TABLE "a;b" (x text DEFAULT ';');
                -- a comment; still a comment
                CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$ BEGIN RETURN 1; END $body$;
                /* block; comment */ SELECT E'it\\'s;';
                """);
        assertThat(pieces).extracting(StatementSplitter.Piece::sql).containsExactly(
                "CREATE TABLE \"a;b\" (x text DEFAULT ';')",
                "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$ BEGIN RETURN 1; END $body$",
                "/* block; comment */ SELECT E'it\\'s;'");
    }

    @Test
    void each_statement_knows_the_line_it_starts_on_after_its_leading_comments() {
        List<StatementSplitter.Piece> pieces = StatementSplitter.split("SELECT 1;\n\n-- why\n-- and why\nSELECT\n 2;\n");
        assertThat(pieces).containsExactly(new StatementSplitter.Piece("SELECT 1", 1), new StatementSplitter.Piece("SELECT\n 2", 5));
    }
}
