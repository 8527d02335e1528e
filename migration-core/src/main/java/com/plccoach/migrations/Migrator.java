package com.plccoach.migrations;

import com.plccoach.migrations.internal.autogen.Autogenerator;
import com.plccoach.migrations.internal.autogen.DriftDetector;
import com.plccoach.migrations.internal.autogen.GeneratedRevisions;
import com.plccoach.migrations.internal.graph.PublicViews;
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
        throw notYet("upgrade", 4);
    }

    /** Analyses, guards, backs up, then reverts every applied revision the target does not need, children first. */
    public MigrationResult downgrade(String target) {
        throw notYet("downgrade", 4);
    }

    /** Sets the state to the target without running any revision; with purge, first forgets the whole state. */
    public MigrationResult stamp(String target, boolean purge) {
        throw notYet("stamp", 4);
    }

    /** The applied heads and revisions. */
    public CurrentState current() {
        throw notYet("current", 4);
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
                throw new TargetException("the graph has " + heads.size() + " heads (" + heads.stream().map(Revision::id)
                        .collect(Collectors.joining(", ")) + "), so the new revision's parent is not obvious: give it"
                        + " (-Dplccoach.parent=" + heads.get(0).id() + "), or first join the heads with `mvn plccoach:merge`");
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
            throw new TargetException("the graph has " + heads.size() + " heads (" + heads.stream().map(Revision::id)
                    .collect(Collectors.joining(", ")) + "), so there is no single current schema to start from: first join"
                    + " the heads with `mvn plccoach:merge`");
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

        public MigratorConfig config() {
            return new MigratorConfig(url, user, password, passwordCommand, dataSource, scripts, schema, placeholders,
                    transactionPerRevision, lockTimeout, lockWait, allowDataLoss, backupMode, backupDir, pgDump, pgRestore,
                    verifyUrl, applicationName, desiredSchema);
        }

        public Migrator build() {
            return new Migrator(config());
        }
    }
}
