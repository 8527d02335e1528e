package com.plccoach.migrations.internal.safety;

import com.plccoach.migrations.internal.progress.ScratchRuns;

import com.plccoach.migrations.Direction;
import com.plccoach.migrations.MigratorConfig;
import com.plccoach.migrations.PlanReport;
import com.plccoach.migrations.internal.backup.BackupResult;
import com.plccoach.migrations.internal.backup.BackupSettings;
import com.plccoach.migrations.internal.backup.PgDumpBackup;
import com.plccoach.migrations.internal.graph.Plan;
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
    private final boolean transactionPerRevision;
    /** A scratch database's run: the analysis and the backup it does not take are not the user's business. */
    private final boolean quiet;

    public SafetyGate(ImpactAnalyzer analyzer, DataLossGuard guard, BackupSettings backup) {
        this(analyzer, guard, backup, false);
    }

    /** @param transactionPerRevision whether the run commits after each revision: a backup then covers only the first */
    public SafetyGate(ImpactAnalyzer analyzer, DataLossGuard guard, BackupSettings backup, boolean transactionPerRevision) {
        this(analyzer, guard, backup, transactionPerRevision, false);
    }

    private SafetyGate(ImpactAnalyzer analyzer, DataLossGuard guard, BackupSettings backup, boolean transactionPerRevision,
                       boolean quiet) {
        this.quiet = quiet;
        this.analyzer = analyzer;
        this.guard = guard;
        this.backup = backup;
        this.transactionPerRevision = transactionPerRevision;
    }

    public static SafetyGate of(MigratorConfig config) {
        return new SafetyGate(new ImpactAnalyzer(), new DataLossGuard(config.allowDataLoss()), BackupSettings.from(config),
                config.transactionPerRevision(), ScratchRuns.isScratch(config.applicationName()));
    }

    /** Only a downgrade backs up, so only a downgrade resolves the password for pg_dump (a password command runs once less). */
    public static SafetyGate of(MigratorConfig config, Direction direction) {
        if (direction == Direction.DOWNGRADE) {
            return of(config);
        }
        return new SafetyGate(new ImpactAnalyzer(), new DataLossGuard(config.allowDataLoss()),
                new BackupSettings(com.plccoach.migrations.BackupMode.NONE, config.backupDir(), config.pgDump(), config.pgRestore(),
                        config.lockTimeout(), BackupSettings.DEFAULT_TIMEOUT, null), config.transactionPerRevision(),
                ScratchRuns.isScratch(config.applicationName()));
    }

    /**
     * Analyses, guards and (for a downgrade) backs up; returns the archive of the backup, if one was taken.
     *
     * @param transaction the run's connection, autocommit off, nothing run yet in its transaction
     * @param revisions   the plan's revisions with the statements that will run, in plan order
     */
    public Optional<Path> beforeRun(Connection transaction, Plan plan, List<PlannedRevision> revisions) {
        if (plan.direction() == Direction.UPGRADE && !ExistingData.anyRows(transaction)) {
            // The analysis runs the whole plan once more; with no row anywhere it could find nothing to lose.
            LOG.debug("No table holds a row: the upgrade to {} cannot lose data, so it is not analysed first", plan.target());
            return Optional.empty();
        }
        PlanReport report = analyzer.analyse(transaction, plan.direction(), plan.target(), revisions);
        // the report is what plccoach:plan prints; a run says only what the guard found (one line each)
        LOG.debug("{}", report.render());
        if (!quiet) {
            LOG.info("Analysed the {} to {} in a rolled-back transaction: {}, {}", plan.direction().name().toLowerCase(), plan.target(),
                com.plccoach.migrations.internal.progress.ShortList.of("revision(s)",
                        report.revisions().stream().map(r -> r.revision()).toList()),
                    report.dataLoss().isEmpty() ? "no data lost" : report.dataLoss().size() + " data loss(es)");
        }
        guard.check(report);
        if (plan.direction() != Direction.DOWNGRADE) {
            return Optional.empty();
        }
        BackupCoverage.check(plan, report, backup.mode(), transactionPerRevision);
        if (quiet && backup.mode() == com.plccoach.migrations.BackupMode.NONE) {
            return Optional.empty();
        }
        return new PgDumpBackup(backup).take(transaction, report, "downgrade_to_" + resolvedTarget(plan)).map(BackupResult::archive);
    }

    /**
     * The revisions a downgrade ends at, for the archive's name: a relative target such as {@code -1}
     * or a branch label says nothing once the files move on. These are the parents of the
     * reverted revisions that stay applied; none means base. The target as typed goes in the history row.
     */
    static String resolvedTarget(Plan plan) {
        java.util.Set<String> reverted = new java.util.HashSet<>();
        plan.steps().forEach(r -> reverted.add(r.id()));
        java.util.Set<String> remaining = new java.util.TreeSet<>();
        plan.steps().forEach(r -> {
            r.parents().stream().filter(p -> !reverted.contains(p)).forEach(remaining::add);
        });
        return remaining.isEmpty() ? (plan.steps().isEmpty() ? plan.target() : "base") : String.join("+", remaining);
    }

    /** The report {@code plan} prints: analysed on the connection, with the verdict the guard would give. */
    public PlanReport report(Connection connection, Plan plan, List<PlannedRevision> revisions) {
        return guard.judge(analyzer.analyse(connection, plan.direction(), plan.target(), revisions));
    }
}
