package com.plccoach.migrations.internal.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.FleetConfig;
import com.plccoach.migrations.FleetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetPropertiesTest {

    @TempDir
    Path dir;

    @Test
    void a_databases_file_skips_comments_and_blank_lines() throws Exception {
        Path file = write("# tenants of region eu\n\njdbc:postgresql://127.0.0.1:5432/acme   # big one\n"
                + "postgresql://app@127.0.0.1:5433/globex\n");

        FleetConfig config = FleetConfig.fromProperties(file.toString(), null, 8, false);

        assertThat(config.databases()).containsExactly("jdbc:postgresql://127.0.0.1:5432/acme", "postgresql://app@127.0.0.1:5433/globex");
        assertThat(config.parallelism()).isEqualTo(8);
    }

    @Test
    void a_bad_url_names_the_file_and_the_line() throws Exception {
        Path file = write("jdbc:postgresql://127.0.0.1:5432/acme\nmysql://127.0.0.1/globex\n");

        assertThatThrownBy(() -> FleetConfig.fromProperties(file.toString(), null, 4, false))
                .isInstanceOf(FleetException.class)
                .hasMessageStartingWith(file + ", line 2: Cannot read the database URL mysql://127.0.0.1/globex");
    }

    @Test
    void a_bad_url_with_a_password_never_shows_the_password() throws Exception {
        Path file = write("mysql://app:s3cret@127.0.0.1/globex\n");

        assertThatThrownBy(() -> FleetConfig.fromProperties(file.toString(), null, 4, false))
                .isInstanceOf(FleetException.class)
                .hasMessageContaining("mysql://app:***@127.0.0.1/globex")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void a_database_listed_twice_names_both_lines() throws Exception {
        Path file = write("jdbc:postgresql://127.0.0.1:5432/acme\n# again\npostgresql://127.0.0.1/acme\n");

        assertThatThrownBy(() -> FleetConfig.fromProperties(file.toString(), null, 4, false))
                .isInstanceOf(FleetException.class)
                .hasMessage(file + ", line 3: 127.0.0.1:5432/acme is already listed on line 1; each database may appear once"
                        + " (remove one of the lines)");
    }

    @Test
    void a_file_without_a_url_says_how_to_write_one() throws Exception {
        Path file = write("# nothing yet\n\n");

        assertThatThrownBy(() -> FleetConfig.fromProperties(file.toString(), null, 4, false))
                .isInstanceOf(FleetException.class)
                .hasMessageStartingWith("The databases file " + file + " lists no database: write one connection URL per line");
    }

    @Test
    void a_missing_file_says_what_the_property_expects() {
        Path missing = dir.resolve("tenants.txt");

        assertThatThrownBy(() -> FleetConfig.fromProperties(missing.toString(), null, 4, false))
                .isInstanceOf(FleetException.class)
                .hasMessageContaining("Cannot read the databases file " + missing.toAbsolutePath())
                .hasMessageEndingWith("plccoach.databases names a file with one connection URL per line, or query:<SQL>");
    }

    @Test
    void a_query_keeps_its_sql_for_the_run() {
        FleetConfig config = FleetConfig.fromProperties("query: SELECT url FROM tenants", "QUERY:SELECT name FROM tenants", 4, false);

        assertThat(config.databasesQuery()).isEqualTo("SELECT url FROM tenants");
        assertThat(config.schemasQuery()).isEqualTo("SELECT name FROM tenants");
    }

    @Test
    void a_query_without_sql_is_refused_with_an_example() {
        assertThatThrownBy(() -> FleetConfig.fromProperties("query:", null, 4, false))
                .isInstanceOf(FleetException.class)
                .hasMessage("plccoach.databases=query: needs the SQL after the colon, e.g. plccoach.databases=\"query:SELECT url FROM"
                        + " tenants WHERE active\"");
    }

    @Test
    void schemas_are_a_comma_separated_list() {
        assertThat(FleetConfig.fromProperties(null, "tenant_a, tenant_b,,tenant_c", 4, false).schemas())
                .isEqualTo(List.of("tenant_a", "tenant_b", "tenant_c"));
    }

    @Test
    void a_schema_named_twice_is_refused() {
        assertThatThrownBy(() -> FleetConfig.fromProperties(null, "tenant_a,tenant_a", 4, false))
                .isInstanceOf(FleetException.class)
                .hasMessage("plccoach.schemas names the schema tenant_a twice; each schema may appear once");
    }

    @Test
    void parallelism_below_one_is_refused_naming_the_property() {
        assertThatThrownBy(() -> FleetConfig.fromProperties(null, "a", 0, false))
                .isInstanceOf(FleetException.class)
                .hasMessage("parallelism must be at least 1, not 0 (plccoach.parallelism, default 4)");
    }

    @Test
    void a_schema_with_capitals_is_quoted_in_the_search_path() {
        assertThat(FleetMembers.withSearchPath("jdbc:postgresql://h/db?sslmode=disable", "Acme"))
                .isEqualTo("jdbc:postgresql://h/db?sslmode=disable&currentSchema=%22Acme%22%2Cpublic");
        assertThat(FleetMembers.withSearchPath("jdbc:postgresql://h/db", "acme")).isEqualTo("jdbc:postgresql://h/db?currentSchema=acme%2Cpublic");
    }

    private Path write(String text) throws Exception {
        return Files.writeString(dir.resolve("databases.txt"), text);
    }
}
