package com.plccoach.migrations.spring;

import com.plccoach.migrations.MigrationResult;
import com.plccoach.migrations.Migrator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * The bean that migrates. Spring Boot's database-initialization ordering (see
 * {@link PlccoachMigrationInitializerDetector}) creates it before every bean that depends on the
 * database being initialized: JPA's EntityManagerFactory, JdbcTemplate, NamedParameterJdbcTemplate
 * and beans annotated {@code @DependsOnDatabaseInitialization}.
 */
public class PlccoachMigrationInitializer implements InitializingBean {

    private static final Logger LOG = LoggerFactory.getLogger(PlccoachMigrationInitializer.class);

    private final Migrator migrator;
    private final PlccoachMigrationStrategy strategy;

    /** @param strategy what to run; null upgrades to {@code target} */
    public PlccoachMigrationInitializer(Migrator migrator, PlccoachMigrationStrategy strategy, String target) {
        this.migrator = migrator;
        this.strategy = strategy != null ? strategy : defaultStrategy(target);
    }

    static PlccoachMigrationStrategy defaultStrategy(String target) {
        return migrator -> {
            MigrationResult result = migrator.upgrade(target);
            LOG.info("PLC Coach: {}", result);
        };
    }

    @Override
    public void afterPropertiesSet() {
        strategy.migrate(migrator);
    }

    @Override
    public String toString() {
        return "PlccoachMigrationInitializer[" + migrator + ", strategy=" + strategy + "]";
    }
}
