package com.plccoach.migrations.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.plccoach.migrations.testing.TestDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class PlccoachEndpointTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PlccoachAutoConfiguration.class, PlccoachEndpointAutoConfiguration.class))
            .withUserConfiguration(DataSourceConfig.class);

    @Test
    void theEndpointListsTheAppliedRevisionsAndNothingPendingAfterTheStart() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=plccoach").run(context -> {
            PlccoachEndpoint.Revisions revisions = context.getBean(PlccoachEndpoint.class).revisions();
            assertThat(revisions.applied()).extracting(PlccoachEndpoint.Applied::revision).containsExactly("001", "002");
            assertThat(revisions.pending()).isEmpty();
            assertThat(revisions.heads()).containsExactly("002");
            assertThat(revisions.problems()).isEmpty();
        });
    }

    @Test
    void theEndpointListsWhatATargetLeftPending() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=plccoach", "plccoach.target=001").run(context -> {
            PlccoachEndpoint.Revisions revisions = context.getBean(PlccoachEndpoint.class).revisions();
            assertThat(revisions.appliedHeads()).containsExactly("001");
            assertThat(revisions.pending()).containsExactly("002");
        });
    }

    @Test
    void theEndpointIsAbsentUnlessExposed() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(PlccoachEndpoint.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class DataSourceConfig {
        @Bean
        DataSource dataSource() {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setURL(db.url());
            return dataSource;
        }
    }
}
