package com.plccoach.sample.spare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.Migrator;
import com.plccoach.sample.SampleApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Starts the service by hand on a database no test migrates, to prove what leaves it untouched. */
class SpareDatabaseTest {

    private static final String SPARE = System.getProperty("it.spare.db.url");

    private ConfigurableApplicationContext context;

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void enabledFalseStartsTheServiceWithoutMigrating() {
        context = new SpringApplicationBuilder(NoMigrationConfig.class).web(WebApplicationType.NONE)
                .run("--spring.datasource.url=" + SPARE, "--plccoach.enabled=false", "--spring.jpa.hibernate.ddl-auto=none");
        assertThat(context.getBeansOfType(Migrator.class)).isEmpty();
        assertThat(tables()).isZero();
    }

    @Test
    void aBadRevisionStopsTheStartWithTheToolsMessage() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(SampleApplication.class).web(WebApplicationType.NONE)
                .run("--spring.datasource.url=" + SPARE, "--plccoach.locations=classpath:db/bad"))
                .rootCause()
                .hasMessageContaining("20251201_0900_001_broken.sql")
                .hasMessageContaining("no '-- revision: <id>' line in the header");
        assertThat(tables()).isZero();
    }

    private static long tables() {
        return new JdbcTemplate(new DriverManagerDataSource(SPARE))
                .queryForObject("select count(*) from pg_tables where schemaname = 'public'", Long.class);
    }
}
