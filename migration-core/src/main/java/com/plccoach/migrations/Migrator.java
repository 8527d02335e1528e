package com.plccoach.migrations;

import com.plccoach.migrations.internal.engine.Authoring;
import com.plccoach.migrations.internal.engine.Engine;
import com.plccoach.migrations.internal.report.ReportBuilder;
import com.plccoach.migrations.internal.graph.PublicViews;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The one entry point: everything the tool does, for a service that migrates at start-up and for
 * the Maven goals alike. Methods take and return plain values and never print; progress is logged
 * through SLF4J. Instances are immutable and may be shared. Each method is one line over the
 * internal engine; one instance resolves its password once.
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

    private final MigratorConfig config;
    private final Engine engine;
    private final Authoring authoring;

    private Migrator(MigratorConfig config) {
        this.config = config;
        this.engine = new Engine(config);
        this.authoring = new Authoring(config);
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
        return engine.upgrade(target);
    }

    /** Analyses, guards, backs up, then reverts every applied revision the target does not need, children first. */
    public MigrationResult downgrade(String target) {
        return engine.downgrade(target);
    }

    /**
     * Sets the state to the target without running any revision; with purge, first forgets the whole
     * state (also rows of revisions whose file is gone). Revisions it keeps take their file's current
     * checksum, so stamping to the current heads accepts an intended edit of an applied file.
     */
    public MigrationResult stamp(String target, boolean purge) {
        return engine.stamp(target, purge);
    }

    /** This configuration as the template of a fleet: each database or schema of {@code fleet} migrated like this one. */
    public Fleet fleet(FleetConfig fleet) {
        return Fleet.of(config, fleet);
    }

    /** The applied heads and revisions (an applied revision without a file counts as a head). */
    public CurrentState current() {
        return engine.current();
    }

    /**
     * Proves that every downgrade is the exact inverse of its upgrade: on a scratch database
     * created (and dropped afterwards) on the configured server, or on {@code verifyUrl}'s, each
     * revision in graph order is upgraded, downgraded and upgraded again, comparing catalog
     * snapshots. Never touches the configured database. {@link VerifyReport#requireClean()} turns
     * problems into an exception.
     */
    public VerifyReport verify() {
        return engine.verify();
    }

    /** Heads of the graph, with no database. */
    public List<RevisionInfo> heads() {
        return PublicViews.infos(engine.graph().heads());
    }

    /** Branch points of the graph: revisions with more than one child. */
    public List<RevisionInfo> branches() {
        return PublicViews.infos(engine.graph().branchPoints());
    }

    /** One revision, by any target that names exactly one (id, unique prefix, head, label@head, head-N, ...). */
    public RevisionInfo show(String revision) {
        return PublicViews.info(engine.graph().resolveOne(revision, Set.of()));
    }

    /**
     * The graph newest first, each revision with an ASCII graph of branches and merges, like
     * {@code git log --graph}. With no database.
     *
     * @param range   {@code older:newer} (either side may be empty, e.g. {@code abc1:}), or null for all
     * @param verbose add parents, labels, dependencies and the file to each entry's lines
     */
    public List<HistoryEntry> history(String range, boolean verbose) {
        return engine.graph().history(range, Set.of()).stream().map(line -> PublicViews.entry(line, verbose)).toList();
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
        return authoring.newRevision(message, parent, branchLabel, id);
    }

    /**
     * Writes a merge revision joining the given revisions (null or empty: all heads), with empty up
     * and down parts, and returns its path.
     */
    public Path merge(List<String> revisions, String message) {
        return authoring.merge(revisions, message);
    }

    /** Alembic's revisions become revision files rendered by Alembic itself; with a database, alembic_version's heads our state. */
    public AlembicImportResult importAlembic(AlembicProject project) {
        return new com.plccoach.migrations.internal.alembic.AlembicImporter(config).run(project);
    }

    /**
     * Reports, without changing anything: graph errors (unreadable files, broken graph), applied
     * revisions whose file is gone, checksum drift, several heads, and pending revisions.
     */
    public CheckReport check() {
        return engine.check();
    }

    /** Lock hazards (docs/big-tables.md) of every revision; no database. */
    public List<LintFinding> lint() {
        return engine.lint(null);
    }

    /** Lock hazards (docs/big-tables.md) of the given revision files (none for an empty list); no database. */
    public List<LintFinding> lint(List<Path> files) {
        return engine.lint(List.copyOf(files));
    }

    /** {@link #check()} held against {@code options}: throws {@link CheckFailedException} naming every problem, else returns the report. */
    public CheckReport check(CheckOptions options) {
        return new com.plccoach.migrations.internal.check.CheckGate(options, config.advice()).enforce(check(), this::drift,
                config.desiredSchema() == null ? null : this::checkDesired);
    }

    /** The archive to {@link #restore(Path)}: the file itself, or the newest backup in a directory such as the backup directory. */
    public Path backupArchive(Path fileOrDirectory) {
        return com.plccoach.migrations.internal.backup.BackupArchives.resolve(fileOrDirectory, config.advice());
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
        return engine.offlineSql(Direction.UPGRADE, target);
    }

    /** The SQL a downgrade to {@code target} (or {@code from:to}) would run; see {@link #upgradeSql(String)}. */
    public String downgradeSql(String target) {
        return engine.offlineSql(Direction.DOWNGRADE, target);
    }

    /**
     * Brings back a backup taken by {@code downgrade}. Into the database it was taken from: what the
     * archive has and the database lacks (tables with their rows and dependent objects, dropped
     * columns with their values by primary key), existing objects left alone, the state tables set to
     * the revisions applied at backup time. Into an empty database: everything, state included.
     * Conflicting objects, or an archive whose revisions are not a state of the files, are refused by name.
     *
     * @param archive the {@code .dump} file (or, for a backup of columns only, the {@code .columns} file) the downgrade printed
     */
    public RestoreResult restore(Path archive) {
        return engine.restore(archive);
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
        return engine.plan(target);
    }

    /** The analysis of a plan in the given direction, e.g. {@code plan(Direction.DOWNGRADE, "-1")}. */
    public PlanReport plan(Direction direction, String target) {
        return engine.plan(direction, target);
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
        return authoring.autogenerate(message);
    }

    /**
     * Compares the live database's schema with the schema its applied revisions give (built on a
     * scratch database) and names every object changed by hand. Only reads the live database.
     */
    public DriftReport drift() {
        return authoring.drift();
    }

    /**
     * Compares the schema the revisions give (up to every head, on a scratch database) with the
     * desired schema ({@code desiredSchema}); {@code check} fails when the report is not clean.
     */
    public DriftReport checkDesired() {
        return authoring.checkDesired();
    }

    @Override
    public String toString() {
        return "Migrator[" + config + "]";
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
