package com.plccoach.migrations.spring;

import com.plccoach.migrations.Migrator;

/**
 * What to do with the database at start-up, in place of the default upgrade to
 * {@code plccoach.target}. Declare one as a bean, e.g. to only check in production:
 *
 * <pre>
 * &#64;Bean
 * &#64;Profile("production")
 * PlccoachMigrationStrategy checkOnly() {
 *     return migrator -&gt; {
 *         CheckReport report = migrator.check();
 *         if (!report.pending().isEmpty()) {
 *             throw new IllegalStateException("Pending revisions: " + report.pending());
 *         }
 *     };
 * }
 * </pre>
 */
@FunctionalInterface
public interface PlccoachMigrationStrategy {

    /** Runs before any JPA EntityManagerFactory or JdbcTemplate user is created; an exception stops the start. */
    void migrate(Migrator migrator);
}
