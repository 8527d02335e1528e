package com.plccoach.migrations.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StateSqlTest {

    @Test
    void identifiers_are_quoted_so_any_schema_name_works() {
        assertThat(new StateSql("My \"odd\" schema").versionTable()).isEqualTo("\"My \"\"odd\"\" schema\".\"plccoach_version\"");
    }

    @Test
    void literals_double_quotes_and_escape_backslashes_whatever_standard_conforming_strings_says() {
        assertThat(StateSql.quoteLiteral("it's")).isEqualTo("'it''s'");
        assertThat(StateSql.quoteLiteral("a\\b'")).isEqualTo("E'a\\\\b'''");
    }

    @Test
    void version_rows_are_inserted_and_deleted_by_id() {
        StateSql sql = new StateSql("public");
        assertThat(sql.insertVersion("ab12", "ff", 7))
                .isEqualTo("INSERT INTO \"public\".\"plccoach_version\" (id, checksum, duration_ms) VALUES ('ab12', 'ff', 7)");
        assertThat(sql.deleteVersion("ab12")).isEqualTo("DELETE FROM \"public\".\"plccoach_version\" WHERE id = 'ab12'");
    }

    @Test
    void many_version_rows_are_inserted_in_one_statement_each_literal_quoted() {
        StateSql sql = new StateSql("public");
        assertThat(sql.insertVersions(java.util.List.of(new StateSql.VersionRow("r1", "aa", 3), new StateSql.VersionRow("it's", "bb", 0))))
                .isEqualTo("INSERT INTO \"public\".\"plccoach_version\" (id, checksum, duration_ms) VALUES ('r1', 'aa', 3), ('it''s', 'bb', 0)");
    }

    @Test
    void many_version_rows_are_deleted_in_one_statement() {
        assertThat(new StateSql("public").deleteVersions(java.util.List.of("r1", "r2")))
                .isEqualTo("DELETE FROM \"public\".\"plccoach_version\" WHERE id IN ('r1', 'r2')");
    }
}
