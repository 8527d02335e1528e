package com.plccoach.migrations.internal.engine;

import com.plccoach.migrations.AppliedRevision;
import com.plccoach.migrations.BackupMode;
import com.plccoach.migrations.CheckReport;
import com.plccoach.migrations.CurrentState;
import com.plccoach.migrations.DatabaseUnavailableException;
import com.plccoach.migrations.LintFinding;
import com.plccoach.migrations.Direction;
import com.plccoach.migrations.MigrationException;
import com.plccoach.migrations.MigrationResult;
import com.plccoach.migrations.MigratorConfig;
import com.plccoach.migrations.PlanReport;
import com.plccoach.migrations.RestoreResult;
import com.plccoach.migrations.RevisionFileException;
import com.plccoach.migrations.RevisionGraphException;
import com.plccoach.migrations.VerifyReport;
import com.plccoach.migrations.internal.backup.BackupSettings;
import com.plccoach.migrations.internal.backup.Restorer;
import com.plccoach.migrations.internal.backup.RevisionStates;
import com.plccoach.migrations.internal.connection.ConnectionFactory;
import com.plccoach.migrations.internal.execution.Executor;
import com.plccoach.migrations.internal.execution.MigrationLock;
import com.plccoach.migrations.internal.execution.OfflineScript;
import com.plccoach.migrations.internal.execution.PlanSource;
import com.plccoach.migrations.internal.execution.PreparedPlan;
import com.plccoach.migrations.internal.execution.Runs;
import com.plccoach.migrations.internal.execution.Validation;
import com.plccoach.migrations.internal.graph.Plan;
import com.plccoach.migrations.internal.graph.RevisionGraph;
import com.plccoach.migrations.internal.graph.RevisionLoader;
import com.plccoach.migrations.internal.lint.Lint;
import com.plccoach.migrations.internal.safety.DataLossGuard;
import com.plccoach.migrations.internal.safety.SafetyGate;
import com.plccoach.migrations.internal.script.Revision;
import com.plccoach.migrations.internal.state.HistoryEntry;
import com.plccoach.migrations.internal.verify.Verifier;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The wiring of one facade: one connection factory (so the password chain, a password command
 * included, runs once per facade), one executor, and the one path of every command that touches
 * the database. The facade's methods are one line each over this class.
 */
public final class Engine implements Runs {

    private final MigratorConfig config;
    private final ConnectionFactory connections;
    private final Executor executor;

    public Engine(MigratorConfig config) {
        this.config = config;
        this.connections = new ConnectionFactory(config);
        this.executor = new Executor(config, connections::open);
    }

    /**
     * Runs with the connection opened on another thread while this one reads and parses the revision
     * files: the two cost about the same at a cold start (PgJDBC's classes, TLS, authentication against
     * 1,000 files read and hashed), so the up-to-date check at a service's start-up takes the longer of
     * them instead of their sum. The connection is closed if the files fail to parse. Not with a data source.
     */
    private MigrationResult overlapped(Direction direction, String target, Function<RevisionGraph, Function<Set<String>, Plan>> planner) {
        if (config.dataSource() != null) { // a data source may bind connections to the calling thread (Spring): no overlap
            RevisionGraph graph = graph();
            SafetyGate gate = safetyGate(direction);
            return executor.run(direction, target, planSource(graph, planner.apply(graph)), gate, gate);
        }
        CompletableFuture<Connection> early = CompletableFuture.supplyAsync(connections::open);
        RevisionGraph graph;
        try {
            graph = graph();
        } catch (RuntimeException e) {
            early.thenAccept(Engine::closeQuietly);
            throw e;
        }
        SafetyGate gate = safetyGate(direction);
        AtomicBoolean taken = new AtomicBoolean();
        Executor once = new Executor(config, () -> {
            if (taken.getAndSet(true)) {
                return connections.open(); // a second connection (history after a lost one) is a fresh one
            }
            try {
                return early.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        });
        return once.run(direction, target, planSource(graph, planner.apply(graph)), gate, gate);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the session ends with the socket anyway
        }
    }

    /** What verify and autogenerate use to run on their scratch databases: an engine of their own per database. */
    public static Runs.Factory runs() {
        return Engine::new;
    }

    public MigratorConfig config() {
        return config;
    }

    public RevisionGraph graph() {
        return RevisionLoader.load(config.scripts(), config.placeholders());
    }

    @Override
    public MigrationResult upgrade(String target) {
        return overlapped(Direction.UPGRADE, target, graph -> applied -> graph.upgradePlan(applied, target));
    }

    @Override
    public MigrationResult downgrade(String target) {
        return overlapped(Direction.DOWNGRADE, target, graph -> applied -> graph.downgradePlan(applied, target));
    }

    public MigrationResult stamp(String target, boolean purge) {
        RevisionGraph graph = graph();
        return executor.stamp(target, purge, planSource(graph, applied -> graph.planTowards(applied, target)));
    }

    public CurrentState current() {
        RevisionGraph graph = graph();
        return executor.current(planSource(graph, applied -> graph.upgradePlan(applied, "heads")));
    }

    public VerifyReport verify() {
        return new Verifier(config, graph(), runs()).run();
    }

    public CheckReport check() {
        RevisionGraph graph;
        try {
            graph = graph();
        } catch (RevisionFileException | RevisionGraphException e) {
            return new CheckReport(List.of(e.getMessage()), List.of(), List.of(), List.of(), List.copyOf(executor.applied().keySet()),
                    List.of());
        }
        Map<String, AppliedRevision> applied = executor.applied();
        PlanSource source = planSource(graph, a -> graph.upgradePlan(a, "heads"));
        Set<String> known = applied.keySet().stream().filter(source.revisions()::containsKey)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        List<String> pending = graph.upgradePlan(known, "heads").steps().stream().map(Revision::id).toList();
        return new CheckReport(List.of(), Validation.missingFiles(applied, source.revisions(), source::headsOf, source.describe(),
                config.advice()), Validation.drift(applied, source.revisions(), source::headsOf, config.advice()), graph.heads().stream().map(Revision::id).toList(),
                known.isEmpty() ? List.of() : graph.headsOf(known), pending,
                Lint.pending(graph, known, config.transactionPerRevision(), connections::open));
    }

