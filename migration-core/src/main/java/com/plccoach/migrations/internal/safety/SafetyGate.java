package com.plccoach.migrations.internal.safety;

import com.plccoach.migrations.BackupMode;
import com.plccoach.migrations.ShortList;
import com.plccoach.migrations.internal.progress.ScratchRuns;
import com.plccoach.migrations.Direction;
import com.plccoach.migrations.LockUnavailableException;
import com.plccoach.migrations.MigratorConfig;
import com.plccoach.migrations.PlanReport;
import com.plccoach.migrations.PlanReport.Relation;
import com.plccoach.migrations.internal.backup.BackupResult;
import com.plccoach.migrations.internal.backup.BackupSettings;
import com.plccoach.migrations.internal.backup.PgDumpBackup;
import com.plccoach.migrations.internal.execution.BeforeRun;
import com.plccoach.migrations.internal.execution.LockHolders;
import com.plccoach.migrations.internal.execution.PreparedPlan;
import com.plccoach.migrations.internal.execution.PreparedRevision;
import com.plccoach.migrations.internal.execution.RunWatch;
import com.plccoach.migrations.internal.script.SqlStatement;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order every run that can destroy data follows, for one run: before its first statement, a
 * downgrade reads what it will destroy from its statements and the catalog, locks those tables
 * {@code IN SHARE MODE}, refuses if that loses data without allowDataLoss, and backs them up from
 * the transaction's own snapshot; then each statement runs once, watched by the {@link RunGuard},
 * which refuses data loss and (for a downgrade) anything destroyed that the backup does not hold.
 * Only a plan with statements that cannot be read beforehand is analysed first (rolled back), and
 * the log says so. Nothing is run twice to find out what it does.
 */
public final class SafetyGate implements BeforeRun, RunWatch {

    private static final Logger LOG = LoggerFactory.getLogger(SafetyGate.class);

    private final DataLossGuard guard;
    private final BackupSettings backup;
    private final Duration lockTimeout;
    private final boolean transactionPerRevision;
    private RunGuard watch;
    /** A scratch database's run: the analysis and the backup it does not take are not the user's business. */
    private final boolean quiet;

    public SafetyGate(DataLossGuard guard, BackupSettings backup, Duration lockTimeout) {
        this(guard, backup, lockTimeout, false);
    }

    /** @param transactionPerRevision whether the run commits after each revision: a backup then covers only the first */
    public SafetyGate(DataLossGuard guard, BackupSettings backup, Duration lockTimeout, boolean transactionPerRevision) {
        this(guard, backup, lockTimeout, transactionPerRevision, false);
    }

    private SafetyGate(DataLossGuard guard, BackupSettings backup, Duration lockTimeout, boolean transactionPerRevision,
                       boolean quiet) {
        this.quiet = quiet;
        this.guard = guard;
        this.backup = backup;
        this.lockTimeout = lockTimeout;
        this.transactionPerRevision = transactionPerRevision;
    }

    /** Only a downgrade backs up, so only a downgrade resolves the password for pg_dump. */
    public static SafetyGate of(MigratorConfig config, Direction direction, BackupSettings backup) {
        return new SafetyGate(new DataLossGuard(config.allowDataLoss(), config.advice()), direction == Direction.DOWNGRADE ? backup
                : backup.withMode(BackupMode.NONE), config.lockTimeout(), config.transactionPerRevision(),
                ScratchRuns.isScratch(config.applicationName()));
    }

    /** Prepares the watch and, for a downgrade, forecasts, locks, refuses or backs up; returns the archive, if one was taken. */
    @Override
    public Optional<Path> beforeRun(Connection transaction, PreparedPlan plan) throws SQLException {
        long[] original = CatalogSnapshot.read(transaction).relations().keySet().stream().mapToLong(Long::longValue).toArray();
        if (plan.direction() != Direction.DOWNGRADE) {
            watch = new RunGuard(guard, plan.direction(), plan.target(), original, null);
            return Optional.empty();
        }
        try (Statement s = transaction.createStatement()) {
            s.execute("SET LOCAL lock_timeout = '" + Math.max(1, lockTimeout.toMillis()) + "ms'");
        }
        Forecast forecast = Forecast.read(transaction, plan);
        Set<Relation> locked = new LinkedHashSet<>(forecast.tables());
        lock(transaction, plan, locked);
        PlanReport destroys;
        if (forecast.unreadable().isEmpty()) {
            destroys = forecast.report(transaction, plan);
        } else {
            info("The downgrade to {} has statements whose effect cannot be read before they run ({}): it is analysed first, in a "
                    + "transaction that is rolled back, to know what to back up", plan.target(),
                    ShortList.of(forecast.unreadable(), "statement", "statements"));
            destroys = new ImpactAnalyzer(lockTimeout).analyse(transaction, plan.direction(), plan.target(), plan.revisions());
            // the report is what plccoach:plan prints; a run says only what the guard found (one line each)
            LOG.debug("{}", destroys.render());
            info("Analysed the {} to {} in a rolled-back transaction: {}, {}", plan.direction().name().toLowerCase(), plan.target(),
                    ShortList.of(destroys.revisions().stream().map(r -> r.revision()).toList(), "revision", "revisions"),
                    destroys.dataLoss().isEmpty() ? "no data lost" : destroys.dataLoss().size() + " data loss(es)");
            requireSeen(transaction, plan, destroys);
            Set<Relation> more = new LinkedHashSet<>(destroys.destroyedTables());
            destroys.droppedColumns().forEach(c -> more.add(c.relation()));
            more.removeAll(locked);
            lock(transaction, plan, more);
            locked.addAll(more);
        }
        guard.check(destroys);
        BackupCoverage.check(plan, destroys, backup.mode(), transactionPerRevision, backup.advice());
        // a scratch database is thrown away: no backup, and no warning that none is taken
        Optional<BackupResult> result = quiet && backup.mode() == BackupMode.NONE ? Optional.empty()
                : new PgDumpBackup(backup).take(transaction, destroys, "downgrade_to_" + resolvedTarget(plan));
        Coverage coverage = null;
        if (backup.mode() != BackupMode.NONE) {
            Set<String> columns = destroys.droppedColumns().stream().map(Coverage::key).collect(Collectors.toCollection(LinkedHashSet::new));
            destroys.destroyedTables().forEach(t -> columns.add(t.toString()));
            coverage = new Coverage(backup.mode(), locked, columns);
        }
        watch = new RunGuard(guard, plan.direction(), plan.target(), original, coverage);
        return result.map(BackupResult::archive);
    }

