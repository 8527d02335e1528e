package com.plccoach.migrations;

import com.plccoach.migrations.internal.connection.ConnectionFactory;
import com.plccoach.migrations.internal.execution.BeforeRun;
import com.plccoach.migrations.internal.execution.Executor;
import com.plccoach.migrations.internal.execution.OfflineScript;
import com.plccoach.migrations.internal.execution.PlanSource;
import com.plccoach.migrations.internal.execution.StampPlans;
import com.plccoach.migrations.internal.execution.Validation;
import com.plccoach.migrations.internal.report.ReportBuilder;
import com.plccoach.migrations.internal.graph.Plan;
import com.plccoach.migrations.internal.autogen.Autogenerator;
import com.plccoach.migrations.internal.autogen.DriftDetector;
import com.plccoach.migrations.internal.autogen.GeneratedRevisions;
import com.plccoach.migrations.internal.graph.PublicViews;
import com.plccoach.migrations.internal.lint.Lint;
import com.plccoach.migrations.internal.graph.RevisionGraph;
import com.plccoach.migrations.internal.graph.RevisionLoader;
import com.plccoach.migrations.internal.script.DirectoryScriptSource;
import com.plccoach.migrations.internal.script.Revision;
import com.plccoach.migrations.internal.script.RevisionWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry point: everything the tool does, for a service that migrates at start-up and for
 * the Maven goals alike. Methods take and return plain values and never print; progress is logged
 * through SLF4J. Instances are immutable and may be shared.
 *
 * <pre>
 * Migrator migrator = Migrator.builder()
 *         .url("jdbc:postgresql://localhost:5432/plccoach")
 *         .user("plccoach").password(secret)
 *         .scripts(ScriptSource.classpath("db/revisions"))
 *         .build();
 * migrator.upgrade("head");
 * </pre>
 */