    /** Lock hazards of every revision, or of the given files only (none for an empty list); no database. */
    public List<LintFinding> lint(List<Path> files) {
        if (files == null) {
            return Lint.pending(graph(), Set.of(), config.transactionPerRevision(), null);
        }
        return files.isEmpty() ? List.of() : Lint.files(graph(), files, config.transactionPerRevision());
    }

    /** The SQL a run would send, as a psql script; {@code from:to} needs no database. */
    public String offlineSql(Direction direction, String target) {
        RevisionGraph graph = graph();
        Set<String> applied;
        String to = target;
        int colon = target.indexOf(':');
        if (colon >= 0) {
            String from = target.substring(0, colon).strip();
            to = target.substring(colon + 1).strip();
            applied = from.isEmpty() || from.equals("base") ? Set.of() : graph.ancestors(graph.resolve(from, Set.of()));
        } else {
            applied = intactApplied(graph).keySet();
        }
        Plan plan = direction == Direction.UPGRADE ? graph.upgradePlan(applied, to) : graph.downgradePlan(applied, to);
        return OfflineScript.render(plan, applied.isEmpty() ? List.of() : graph.headsOf(applied), executor.store().sql(),
                executor.runner(), Executor.toolVersion(), config.advice());
    }

    /** The rolled-back analysis of running to {@code target}: an upgrade when it has revisions to apply, else a downgrade. */
    public PlanReport plan(String target) {
        RevisionGraph graph = graph();
        Set<String> applied = intactApplied(graph).keySet();
        return analyse(graph.planTowards(applied, target));
    }

    public PlanReport plan(Direction direction, String target) {
        RevisionGraph graph = graph();
        Set<String> applied = intactApplied(graph).keySet();
        return analyse(direction == Direction.UPGRADE ? graph.upgradePlan(applied, target) : graph.downgradePlan(applied, target));
    }

    private PlanReport analyse(Plan plan) {
        PreparedPlan prepared = PreparedPlan.of(plan, config.advice()); // the run's own refusals (irreversible, CONCURRENTLY) first
        try (Connection connection = connections.open()) {
            return SafetyGate.plan(connection, prepared, new DataLossGuard(config.allowDataLoss(), config.advice()));
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("Lost the connection while analysing the " + plan + ": " + e.getMessage(), e);
        }
    }

    public RestoreResult restore(Path archive) {
        Restorer restorer = new Restorer(BackupSettings.from(config, connections));
        try (Connection connection = connections.open()) {
            Instant startedAt = Instant.now();
            MigrationLock lock = new MigrationLock(config.schema(), config.advice());
            lock.acquire(connection, config.lockWait());
            try {
                // the state tables are created only after the restore: into an empty database the archive brings its own
                RestoreResult result;
                try {
                    result = restorer.restore(connection, archive, new RevisionStates(graph()));
                } catch (MigrationException e) {
                    executor.store().ensure(connection);
                    executor.store().append(connection, restoreEntry(archive, startedAt, false, e.getMessage(), List.of()));
                    throw e;
                }
                executor.store().ensure(connection);
                executor.store().append(connection, restoreEntry(archive, startedAt, true, null, result.state()));
                return result;
            } finally {
                lock.release(connection);
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("Lost the connection while restoring " + archive + ": " + e.getMessage(), e);
        }
    }

    private static HistoryEntry restoreEntry(Path archive, Instant startedAt, boolean success, String error, List<String> state) {
        return new HistoryEntry("restore", archive.getFileName().toString(), state, List.of(), List.of(), success, error, null,
                startedAt, Duration.between(startedAt, Instant.now()).toMillis(), null, System.getProperty("user.name"),
                Executor.toolVersion(), archive.toAbsolutePath().toString());
    }

    private Map<String, AppliedRevision> intactApplied(RevisionGraph graph) {
        Map<String, AppliedRevision> rows = executor.applied();
        Validation.requireIntact(rows, planSource(graph, a -> null).revisions(), graph::headsOf, config.scripts().describe(),
                config.advice());
        return rows;
    }

    /** Only a downgrade backs up, so only a downgrade needs the password for pg_dump. */
    private SafetyGate safetyGate(Direction direction) {
        BackupSettings backup = direction == Direction.DOWNGRADE ? BackupSettings.from(config, connections)
                : new BackupSettings(BackupMode.NONE, config.backupDir(), config.pgDump(), config.pgRestore(), config.lockTimeout(),
                BackupSettings.DEFAULT_TIMEOUT, null, null, config.advice());
        return SafetyGate.of(config, direction, backup);
    }

    private PlanSource planSource(RevisionGraph graph, Function<Set<String>, Plan> planner) {
        Map<String, Revision> byId = new LinkedHashMap<>();
        graph.revisions().forEach(r -> byId.put(r.id(), r));
        String describe = config.scripts().describe();
        return new PlanSource() {
            @Override
            public Map<String, Revision> revisions() {
                return byId;
            }

            @Override
            public Plan plan(Set<String> applied) {
                return planner.apply(applied);
            }

            @Override
            public List<String> headsOf(Set<String> applied) {
                return graph.headsOf(applied);
            }

            @Override
            public String describe() {
                return describe;
            }
        };
    }

    @Override
    public String toString() {
        return "Engine[" + config + "]";
    }
}