    @Override
    public void run(Connection connection, PreparedRevision revision, SqlStatement statement, Execution execution) throws SQLException {
        if (watch == null) {
            execution.execute(); // no beforeRun: nothing read what existed before the run
            return;
        }
        watch.run(connection, revision, statement, execution);
    }

    @Override
    public void beforeUnwatched(Connection connection, PreparedRevision revision, SqlStatement statement) {
        if (watch != null) {
            watch.beforeUnwatched(connection, revision, statement);
        }
    }

    @Override
    public void beforeCommit(Connection connection) throws SQLException {
        if (watch != null) {
            watch.beforeCommit(connection);
        }
    }

    private void info(String format, Object... arguments) {
        if (quiet) {
            LOG.debug(format, arguments);
        } else {
            LOG.info(format, arguments);
        }
    }

    /**
     * The revisions a downgrade ends at, for the archive's name: a relative target such as {@code -1}
     * or a branch label says nothing once the files move on. These are the parents of the
     * reverted revisions that stay applied; none means base. The target as typed goes in the history row.
     */
    static String resolvedTarget(PreparedPlan plan) {
        Set<String> reverted = plan.revisions().stream().map(PreparedRevision::id).collect(Collectors.toSet());
        Set<String> remaining = new java.util.TreeSet<>();
        plan.revisions().forEach(r -> r.revision().parents().stream().filter(p -> !reverted.contains(p)).forEach(remaining::add));
        return remaining.isEmpty() ? (plan.revisions().isEmpty() ? plan.target() : "base") : String.join("+", remaining);
    }

    /** Writers wait from here to the commit, so the backup's snapshot holds every row the drop removes. */
    private void lock(Connection transaction, PreparedPlan plan, Set<Relation> tables) throws SQLException {
        if (tables.isEmpty()) {
            return;
        }
        try (Statement s = transaction.createStatement()) {
            s.execute("SAVEPOINT plccoach_lock");
            s.execute("LOCK TABLE " + tables.stream().map(Relation::sql).collect(Collectors.joining(", ")) + " IN SHARE MODE");
            s.execute("RELEASE SAVEPOINT plccoach_lock");
        } catch (SQLException e) {
            if (!"55P03".equals(e.getSQLState())) {
                throw e;
            }
            try (Statement s = transaction.createStatement()) {
                s.execute("ROLLBACK TO SAVEPOINT plccoach_lock");
            }
            List<String> holders = LockHolders.ofRelations(transaction, tables.stream().map(Relation::sql).toArray(String[]::new));
            throw new LockUnavailableException("The downgrade to " + plan.target() + " waited lockTimeout (" + lockTimeout + ") to lock "
                    + tables + " IN SHARE MODE before backing them up and dropping them, but another session holds a conflicting lock"
                    + (holders.isEmpty() ? " (see pg_locks)" : ": " + String.join("; ", holders)) + ". Nothing was changed. Rerun when "
                    + "it has ended, raise " + backup.advice().setting("lockTimeout") + ", or end that session with "
                    + "SELECT pg_terminate_backend(<pid>).", e);
        }
    }

    /** What the analysis could not see is never safe: a statement it could not lock fails the run, naming who held the lock. */
    private void requireSeen(Connection transaction, PreparedPlan plan, PlanReport analysis) {
        analysis.revisions().forEach(r -> r.statements().stream().filter(s -> s.outcome() == PlanReport.Outcome.BLOCKED).findFirst()
                .ifPresent(s -> {
                    List<String> holders = LockHolders.of(transaction, s.sql());
                    throw new LockUnavailableException("The downgrade to " + plan.target() + " could not read what revision "
                            + r.revision() + " (" + r.location() + " line " + s.line() + ") destroys: it waited lockTimeout ("
                            + lockTimeout + ") for a lock" + (holders.isEmpty() ? " another session holds" : " held by " + String.join("; ", holders))
                            + ". Nothing was changed. Rerun when it has ended, or raise " + backup.advice().setting("lockTimeout") + ".");
                }));
    }

    /** What {@code plan} prints: the plan analysed in a transaction that is rolled back, with the verdict the guard would give. */
    public static PlanReport plan(Connection connection, PreparedPlan plan, DataLossGuard guard) {
        return guard.judge(new ImpactAnalyzer().analyse(connection, plan.direction(), plan.target(), plan.revisions()));
    }

    @Override
    public String toString() {
        return "SafetyGate[" + guard + ", " + backup + ", lockTimeout=" + lockTimeout + "]";
    }
}
