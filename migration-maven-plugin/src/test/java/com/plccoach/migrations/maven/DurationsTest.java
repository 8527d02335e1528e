package com.plccoach.migrations.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void short_forms_are_read() throws MojoFailureException {
        assertThat(Durations.parse("p", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("p", "10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(Durations.parse("p", "5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("p", "1h")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void iso_8601_is_read() throws MojoFailureException {
        assertThat(Durations.parse("p", "PT1M30S")).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void a_blank_value_means_the_default() throws MojoFailureException {
        assertThat(Durations.parse("p", " ")).isNull();
    }

    @Test
    void anything_else_fails_naming_the_property_and_the_forms() {
        assertThatThrownBy(() -> Durations.parse("plccoach.lockWait", "ten minutes"))
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("plccoach.lockWait is 'ten minutes', not a duration: write it as 500ms, 10s, 5m, 1h or PT10S");
    }
}
