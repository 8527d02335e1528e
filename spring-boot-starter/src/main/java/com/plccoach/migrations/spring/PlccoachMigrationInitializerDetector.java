package com.plccoach.migrations.spring;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link PlccoachMigrationInitializer} beans initialize the database, so that
 * the beans its DependsOnDatabaseInitializationDetectors find (EntityManagerFactory, JdbcTemplate,
 * ...) are created after them. Registered in META-INF/spring.factories, as Flyway's is; the package
 * is the same on Boot 3.5 (spring-boot jar) and 4.0 (spring-boot-sql jar).
 */
class PlccoachMigrationInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(PlccoachMigrationInitializer.class);
    }
}
