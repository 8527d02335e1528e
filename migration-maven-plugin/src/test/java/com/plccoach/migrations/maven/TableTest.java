package com.plccoach.migrations.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void columns_are_aligned_and_the_last_is_left_ragged() {
        Table table = new Table().row("a3", "(head)", "sessions").row("20250102093000", "", "create users");

        assertThat(table.lines()).containsExactly(
                "a3              (head)  sessions",
                "20250102093000          create users");
    }

    @Test
    void trailing_blanks_are_trimmed() {
        assertThat(new Table().row("Depends on:", "").lines()).containsExactly("Depends on:");
    }
}
