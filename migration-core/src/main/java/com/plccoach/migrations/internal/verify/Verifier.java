package com.plccoach.migrations.internal.verify;

import com.plccoach.migrations.EnvironmentException;
import com.plccoach.migrations.MigrationException;
import com.plccoach.migrations.MigratorConfig;
import com.plccoach.migrations.internal.execution.Runs;
import com.plccoach.migrations.VerifyReport;
import com.plccoach.migrations.internal.catalog.CatalogReader;
import com.plccoach.migrations.internal.catalog.Difference;
import com.plccoach.migrations.internal.catalog.SchemaDiff;
import com.plccoach.migrations.internal.catalog.SchemaSnapshot;
import com.plccoach.migrations.internal.graph.RevisionGraph;
import com.plccoach.migrations.internal.script.Revision;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proves on a scratch database that every downgrade is the inverse of its upgrade. For each
 * revision in graph order, starting from exactly the revisions it needs: snapshot, upgrade to it,
 * snapshot, downgrade it alone, compare with the first snapshot, upgrade again, compare with the
 * second. Runs through the same run path a user runs, so the runner's own behaviour
 * (transactions, {@code transactional: false}, the state tables) is what gets verified.
 */
public final class Verifier {

    private static final Logger LOG = LoggerFactory.getLogger(Verifier.class);
    static final String SCRATCH_PREFIX = "plccoach_verify";

    private final MigratorConfig config;
    private final RevisionGraph graph;
    private final Runs.Factory runs;

    public Verifier(MigratorConfig config, RevisionGraph graph, Runs.Factory runs) {
        this.config = config;
        this.graph = graph;
        this.runs = runs;
    }

    public VerifyReport run() {
        try {
            return walk();
        } catch (SQLException e) {
            throw new EnvironmentException("Cannot close the catalog session on the scratch database: " + e.getMessage(), e);
        }
    }

    private VerifyReport walk() throws SQLException {
        long start = System.nanoTime();
        try (ScratchDatabase scratch = ScratchDatabase.create(config, SCRATCH_PREFIX);
             Connection catalog = scratch.connect()) {
            List<VerifyReport.RevisionCheck> checks = new Walk(scratch, catalog).all();
            VerifyReport report = new VerifyReport(scratch.name(), checks, Duration.ofNanos(System.nanoTime() - start));
            LOG.info("{}", report);
            return report;
        }
    }

    /** One pass over the graph on one scratch database; tracks what is applied so each step reverts one revision. */
    private final class Walk {
        private final ScratchDatabase scratch;
        /** One session for every snapshot: it only reads the catalog, so it never holds a lock a revision needs. */
        private final Connection catalog;
        private final Runs migrator;
        private final CatalogReader reader;
        private Set<String> applied = new HashSet<>();

        Walk(ScratchDatabase scratch, Connection catalog) {
            this.scratch = scratch;
            this.catalog = catalog;
            this.migrator = runs.on(scratch.config());
            this.reader = new CatalogReader(scratch.config().schema());
        }

        List<VerifyReport.RevisionCheck> all() {
            List<VerifyReport.RevisionCheck> checks = new ArrayList<>();
            SchemaSnapshot before = snapshot();
            for (Revision revision : graph.revisions()) {
                Set<String> needed = prerequisites(revision);
                if (!applied.equals(needed)) {
                    before = reset(revision, needed);
                }
                List<String> problems = new ArrayList<>();
                boolean canGoOn = check(revision, before, problems);
                checks.add(new VerifyReport.RevisionCheck(revision.id(), revision.message(), problems));
                if (!canGoOn) {
                    break;
                }
                applied.add(revision.id());
                before = snapshot();
            }
            return checks;
        }

        /** False when the database is no longer in a known state, so later revisions cannot be checked. */
        private boolean check(Revision revision, SchemaSnapshot before, List<String> problems) {
            String id = revision.id();
            if (!run(() -> migrator.upgrade(id), id + "'s upgrade fails", problems)) {
                return false;
            }
            SchemaSnapshot after = snapshot();
            if (!revision.reversible()) {
                problems.add("revision " + id + " has no down part (no `-- //@UNDO` in " + revision.location()
                        + "), so its downgrade cannot be verified");
                return true;
            }
            if (!run(() -> migrator.downgrade(stepBack(revision)), id + "'s downgrade fails", problems)) {
                return false;
            }
            for (Difference d : SchemaDiff.between(before, snapshot())) {
                problems.add("revision " + id + "'s downgrade leaves " + leaves(d));
            }
            if (!run(() -> migrator.upgrade(id), id + "'s upgrade fails after its downgrade", problems)) {
                return false;
            }
            for (Difference d : SchemaDiff.between(after, snapshot())) {
                problems.add("revision " + id + "'s upgrade after its downgrade gives a different schema: " + d.describe());
            }
            return true;
        }

        /**
         * The target that reverts this revision alone, the database holding exactly it and its
         * prerequisites: its parent, base for a root; a merge or a revision with depends_on steps back by one.
         */
        private String stepBack(Revision revision) {
            if (revision.parents().size() > 1) {
                return "-1";
            }
            if (!revision.dependsOn().isEmpty()) {
                // a dependency on another branch leaves two heads applied, where a bare -1 is ambiguous
                return revision.id() + "-1";
            }
            return revision.parents().isEmpty() ? "base" : revision.parents().get(0);
        }

        /** Brings the database to exactly the revisions this one needs, when another branch was applied before it. */
        private SchemaSnapshot reset(Revision revision, Set<String> needed) {
            LOG.info("Verify: going back to base to check {} from exactly its prerequisites", revision.id());
            migrator.downgrade("base");
            for (String prerequisite : direct(revision)) {
                migrator.upgrade(prerequisite);
            }
            applied = new HashSet<>(needed);
            return snapshot();
        }

        private boolean run(Runnable step, String failure, List<String> problems) {
            try {
                step.run();
                return true;
            } catch (MigrationException e) {
                problems.add("revision " + failure + ": " + e.getMessage());
                return false;
            }
        }

        private SchemaSnapshot snapshot() {
            try {
                return reader.read(catalog);
            } catch (SQLException e) {
                throw new EnvironmentException("Cannot read the catalog of the scratch database " + scratch.name() + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /** Every revision the given one needs, through parents and depends_on, itself excluded. */
    Set<String> prerequisites(Revision revision) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(direct(revision));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (seen.add(id)) {
                todo.addAll(direct(graph.require(id)));
            }
        }
        return seen;
    }

    private static List<String> direct(Revision revision) {
        List<String> ids = new ArrayList<>(revision.parents());
        ids.addAll(revision.dependsOn());
        return ids;
    }

    /** "index x behind", "column users.nickname missing", "default of column s.revoked changed from false to none". */
    static String leaves(Difference d) {
        return switch (d.change()) {
            case EXTRA -> d.kind() + " " + d.name() + " behind";
            case MISSING -> d.kind() + " " + d.name() + " missing";
            case CHANGED -> d.describe();
        };
    }
}
