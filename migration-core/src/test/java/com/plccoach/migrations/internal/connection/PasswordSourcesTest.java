package com.plccoach.migrations.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.DatabaseUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordSourcesTest {

    private static final DatabaseUrl URL = DatabaseUrl.parse("postgresql://db.internal:5433/plccoach");
    private static final String PATH = System.getenv("PATH");

    @TempDir
    Path home;

    private PasswordSources sources(Map<String, String> env) {
        Map<String, String> withPath = new HashMap<>(env);
        withPath.put("PATH", PATH);
        return new PasswordSources(withPath, home, Duration.ofSeconds(5));
    }

    private Path pgpass(String... lines) throws IOException {
        Path file = home.resolve(".pgpass");
        Files.write(file, java.util.List.of(lines));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private Optional<String> find(PasswordSources sources, DatabaseUrl url, String command) {
        return sources.find(url, "app", command).map(PasswordSources.Found::password);
    }

    @Test
    void the_url_password_comes_before_pgpassword() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:from-url@db.internal:5433/plccoach");

        assertThat(find(sources(Map.of("PGPASSWORD", "from-env")), url, null)).contains("from-url");
    }

    @Test
    void pgpassword_comes_before_the_pgpass_file() throws IOException {
        pgpass("*:*:*:*:from-file");

        assertThat(find(sources(Map.of("PGPASSWORD", "from-env")), URL, null)).contains("from-env");
    }

    @Test
    void the_pgpass_file_comes_before_the_password_command() throws IOException {
        pgpass("*:*:*:*:from-file");

        assertThat(find(sources(Map.of()), URL, "echo from-command")).contains("from-file");
    }

    @Test
    void the_password_command_comes_last() {
        assertThat(find(sources(Map.of()), URL, "echo from-command")).contains("from-command");
    }

    @Test
    void no_source_gives_no_password() {
        assertThat(find(sources(Map.of()), URL, null)).isEmpty();
    }

    @Test
    void the_source_is_named_without_the_value() {
        PasswordSources.Found found = sources(Map.of("PGPASSWORD", "hunter2")).find(URL, "app", null).orElseThrow();

        assertThat(found.source()).isEqualTo("PGPASSWORD");
        assertThat(found.toString()).isEqualTo("password from PGPASSWORD");
    }

    @Test
    void the_first_matching_pgpass_line_wins_and_others_are_skipped() throws IOException {
        pgpass("# comment", "", "other:5433:plccoach:app:wrong-host", "db.internal:5432:plccoach:app:wrong-port",
                "db.internal:5433:other:app:wrong-db", "db.internal:5433:plccoach:bob:wrong-user",
                "db.internal:5433:plccoach:app:right", "*:*:*:*:too-late");

        assertThat(find(sources(Map.of()), URL, null)).contains("right");
    }

    @Test
    void pgpass_wildcards_match_any_value() throws IOException {
        pgpass("db.internal:*:plccoach:*:wild");

        assertThat(find(sources(Map.of()), URL, null)).contains("wild");
    }

    @Test
    void pgpass_escapes_keep_colons_and_backslashes() throws IOException {
        pgpass("db.internal:5433:plccoach:app:a\\:b\\\\c:d");

        assertThat(find(sources(Map.of()), URL, null)).contains("a:b\\c:d");
    }

    @Test
    void pgpassfile_points_to_another_file() throws IOException {
        Path file = pgpass("*:*:*:*:elsewhere");
        Path moved = Files.move(file, home.resolve("other-pgpass"));

        assertThat(find(sources(Map.of("PGPASSFILE", moved.toString())), URL, null)).contains("elsewhere");
    }

    @Test
    void a_pgpass_file_readable_by_others_is_ignored_as_libpq_does() throws IOException {
        Path file = pgpass("*:*:*:*:exposed");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(find(sources(Map.of()), URL, null)).isEmpty();
    }

    @Test
    void pgpass_without_database_in_the_url_matches_the_user_name() throws IOException {
        pgpass("db.internal:5433:app:app:by-user-db");

        assertThat(find(sources(Map.of()), DatabaseUrl.parse("postgresql://db.internal:5433"), null)).contains("by-user-db");
    }

    @Test
    void only_the_trailing_newline_of_the_command_output_is_removed() {
        assertThat(find(sources(Map.of()), URL, "printf 'x  y\\n\\n'")).contains("x  y\n");
    }

    @Test
    void a_command_may_use_a_shell_for_pipes() {
        assertThat(find(sources(Map.of()), URL, "sh -c 'echo {\\\"password\\\":\\\"p1\\\"} | cut -d\\\" -f4'")).contains("p1");
    }

    @Test
    void a_failing_command_is_reported_without_its_output() {
        assertThatThrownBy(() -> find(sources(Map.of()), URL, "sh -c 'echo hunter2; echo hunter2 >&2; exit 3'"))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessage("plccoach.passwordCommand (sh) failed with exit code 3; its output is not shown as it may hold "
                        + "the secret. Run the command yourself to see why")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void a_command_that_prints_nothing_is_an_error() {
        assertThatThrownBy(() -> find(sources(Map.of()), URL, "true"))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessage("plccoach.passwordCommand (true) printed nothing: it must print the password on its standard output");
    }

    @Test
    void a_missing_program_is_named() {
        assertThatThrownBy(() -> find(sources(Map.of()), URL, "no-such-secret-tool --get db"))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageStartingWith("plccoach.passwordCommand (no-such-secret-tool) cannot be started: ")
                .hasMessageEndingWith(". Check that the program is installed and on PATH");
    }

    @Test
    void a_command_that_hangs_is_stopped_at_the_timeout() {
        PasswordSources quick = new PasswordSources(Map.of("PATH", PATH), home, Duration.ofSeconds(1));

        assertThatThrownBy(() -> quick.find(URL, "app", "sleep 30"))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessage("plccoach.passwordCommand (sleep) did not finish within 1 s and was stopped; "
                        + "check that it runs without asking anything");
    }

    @Test
    void a_command_line_is_split_as_a_shell_splits_it() {
        assertThat(PasswordSources.words("aws secretsmanager get-secret-value --secret-id 'plc coach' --query \"Secret\\\"String\" a\\ b"))
                .containsExactly("aws", "secretsmanager", "get-secret-value", "--secret-id", "plc coach", "--query", "Secret\"String", "a b");
    }

    @Test
    void an_unclosed_quote_is_reported() {
        assertThatThrownBy(() -> PasswordSources.words("sh -c 'echo"))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessage("plccoach.passwordCommand has an unclosed ' quote");
    }
}
