package com.plccoach.migrations.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.EnvironmentException;
import com.plccoach.migrations.MigrationException;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void a_jdbc_url_is_kept_with_its_parameters() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://db.example:6543/plccoach?sslmode=require&connectTimeout=5");

        assertThat(url).isEqualTo(new DatabaseUrl("jdbc:postgresql://db.example:6543/plccoach?sslmode=require&connectTimeout=5",
                "db.example", 6543, "plccoach", null, null));
    }

    @Test
    void user_and_password_parameters_of_a_jdbc_url_are_taken_out() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://127.0.0.1/plccoach?user=app&password=s3cret&sslmode=disable");

        assertThat(url).isEqualTo(new DatabaseUrl("jdbc:postgresql://127.0.0.1/plccoach?sslmode=disable",
                "127.0.0.1", 5432, "plccoach", "app", "s3cret"));
    }

    @Test
    void a_libpq_url_becomes_a_jdbc_url_with_its_credentials_apart() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:pa%3Ass%40word@db.internal:5433/plc%20coach?sslmode=verify-full");

        assertThat(url).isEqualTo(new DatabaseUrl("jdbc:postgresql://db.internal:5433/plc coach?sslmode=verify-full",
                "db.internal", 5433, "plc coach", "app", "pa:ss@word"));
    }

    @Test
    void the_sqlalchemy_form_of_the_seed_is_read() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql+psycopg2://postgres:postgres@localhost:5432/plccoach");

        assertThat(url).isEqualTo(new DatabaseUrl("jdbc:postgresql://localhost:5432/plccoach", "localhost", 5432, "plccoach",
                "postgres", "postgres"));
    }

    @Test
    void the_short_postgres_scheme_without_port_or_credentials_is_read() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://db/plccoach");

        assertThat(url).isEqualTo(new DatabaseUrl("jdbc:postgresql://db/plccoach", "db", 5432, "plccoach", null, null));
    }

    @Test
    void a_plus_in_a_password_stays_a_plus() {
        assertThat(DatabaseUrl.parse("postgresql://app:a+b@h/db").password()).isEqualTo("a+b");
    }

    @Test
    void a_user_without_password_is_read() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app@h:5432/db");

        assertThat(url.user()).isEqualTo("app");
        assertThat(url.password()).isNull();
    }

    @Test
    void an_ipv6_host_keeps_its_brackets_in_the_url_and_loses_them_for_pgpass() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://[::1]:5433/db");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5433/db");
        assertThat(url.host()).isEqualTo("::1");
        assertThat(url.port()).isEqualTo(5433);
    }

    @Test
    void a_foreign_url_is_refused_naming_the_accepted_forms_without_its_password() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://root:hunter2@h/db"))
                .isInstanceOf(MigrationException.class)
                .isNotInstanceOf(EnvironmentException.class)
                .hasMessage("Cannot read the database URL mysql://root:***@h/db: use jdbc:postgresql://host:port/db, "
                        + "postgresql://user:pass@host:port/db or postgresql+psycopg2://user:pass@host:port/db");
    }

    @Test
    void a_port_that_is_not_a_number_is_refused() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://h:54x/db"))
                .isInstanceOf(MigrationException.class)
                .hasMessage("The port '54x' in the database URL postgresql://h:54x/db is not a number");
    }

    @Test
    void no_url_at_all_is_the_users_to_give_naming_the_accepted_forms() {
        assertThatThrownBy(() -> DatabaseUrl.parse(null))
                .isInstanceOf(MigrationException.class)
                .isNotInstanceOf(EnvironmentException.class)
                .hasMessage("No database URL given: use jdbc:postgresql://host:port/db, postgresql://user:pass@host:port/db"
                        + " or postgresql+psycopg2://user:pass@host:port/db");
    }

    @Test
    void to_string_hides_the_password() {
        assertThat(DatabaseUrl.parse("postgresql://app:hunter2@h/db").toString()).doesNotContain("hunter2").contains("***");
    }

    private static String messageOf(String url) {
        return org.assertj.core.api.Assertions.catchThrowableOfType(MigrationException.class, () -> DatabaseUrl.parse(url))
                .getMessage();
    }

    @Test
    void an_unencoded_slash_in_a_libpq_password_is_refused_without_showing_it() {
        assertThat(messageOf("postgresql://app:S3cr/etX@db.internal:5432/plccoach"))
                .isEqualTo("The database URL postgresql://app:***@db.internal:5432/plccoach has no valid host list before its first "
                        + "'/' or '?': write host:port, and if the password holds '/', '?', '@' or '%', percent-encode them (%2F, %3F, %40, %25)")
                .doesNotContain("S3cr").doesNotContain("etX");
    }

    @Test
    void an_unencoded_question_mark_in_a_libpq_password_is_refused_without_showing_it() {
        assertThat(messageOf("postgresql://app:S3cr?etX@db.internal/plccoach"))
                .startsWith("The database URL postgresql://app:***@db.internal/plccoach has no valid host list")
                .doesNotContain("S3cr").doesNotContain("etX");
    }

    @Test
    void a_numeric_password_with_an_unencoded_slash_is_not_taken_for_a_port_nor_shown() {
        assertThat(messageOf("postgresql://app:5432/9876@db.internal/plccoach"))
                .isEqualTo("The database URL postgresql://app:***@db.internal/plccoach has an '@' after its host list, in the database "
                        + "name: if the password holds '/', '?', '@' or '%', percent-encode them (%2F, %3F, %40, %25)");
    }

    @Test
    void a_numeric_password_with_an_unencoded_question_mark_is_not_taken_for_a_parameter_nor_shown() {
        assertThat(messageOf("postgresql://app:5432?9876@db.internal/plccoach"))
                .startsWith("The database URL postgresql://app:***@db.internal/plccoach has an '@' after its host list, in a parameter name")
                .doesNotContain("9876");
    }

    @Test
    void an_unencoded_at_sign_in_a_libpq_password_belongs_to_the_password() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:S3cr@etX@db.internal/plccoach");

        assertThat(url.password()).isEqualTo("S3cr@etX");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal/plccoach");
    }

    @Test
    void an_upper_case_password_parameter_is_taken_out_of_the_jdbc_url() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://h/db?PASSWORD=S3cretX&sslmode=disable");

        assertThat(url.password()).isEqualTo("S3cretX");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h/db?sslmode=disable");
    }

    @Test
    void a_bad_percent_escape_in_a_password_is_refused_without_showing_it() {
        assertThat(messageOf("postgresql://app:S3cr%zzetX@h/db"))
                .isEqualTo("The password in the database URL postgresql://app:***@h/db has a '%' not followed by two hexadecimal "
                        + "digits: write a literal '%' as %25");
    }

    @Test
    void a_bad_percent_escape_in_a_password_parameter_is_refused_without_showing_it() {
        assertThat(messageOf("jdbc:postgresql://h/db?password=S3cr%zzetX"))
                .isEqualTo("The password parameter in the database URL jdbc:postgresql://h/db?password=*** has a '%' not followed "
                        + "by two hexadecimal digits: write a literal '%' as %25");
    }

    @Test
    void a_jdbc_url_pgjdbc_cannot_read_is_refused_without_its_password() {
        assertThat(messageOf("jdbc:postgresql://h:5432/db/extra?password=S3cretX"))
                .startsWith("PgJDBC cannot read the database URL jdbc:postgresql://h:5432/db/extra?password=*** :".replace(" :", ":"))
                .doesNotContain("S3cretX");
    }

    @Test
    void a_bad_port_with_a_password_parameter_is_refused_without_the_password() {
        assertThat(messageOf("jdbc:postgresql://h:54x/db?PassWord=S3cretX"))
                .isEqualTo("The port '54x' in the database URL jdbc:postgresql://h:54x/db?PassWord=*** is not a number");
    }

    @Test
    void redaction_hides_everything_a_password_may_have_spilled_into() {
        assertThat(com.plccoach.migrations.MigratorConfig.redactUrl("postgresql://app:S3/cr?et@X@h/db?password=Y&sslmode=disable"))
                .isEqualTo("postgresql://app:***@h/db?password=***&sslmode=disable");
    }
}