public final class Migrator {

    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);

    private final MigratorConfig config;

    private Migrator(MigratorConfig config) {
        this.config = config;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Migrator of(MigratorConfig config) {
        return new Migrator(config);
    }

    public MigratorConfig config() {
        return config;
    }

    /** Applies every revision the target needs that is not applied yet, parents first. */
    public MigrationResult upgrade(String target) {
        RevisionGraph graph = graph();
        return executor().run(Direction.UPGRADE, target,
                planSource(graph, applied -> graph.upgradePlan(applied, target)), safetyHook(Direction.UPGRADE));
    }

    /** Analyses, guards, backs up, then reverts every applied revision the target does not need, children first. */
    public MigrationResult downgrade(String target) {
        RevisionGraph graph = graph();
        return executor().run(Direction.DOWNGRADE, target,
                planSource(graph, applied -> graph.downgradePlan(applied, target)), safetyHook(Direction.DOWNGRADE));
    }

    /**
     * Sets the state to the target without running any revision; with purge, first forgets the whole
     * state (also rows of revisions whose file is gone). Revisions it keeps take their file's current
     * checksum, so stamping to the current heads accepts an intended edit of an applied file.
     */
    public MigrationResult stamp(String target, boolean purge) {
        RevisionGraph graph = graph();
        return executor().stamp(target, purge, planSource(graph, applied -> StampPlans.plan(graph, applied, target)));
    }

    /** The applied heads and revisions (an applied revision without a file counts as a head). */
    public CurrentState current() {
        RevisionGraph graph = graph();
        return executor().current(planSource(graph, applied -> graph.upgradePlan(applied, "heads")));
    }

    /**
     * Proves that every downgrade is the exact inverse of its upgrade: on a scratch database
     * created (and dropped afterwards) on the configured server, or on {@code verifyUrl}'s, each
     * revision in graph order is upgraded, downgraded and upgraded again, comparing catalog
     * snapshots. Never touches the configured database. {@link VerifyReport#requireClean()} turns
     * problems into an exception.
     */
    public VerifyReport verify() {
        return new com.plccoach.migrations.internal.verify.Verifier(config, graph()).run();
    }

    /** Heads of the graph, with no database. */
    public List<RevisionInfo> heads() {
        return PublicViews.infos(graph().heads());
    }

    /** Branch points of the graph: revisions with more than one child. */
    public List<RevisionInfo> branches() {
        return PublicViews.infos(graph().branchPoints());
    }

    /** One revision, by any target that names exactly one (id, unique prefix, head, label@head, head-N, ...). */
    public RevisionInfo show(String revision) {
        return PublicViews.info(graph().resolveOne(revision, Set.of()));
    }

    /**
     * The graph newest first, each revision with an ASCII graph of branches and merges, like
     * {@code git log --graph}. With no database.
     *
     * @param range   {@code older:newer} (either side may be empty, e.g. {@code abc1:}), or null for all
     * @param verbose add parents, labels, dependencies and the file to each entry's lines
     */
    public List<HistoryEntry> history(String range, boolean verbose) {
        return graph().history(range, Set.of()).stream().map(line -> PublicViews.entry(line, verbose)).toList();
    }

    /**
     * Writes a new revision file into the scripts directory, named
     * {@code yyyyMMdd_HHmm_<id>_<slug>.sql}, and returns its path.
     *
     * @param message     one line, shown by history; also gives the file name its slug
     * @param parent      target of the parent ({@code base} for a new root); null for the single head
     * @param branchLabel label for the new revision, or null
     * @param id          the new id; null for a random 12-digit hex id
     */
    public Path newRevision(String message, String parent, String branchLabel, String id) {
        Path directory = writableDirectory("revision");
        RevisionGraph graph = graphForWriting(directory);
        List<String> parents;
        if (parent == null || parent.isBlank()) {
            List<Revision> heads = graph.heads();
            if (heads.size() > 1) {
                String first = heads.get(0).id();
                throw TargetException.severalHeads(heads.stream().map(Revision::id).toList(), "so the new revision's parent is not"
                        + " obvious", "give the parent (" + (config.advice().entryPoint() == EntryPoint.MAVEN ? config.advice()
                        .set("parent", first) : "newRevision(message, \"" + first + "\", branchLabel, id)") + ")", config.advice());
            }
            parents = heads.stream().map(Revision::id).toList();
        } else if (parent.strip().equals("base")) {
            parents = List.of();
        } else {
            parents = List.of(graph.resolveOne(parent.strip(), Set.of()).id());
        }
        if (branchLabel != null && !branchLabel.isBlank() && graph.labels().containsKey(branchLabel.strip())) {
            throw new RevisionGraphException("branch label '" + branchLabel.strip() + "' is already declared by "
                    + graph.labels().get(branchLabel.strip()) + "; choose another label");
        }
        String newId = newRevisionId(graph, id);
        Path file = RevisionWriter.writeRevision(directory, Instant.now(), newId, parents,
                branchLabel == null || branchLabel.isBlank() ? null : branchLabel.strip(), message);
        LOG.info("wrote revision {} ({} -> {}) to {}", newId, parents.isEmpty() ? "base" : String.join(", ", parents), newId, file);
        return file;
    }

    /**
     * Writes a merge revision joining the given revisions (null or empty: all heads), with empty up
     * and down parts, and returns its path.
     */
    public Path merge(List<String> revisions, String message) {
        Path directory = writableDirectory("merge");
        RevisionGraph graph = graphForWriting(directory);
        List<String> parents = new ArrayList<>();
        if (revisions == null || revisions.isEmpty()) {
            graph.heads().forEach(r -> parents.add(r.id()));
        } else {
            for (String target : revisions) {
                String resolved = graph.resolveOne(target.strip(), Set.of()).id();
                if (!parents.contains(resolved)) {
                    parents.add(resolved);
                }
            }
        }
        if (parents.size() < 2) {
            throw new TargetException("nothing to merge: " + (parents.isEmpty() ? "there are no revisions"
                    : "only " + parents.get(0) + " was given or is a head")
                    + "; a merge joins two or more heads (-Dplccoach.revisions=a,b)");
        }
        String text = message == null || message.isBlank() ? "merge " + String.join(", ", parents) : message;
        String newId = newRevisionId(graph, null);
        Path file = RevisionWriter.writeMerge(directory, Instant.now(), newId, parents, text);
        LOG.info("wrote merge revision {} of {} to {}", newId, parents, file);
        return file;
    }

    /** Alembic's revisions become revision files rendered by Alembic itself; with a database, alembic_version's heads our state. */
    public AlembicImportResult importAlembic(AlembicProject project) {
        return new com.plccoach.migrations.internal.alembic.AlembicImporter(config).run(project);
    }

    private RevisionGraph graph() {
        return RevisionLoader.load(config.scripts(), config.placeholders());
    }

    private Path writableDirectory(String goal) {
        if (!(config.scripts() instanceof DirectoryScriptSource directory)) {
            throw new RevisionFileException("cannot write a new revision into " + config.scripts().describe()
                    + ": it is read-only; point plccoach.scripts (ScriptSource.directory(...)) at the source directory of the"
                    + " revisions, e.g. src/main/resources/db/revisions, to run " + goal);
        }
        return directory.directory();
    }

    private RevisionGraph graphForWriting(Path directory) {
        if (!Files.isDirectory(directory)) {
            return RevisionGraph.of(List.of());
        }
        return RevisionLoader.loadForWriting(config.scripts(), config.placeholders());
    }

    private static String newRevisionId(RevisionGraph graph, String id) {
        if (id != null && !id.isBlank()) {
            String wanted = id.strip();
            graph.find(wanted).ifPresent(existing -> {
                throw new RevisionGraphException("revision id " + wanted + " already exists (" + existing.location()
                        + "); choose another id, or leave it out for a random one");
            });
            return wanted;
        }
        SecureRandom random = new SecureRandom();
        String generated;
        do {
            generated = RevisionWriter.newId(random);
        } while (graph.find(generated).isPresent());
        return generated;
    }

    /**
     * Reports, without changing anything: graph errors (unreadable files, broken graph), applied
     * revisions whose file is gone, checksum drift, several heads, and pending revisions.
     */
    public CheckReport check() {
        RevisionGraph graph;
        try {
            graph = graph();
        } catch (RevisionFileException | RevisionGraphException e) {
            Executor executor = executor();
            return new CheckReport(List.of(e.getMessage()), List.of(), List.of(), List.of(),
                    List.copyOf(executor.applied().keySet()), List.of());
        }
        Map<String, AppliedRevision> applied = executor().applied();
        PlanSource source = planSource(graph, a -> graph.upgradePlan(a, "heads"));
        Set<String> known = applied.keySet().stream().filter(source.revisions()::containsKey)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        List<String> pending = graph.upgradePlan(known, "heads").steps().stream().map(Revision::id).toList();
        return new CheckReport(List.of(), Validation.missingFiles(applied, source.revisions(), source::headsOf, source.describe()),
                Validation.drift(applied, source.revisions(), source::headsOf), graph.heads().stream().map(Revision::id).toList(),
                known.isEmpty() ? List.of() : graph.headsOf(known), pending, Lint.pending(graph, known,
                config.transactionPerRevision(), () -> new ConnectionFactory(config).open()));
    }

    /** Lock hazards (docs/big-tables.md) of every revision; no database. */
    public List<LintFinding> lint() {
        return Lint.pending(graph(), Set.of(), config.transactionPerRevision(), null);
    }

    /** Lock hazards (docs/big-tables.md) of the given revision files (none for an empty list); no database. */
    public List<LintFinding> lint(List<Path> files) {
        return files.isEmpty() ? List.of() : Lint.files(graph(), files, config.transactionPerRevision());
    }

    /** {@link #check()} held against {@code options}: throws {@link CheckFailedException} naming every problem, else returns the report. */
    public CheckReport check(CheckOptions options) {
        return new com.plccoach.migrations.internal.check.CheckGate(options, config.advice()).enforce(check(), this::drift,
                config.desiredSchema() == null ? null : this::checkDesired);
    }

    /** The archive to {@link #restore(Path)}: the file itself, or the newest backup in a directory such as the backup directory. */
    public Path backupArchive(Path fileOrDirectory) {
        return com.plccoach.migrations.internal.backup.BackupArchives.resolve(fileOrDirectory);
    }

    /** Writes an imported chain of revisions and, given the other tool's changelog table (or null), its state; all-or-nothing, idempotent. */
    public ImportResult importChain(List<ImportedRevision> revisions, String changelogTable) {
        return new com.plccoach.migrations.internal.imports.ChangelogImport(config).run(revisions, changelogTable, id -> stamp(id, false));
    }

    /**
     * The SQL an upgrade to {@code target} would run, as a script for {@code psql}, without running it.
     * With {@code from:to} (e.g. {@code base:head}, {@code ae1027a6acf:head}) no database is needed;
     * otherwise the applied state is read (never written).
     */
    public String upgradeSql(String target) {
        return offlineSql(Direction.UPGRADE, target);
    }

    /** The SQL a downgrade to {@code target} (or {@code from:to}) would run; see {@link #upgradeSql(String)}. */
    public String downgradeSql(String target) {
        return offlineSql(Direction.DOWNGRADE, target);
    }

    private String offlineSql(Direction direction, String target) {
        RevisionGraph graph = graph();
        Set<String> applied;
        String to = target;
        int colon = target.indexOf(':');
        if (colon >= 0) {
            String from = target.substring(0, colon).strip();
            to = target.substring(colon + 1).strip();
            applied = from.isEmpty() || from.equals("base") ? Set.of() : graph.ancestors(graph.resolve(from, Set.of()));
        } else {
            Map<String, AppliedRevision> rows = executor().applied();
            Validation.requireIntact(rows, planSource(graph, a -> null).revisions(), graph::headsOf, config.scripts().describe());
            applied = rows.keySet();
        }
        String finalTo = to;
        Plan plan = direction == Direction.UPGRADE ? graph.upgradePlan(applied, finalTo) : graph.downgradePlan(applied, finalTo);
        Executor executor = executor();
        return OfflineScript.render(plan, applied.isEmpty() ? List.of() : graph.headsOf(applied), executor.store().sql(),
                executor.runner(), Executor.toolVersion());
    }

    private Executor executor() {
        return new Executor(config, () -> new ConnectionFactory(config).open());
    }

    /**
     * The safety seam (issue #5): analysis, the data-loss guard and the backup run here, inside the
     * run's transaction before its first revision. See {@link BeforeRun}.
     */
    private BeforeRun safetyHook(Direction direction) {
        com.plccoach.migrations.internal.safety.SafetyGate gate = com.plccoach.migrations.internal.safety.SafetyGate.of(config, direction);
        return (connection, plan) -> gate.beforeRun(connection, plan,
                com.plccoach.migrations.internal.safety.PlannedRevision.of(plan));
    }

    private PlanSource planSource(RevisionGraph graph, java.util.function.Function<Set<String>, Plan> planner) {
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

    /**
     * Brings back a backup taken by {@code downgrade}: the archive's tables with pg_restore (created
     * when missing, or filled when an upgrade re-created them empty) and the dropped columns' values
     * from the column files beside it, by primary key. Never mixes the backup with rows already in a
     * table: that is refused, naming the tables.
     *
     * @param archive the {@code .dump} file (or, for a backup of columns only, the {@code .columns} file) the downgrade printed
     */
    public RestoreResult restore(Path archive) {
        com.plccoach.migrations.internal.backup.Restorer restorer =
                new com.plccoach.migrations.internal.backup.Restorer(com.plccoach.migrations.internal.backup.BackupSettings.from(config));
        try (java.sql.Connection connection = new com.plccoach.migrations.internal.connection.ConnectionFactory(config).open()) {
            java.time.Instant startedAt = java.time.Instant.now();
            Executor executor = executor();
            com.plccoach.migrations.internal.execution.MigrationLock lock =
                    new com.plccoach.migrations.internal.execution.MigrationLock(config.schema());
            lock.acquire(connection, config.lockWait());
            try {
                executor.store().ensure(connection);
                RestoreResult result;
                try {
                    result = restorer.restore(connection, archive);
                } catch (MigrationException e) {
                    executor.store().append(connection, restoreEntry(archive, startedAt, false, e.getMessage()));
                    throw e;
                }
                executor.store().append(connection, restoreEntry(archive, startedAt, true, null));
                return result;
            } finally {
                lock.release(connection);
            }
        } catch (java.sql.SQLException e) {
            throw new DatabaseUnavailableException("Lost the connection while restoring " + archive + ": " + e.getMessage(), e);
        }
    }

    private com.plccoach.migrations.internal.state.HistoryEntry restoreEntry(Path archive, java.time.Instant startedAt, boolean success,
                                                                           String error) {
        return new com.plccoach.migrations.internal.state.HistoryEntry("restore", archive.getFileName().toString(), List.of(), List.of(),
                List.of(), success, error, null, startedAt, Duration.between(startedAt, java.time.Instant.now()).toMillis(), null,
                System.getProperty("user.name"), Executor.toolVersion(), archive.toAbsolutePath().toString());
    }

    /** One self-contained HTML page: the revision graph, what is applied, recent runs, the plan to {@code target}. */
    public HtmlReport report(String target) {
        return new ReportBuilder(config).build(target, history(null, false), this::current, () -> plan(target));
    }

    /**
     * What running to {@code target} would do, analysed in a transaction that is rolled back: per
     * revision and statement, the locks, rewrites, drops with their row and value counts, and whether
     * the data-loss guard would refuse it. An upgrade when the target has revisions to apply,
     * otherwise a downgrade. Changes nothing.
     */
    public PlanReport plan(String target) {
        RevisionGraph graph = graph();
        Map<String, AppliedRevision> rows = executor().applied();
        Validation.requireIntact(rows, planSource(graph, a -> null).revisions(), graph::headsOf, config.scripts().describe());
        Set<String> applied = rows.keySet();
        return plan(graph.planTowards(applied, target));
    }

    /** The analysis of a plan in the given direction, e.g. {@code plan(Direction.DOWNGRADE, "-1")}. */
    public PlanReport plan(Direction direction, String target) {
        RevisionGraph graph = graph();
        Map<String, AppliedRevision> rows = executor().applied();
        Validation.requireIntact(rows, planSource(graph, a -> null).revisions(), graph::headsOf, config.scripts().describe());
        return plan(direction == Direction.UPGRADE ? graph.upgradePlan(rows.keySet(), target) : graph.downgradePlan(rows.keySet(), target));
    }

    private PlanReport plan(Plan plan) {
        com.plccoach.migrations.internal.execution.Runner.prepare(plan); // the runner's own refusals (irreversible, CONCURRENTLY) first
        try (java.sql.Connection connection = new com.plccoach.migrations.internal.connection.ConnectionFactory(config).open()) {
            return com.plccoach.migrations.internal.safety.SafetyGate.of(config, Direction.UPGRADE).report(connection, plan,
                    com.plccoach.migrations.internal.safety.PlannedRevision.of(plan));
        } catch (java.sql.SQLException e) {
            throw new DatabaseUnavailableException("Lost the connection while analysing the " + plan + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the revision that takes the schema of the revisions (all of them up to the single head,
     * built on a scratch database) to the desired schema ({@code desiredSchema}, built on another),
     * after proving on the scratch database that its up part gives exactly the desired schema and
     * its down part exactly the current one again. Indexes on tables that already exist go to a
     * second revision, {@code transactional: false}, that builds them CONCURRENTLY. Writes nothing
     * when there is no difference.
     *
     * @throws AutogenerateException when the generated revision does not round-trip (nothing is written)
     */
    public AutogenerateResult autogenerate(String message) {
        long start = System.nanoTime();
        Path directory = writableDirectory("revision -Dplccoach.autogenerate=true");
        RevisionGraph graph = graphForWriting(directory);
        List<Revision> heads = graph.heads();
        if (heads.size() > 1) {
            throw TargetException.severalHeads(heads.stream().map(Revision::id).toList(),
                    "so there is no single current schema to start from", null, config.advice());
        }
        List<String> parents = heads.stream().map(Revision::id).toList();
        GeneratedRevisions generated = new Autogenerator(config, graph).generate(parents, config.desiredSchema());
        if (generated.isEmpty()) {
            LOG.info("autogenerate: the revisions already give the desired schema {}; nothing written", config.desiredSchema());
            return new AutogenerateResult(List.of(), List.of(), Duration.ofNanos(System.nanoTime() - start));
        }
        Instant now = Instant.now();
        List<Path> files = new ArrayList<>();
        String mainId = null;
        if (!generated.up().isEmpty() || !generated.down().isEmpty()) {
            mainId = newRevisionId(graph, null);
            files.add(RevisionWriter.writeGenerated(directory, now, mainId, parents, message, true, generated.body()));
        }
        if (generated.hasConcurrentRevision()) {
            String id;
            do {
                id = newRevisionId(graph, null);
            } while (id.equals(mainId));
            List<String> concurrentParents = mainId == null ? parents : List.of(mainId);
            String text = mainId == null ? message : (message == null ? "" : message.strip()) + " (concurrent indexes)";
            files.add(RevisionWriter.writeGenerated(directory, now, id, concurrentParents, text, false,
                    generated.concurrentBody()));
        }
        AutogenerateResult result = new AutogenerateResult(files, generated.changes(), Duration.ofNanos(System.nanoTime() - start));
        LOG.info("autogenerate: {}", result);
        return result;
    }

    /**
     * Compares the live database's schema with the schema its applied revisions give (built on a
     * scratch database) and names every object changed by hand. Only reads the live database.
     */
    public DriftReport drift() {
        DriftReport report = new DriftDetector(config, graph()).live();
        LOG.info("drift: {}", report);
        return report;
    }

    /**
     * Compares the schema the revisions give (up to every head, on a scratch database) with the
     * desired schema ({@code desiredSchema}); {@code check} fails when the report is not clean.
     */
    public DriftReport checkDesired() {
        RevisionGraph graph = graph();
        DriftReport report = new DriftDetector(config, graph).desired(graph.heads().stream().map(Revision::id).toList(),
                config.desiredSchema());
        LOG.info("desired schema check: {}", report);
        return report;
    }

    @Override
    public String toString() {
        return "Migrator[" + config + "]";
    }

    private static UnsupportedOperationException notYet(String what, int issue) {
        return new UnsupportedOperationException(what + " is not implemented yet (issue #" + issue + ")");
    }

    /** Collects the settings of a {@link MigratorConfig}; {@link #build()} fixes them. */
    public static final class Builder {
        private String url;
        private String user;
        private String password;
        private String passwordCommand;
        private DataSource dataSource;
        private ScriptSource scripts;
        private String schema;
        private final Map<String, String> placeholders = new LinkedHashMap<>();
        private boolean transactionPerRevision;
        private Duration lockTimeout;
        private Duration lockWait;
        private boolean allowDataLoss;
        private BackupMode backupMode;
        private Path backupDir;
        private String pgDump;
        private String pgRestore;
        private String verifyUrl;
        private String applicationName;
        private Path desiredSchema;
        private int lockRetries = MigratorConfig.DEFAULT_LOCK_RETRIES;
        private Duration batchPause;
        private Advice advice;

        private Builder() {
        }

        public Builder url(String url) { this.url = url; return this; }
        public Builder user(String user) { this.user = user; return this; }
        public Builder password(String password) { this.password = password; return this; }
        public Builder passwordCommand(String command) { this.passwordCommand = command; return this; }
        public Builder dataSource(DataSource dataSource) { this.dataSource = dataSource; return this; }
        public Builder scripts(ScriptSource scripts) { this.scripts = scripts; return this; }
        public Builder schema(String schema) { this.schema = schema; return this; }
        public Builder placeholder(String name, String value) { placeholders.put(name, value); return this; }
        public Builder placeholders(Map<String, String> values) { placeholders.putAll(values); return this; }
        public Builder transactionPerRevision(boolean perRevision) { this.transactionPerRevision = perRevision; return this; }
        public Builder lockTimeout(Duration timeout) { this.lockTimeout = timeout; return this; }
        public Builder lockWait(Duration wait) { this.lockWait = wait; return this; }
        public Builder allowDataLoss(boolean allow) { this.allowDataLoss = allow; return this; }
        public Builder backupMode(BackupMode mode) { this.backupMode = mode; return this; }
        public Builder backupDir(Path dir) { this.backupDir = dir; return this; }
        public Builder pgDump(String binary) { this.pgDump = binary; return this; }
        public Builder pgRestore(String binary) { this.pgRestore = binary; return this; }
        public Builder verifyUrl(String url) { this.verifyUrl = url; return this; }
        public Builder applicationName(String name) { this.applicationName = name; return this; }
        public Builder desiredSchema(Path path) { this.desiredSchema = path; return this; }
        public Builder lockRetries(int retries) { this.lockRetries = retries; return this; }
        public Builder batchPause(Duration pause) { this.batchPause = pause; return this; }
        /** Who drives this migrator, so messages say what to type there (the plugin says MAVEN). */
        public Builder entryPoint(EntryPoint entryPoint) { this.advice = new Advice(entryPoint); return this; }

        public MigratorConfig config() {
            return new MigratorConfig(url, user, password, passwordCommand, dataSource, scripts, schema, placeholders,
                    transactionPerRevision, lockTimeout, lockWait, allowDataLoss, backupMode, backupDir, pgDump, pgRestore,
                    verifyUrl, applicationName, desiredSchema, lockRetries, batchPause, advice);
        }

        public Migrator build() {
            return new Migrator(config());
        }
    }
}
