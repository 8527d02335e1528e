package com.plccoach.migrations.internal.safety;

import com.plccoach.migrations.Direction;
import com.plccoach.migrations.MigratorConfig;
import com.plccoach.migrations.PlanReport;
import com.plccoach.migrations.internal.backup.BackupResult;
import com.plccoach.migrations.internal.backup.BackupSettings;
import com.plccoach.migrations.internal.backup.PgDumpBackup;
import com.plccoach.migrations.internal.execution.PreparedPlan;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order every run that can destroy data follows, before its first statement: analyse the plan
 * (rolled back), refuse it if it loses data without allowDataLoss, and before a downgrade back up
 * what it destroys. Called inside the run's own transaction, so the backup's locks and snapshot
 * hold until the revert commits.
 */
public final class SafetyGate {

    private static final Logger LOG = LoggerFactory.getLogger(SafetyGate.class);

    private final ImpactAnalyzer analyzer;
    private final DataLossGuard guard;
    private final BackupSettings backup;

    public SafetyGate(ImpactAnalyzer analyzer, DataLossGuard guard, BackupSettings backup) {
        this.analyzer = analyzer;
        this.guard = guard;
        this.backup = backup;
    }

    public static SafetyGate of(MigratorConfig config) {
        return new SafetyGate(new ImpactAnalyzer(), new DataLossGuard(config.allowDataLoss()), BackupSettings.from(config));
    }

    /** Only a downgrade backs up, so only a downgrade resolves the password for pg_dump (a password command runs once less). */
    public static SafetyGate of(MigratorConfig config, Direction direction) {
        if (direction == Direction.DOWNGRADE) {
            return of(config);
        }
        return new SafetyGate(new ImpactAnalyzer(), new DataLossGuard(config.allowDataLoss()),
                new BackupSettings(com.plccoach.migrations.BackupMode.NONE, config.backupDir(), config.pgDump(), config.pgRestore(),
                        config.lockTimeout(), BackupSettings.DEFAULT_TIMEOUT, null));
    }

    /**
     * Analyses, guards and (for a downgrade) backs up; returns the archive of the backup, if one was taken.
     *
     * @param transaction the run's connection, autocommit off, nothing run yet in its transaction
     */
    public Optional<Path> beforeRun(Connection transaction, PreparedPlan plan) {
        if (plan.direction() == Direction.UPGRADE && !ExistingData.anyRows(transaction)) {
            // The analysis runs the whole plan once more; with no row anywhere it could find nothing to lose.
            LOG.debug("No table holds a row: the upgrade to {} cannot lose data, so it is not analysed first", plan.target());
            return Optional.empty();
        }
        PlanReport report = analyzer.analyse(transaction, plan.direction(), plan.target(), plan.revisions());
        LOG.info("{}", report.render());
        guard.check(report);
        if (plan.direction() != Direction.DOWNGRADE) {
            return Optional.empty();
        }
        return new PgDumpBackup(backup).take(transaction, report, "downgrade_to_" + plan.target()).map(BackupResult::archive);
    }

    /** The report {@code plan} prints: analysed on the connection, with the verdict the guard would give. */
    public PlanReport report(Connection connection, PreparedPlan plan) {
        return guard.judge(analyzer.analyse(connection, plan.direction(), plan.target(), plan.revisions()));
    }
}
