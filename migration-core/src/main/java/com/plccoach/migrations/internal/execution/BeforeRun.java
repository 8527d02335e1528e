package com.plccoach.migrations.internal.execution;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The seam where the backup plugs in: called once per run, on the runner's own connection, holding
 * the migration lock, inside the transaction that will run the plan's first revision (after
 * {@code BEGIN}, before its first statement). When the first revision is {@code transactional: false},
 * it gets a transaction of its own, committed just before that revision runs.
 *
 * <p>Throwing stops the run before anything is reverted or applied: the transaction is rolled back
 * and the failure is recorded in {@code plccoach_history}. A {@link com.plccoach.migrations.MigrationException}
 * (e.g. DataLossException, BackupException) reaches the caller unchanged. The path returned is
 * recorded as the run's {@code backup_path} and reported in {@code MigrationResult.backup()}.
 */
@FunctionalInterface
public interface BeforeRun {

    /** Does nothing and takes no backup. */
    BeforeRun NONE = (connection, plan) -> Optional.empty();

    Optional<Path> beforeRun(Connection connection, PreparedPlan plan) throws SQLException;
}
