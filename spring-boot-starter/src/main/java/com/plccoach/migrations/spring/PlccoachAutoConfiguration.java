package com.plccoach.migrations.spring;

import com.plccoach.migrations.Migrator;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;

/**
 * Migrates the application's database at start-up, shaped like Spring Boot's
 * FlywayAutoConfiguration: a {@link Migrator} bean built from {@code plccoach.*}, and a
 * {@link PlccoachMigrationInitializer} that Boot's database-initialization ordering runs before
 * JPA and JdbcTemplate users.
 *
 * <p>DataSourceAutoConfiguration moved between the supported lines
 * ({@code org.springframework.boot.autoconfigure.jdbc} on 3.5, the spring-boot-jdbc module's
 * {@code org.springframework.boot.jdbc.autoconfigure} on 4.0), so it is named by string: an
 * {@code afterName} that is not on the classpath is ignored.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration"})
@ConditionalOnClass(Migrator.class)
@Conditional(PlccoachAutoConfiguration.DataSourceCondition.class)
@ConditionalOnBooleanProperty(name = "plccoach.enabled", matchIfMissing = true)
@EnableConfigurationProperties(PlccoachProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public class PlccoachAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Migrator plccoachMigrator(PlccoachProperties properties, ResourceLoader resourceLoader, ObjectProvider<DataSource> dataSource,
                              @PlccoachDataSource ObjectProvider<DataSource> plccoachDataSource) {
        return new PlccoachMigratorFactory(properties, resourceLoader.getClassLoader())
                .create(plccoachDataSource.getIfAvailable(), dataSource.getIfUnique());
    }

    @Bean
    @ConditionalOnMissingBean
    PlccoachMigrationInitializer plccoachMigrationInitializer(Migrator migrator, ObjectProvider<PlccoachMigrationStrategy> strategy,
                                                              PlccoachProperties properties) {
        return new PlccoachMigrationInitializer(migrator, strategy.getIfAvailable(), properties.getTarget());
    }

    /**
     * A DataSource bean or {@code plccoach.url}. Several DataSources without a
     * {@code @PlccoachDataSource} do not switch the migration off silently: the Migrator bean then
     * fails with a message saying which switch to use.
     */
    static final class DataSourceCondition extends AnyNestedCondition {

        DataSourceCondition() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnBean(DataSource.class)
        static final class DataSourceBean {
        }

        @ConditionalOnProperty("plccoach.url")
        static final class UrlProperty {
        }
    }
}
