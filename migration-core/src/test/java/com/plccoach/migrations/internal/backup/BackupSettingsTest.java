package com.plccoach.migrations.internal.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.ScriptSource;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BackupSettingsTest {

    @Test
    void a_password_in_the_jdbc_url_reaches_the_clients_through_the_settings_not_their_arguments() {
        BackupSettings settings = BackupSettings.from(Migrator.builder().url("jdbc:postgresql://h:5432/db?user=u&password=p%40ss%3Aword")
                .scripts(ScriptSource.directory(Path.of("x"))).config());

        assertThat(settings.password()).isEqualTo("p@ss:word");
        assertThat(settings.toString()).doesNotContain("p@ss").contains("password=***");
    }

    @Test
    void the_configured_password_wins_over_the_url() {
        BackupSettings settings = BackupSettings.from(Migrator.builder().url("jdbc:postgresql://h/db?password=url").password("given")
                .scripts(ScriptSource.directory(Path.of("x"))).config());

        assertThat(settings.password()).isEqualTo("given");
    }

    @Test
    void colons_and_backslashes_of_a_password_are_escaped_for_the_password_file() {
        assertThat(PgPassFile.escape("a:b\\c")).isEqualTo("a\\:b\\\\c");
    }
}
