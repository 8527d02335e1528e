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
}
