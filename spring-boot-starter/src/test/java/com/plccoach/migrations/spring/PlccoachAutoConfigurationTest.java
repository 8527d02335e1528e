package com.plccoach.migrations.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.testing.TestDatabase;
import org.springframework.beans.factory.InitializingBean;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The auto-configuration on Boot 4.0 against the real server; it/ proves 3.5 and 4.0 in whole applications. */
class PlccoachAutoConfigurationTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PlccoachAutoConfiguration.class, JdbcTemplateAutoConfiguration.class));

    @BeforeEach
    void emptyDatabase() throws SQLException {
        db.recreate();
    }

    @Test
    void startingTheApplicationAppliesEveryRevisionBeforeAJdbcTemplateUserReadsTheTables() {
        runner.withUserConfiguration(DataSourceConfig.class, MessageReader.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(MessageReader.class).countAtStart).isZero();
            assertThat(db.query("select id from plccoach_version order by id")).containsExactly("001", "002");
        });
    }

    @Test
    void enabledFalseCreatesNoMigratorAndLeavesTheDatabaseUntouched() {
        runner.withUserConfiguration(DataSourceConfig.class).withPropertyValues("plccoach.enabled=false").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(Migrator.class).doesNotHaveBean(PlccoachMigrationInitializer.class);
            assertThat(db.query("select to_regclass('users') is null")).containsExactly("t");
        });
    }

    @Test
    void anApplicationWithoutDataSourceOrUrlGetsNoMigrator() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Migrator.class));
    }

    @Test
    void aBadRevisionStopsTheStartWithTheRevisionFilesMessage() {
        runner.withUserConfiguration(DataSourceConfig.class).withPropertyValues("plccoach.locations=classpath:db/bad").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("20251113_0100_001_no_header.sql")
                    .hasMessageContaining("no '-- revision: <id>' line in the header");
            assertThat(db.query("select to_regclass('plccoach_version') is null")).containsExactly("t");
        });
    }

    @Test
    void aStrategyBeanReplacesTheUpgrade() {
        runner.withUserConfiguration(DataSourceConfig.class, CheckOnlyStrategy.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(CheckOnlyStrategy.class).pending).containsExactly("001", "002");
            assertThat(db.query("select to_regclass('users') is null")).containsExactly("t");
        });
    }

    @Test
    void severalDataSourcesWithoutAQualifiedOneStopTheStartNamingTheAnnotation() {
        runner.withUserConfiguration(TwoDataSources.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(PlccoachConfigurationException.class)
                    .hasMessageContaining("none is marked @PlccoachDataSource");
        });
    }

    @Test
    void theQualifiedDataSourceIsMigratedWhenThereAreSeveral() {
        runner.withUserConfiguration(TwoDataSources.class, QualifiedDataSource.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(db.query("select id from plccoach_version order by id")).containsExactly("001", "002");
        });
    }

    @Test
    void targetStopsTheUpgradeAtThatRevision() {
        runner.withUserConfiguration(DataSourceConfig.class).withPropertyValues("plccoach.target=001").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(db.query("select id from plccoach_version")).containsExactly("001");
        });
    }

    @Test
    void urlMigratesThatDatabaseWithoutAnyDataSourceBean() {
        runner.withPropertyValues("plccoach.url=" + db.url()).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Migrator.class);
            assertThat(db.query("select id from plccoach_version order by id")).containsExactly("001", "002");
        });
    }

    @Test
    void userMigratesTheDataSourcesDatabaseAsThatRole() throws SQLException {
        String role = "plccoach_spring_owner" + db.name().substring(db.name().lastIndexOf('_')); // the database's random suffix
        try (var connection = db.connect(); var statement = connection.createStatement()) {
            statement.execute("DROP ROLE IF EXISTS " + role);
            statement.execute("CREATE ROLE " + role + " LOGIN");
            statement.execute("GRANT CREATE ON SCHEMA public TO " + role);
            statement.execute("GRANT CREATE ON DATABASE \"" + db.name() + "\" TO " + role);
        }
        try {
            runner.withUserConfiguration(DataSourceConfig.class).withPropertyValues("plccoach.user=" + role).run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(db.query("select distinct applied_by from plccoach_version")).containsExactly(role);
            });
        } finally {
            try (var connection = db.connect(); var statement = connection.createStatement()) {
                statement.execute("DROP OWNED BY " + role);
                statement.execute("DROP ROLE " + role);
            }
        }
    }

    static DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(db.url());
        return dataSource;
    }

    @Configuration(proxyBeanMethods = false)
    static class DataSourceConfig {
        @Bean
        DataSource dataSource() {
            return PlccoachAutoConfigurationTest.dataSource();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoDataSources {
        @Bean
        DataSource first() {
            return PlccoachAutoConfigurationTest.dataSource();
        }

        @Bean
        DataSource second() {
            return PlccoachAutoConfigurationTest.dataSource();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class QualifiedDataSource {
        @Bean
        @PlccoachDataSource
        DataSource migrated() {
            return PlccoachAutoConfigurationTest.dataSource();
        }
    }

    /** A bean that, like a service warming a cache, reads a migrated table as soon as it is created. */
    static class MessageReader implements InitializingBean {
        private final JdbcTemplate jdbc;
        Integer countAtStart;

        MessageReader(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public void afterPropertiesSet() {
            countAtStart = jdbc.queryForObject("select count(*) from messages", Integer.class);
        }
    }

    static class CheckOnlyStrategy implements PlccoachMigrationStrategy {
        List<String> pending;

        @Override
        public void migrate(Migrator migrator) {
            pending = migrator.check().pending();
        }
    }
}
