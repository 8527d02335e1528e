package com.plccoach.migrations.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildEnvironmentTest {

    private static final Map<String, String> MAVEN_SHELL = Map.of(
            "PATH", System.getenv("PATH"),
            "LANG", "C.UTF-8",
            "LC_ALL", "C.UTF-8",
            "HOME", "/home/dev",
            "MAVEN_CMD_LINE_ARGS", "plccoach:downgrade -Dplccoach.password=S3cretX",
            "MAVEN_OPTS", "-Xmx1g",
            "JAVA_TOOL_OPTIONS", "-Dplccoach.password=S3cretX",
            "DATABASE_URL", "postgresql://app:S3cretX@h/db",
            "PGPASSWORD", "S3cretX",
            "VAULT_ADDR", "https://vault.internal");

    @TempDir
    Path home;

    @Test
    void pg_dump_and_pg_restore_get_path_and_locale_only() {
        assertThat(ChildEnvironment.forClients(MAVEN_SHELL))
                .containsOnlyKeys("PATH", "LANG", "LC_ALL");
    }

    @Test
    void a_password_command_sees_no_maven_variable_nor_any_password_of_its_caller() {
        // the command prints its own environment as the "password": what it saw is what it got
        String seen = new PasswordSources(MAVEN_SHELL, home, Duration.ofSeconds(10)).runCommand("env");

        assertThat(seen).doesNotContain("MAVEN_").doesNotContain("S3cretX").doesNotContain("JAVA_TOOL_OPTIONS")
                .contains("VAULT_ADDR=https://vault.internal");
    }
}
