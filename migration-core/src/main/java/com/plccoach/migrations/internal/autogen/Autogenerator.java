package com.plccoach.migrations.internal.autogen;

import com.plccoach.migrations.AutogenerateException;
import com.plccoach.migrations.DatabaseUnavailableException;
import com.plccoach.migrations.MigrationException;
import com.plccoach.migrations.MigratorConfig;
import com.plccoach.migrations.internal.execution.Runs;
import com.plccoach.migrations.internal.catalog.Difference;
import com.plccoach.migrations.internal.catalog.SchemaSnapshot;
import com.plccoach.migrations.internal.graph.RevisionGraph;
import com.plccoach.migrations.internal.verify.ScratchDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates the revision(s) from the schema the revisions give to a desired schema, and proves
 * them before anyone writes them: on the scratch database of the current state, the up part must
 * give exactly the desired schema and the down part exactly the current one again.
 */
public final class Autogenerator {

    private static final Logger LOG = LoggerFactory.getLogger(Autogenerator.class);

    private final MigratorConfig config;
    private final RevisionGraph graph;
    private final Runs.Factory runs;

    public Autogenerator(MigratorConfig config, RevisionGraph graph, Runs.Factory runs) {
        this.runs = runs;
        this.config = config;
        this.graph = graph;
    }

    /**
     * @param heads the revisions that make the current state (usually the single head; empty for none)
     */
    public GeneratedRevisions generate(Collection<String> heads, Path desired) {
        SchemaStates.desiredFiles(desired, config.advice());
        try (ScratchDatabase current = ScratchDatabase.create(config, "plccoach_autogen_current");
             ScratchDatabase target = ScratchDatabase.create(config, "plccoach_autogen_desired")) {
            long t0 = System.nanoTime();
            SchemaStates.applyRevisions(current, graph, heads, runs);
            long t1 = System.nanoTime();
            SchemaStates.applyDesired(target, desired);
            long t2 = System.nanoTime();
            SchemaSnapshot before = SchemaStates.snapshot(current, config.schema());
            SchemaSnapshot wanted = SchemaStates.snapshot(target, config.schema());
            LOG.info("autogenerate: revisions' schema built in {} ms, desired schema in {} ms, both read ({} and {} objects) in {} ms",
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, before.objectCount(), wanted.objectCount(),
                    (System.nanoTime() - t2) / 1_000_000);
            List<Difference> changes = Comparison.ignoringColumnOrder(before, wanted);
            if (changes.isEmpty()) {
                LOG.info("The revisions already give the desired schema ({} objects)", wanted.objectCount());
                return GeneratedRevisions.none();
            }
            GeneratedRevisions generated = split(changes, MigrationPlanner.plan(before, wanted), MigrationPlanner.plan(wanted, before));
            long t3 = System.nanoTime();
            prove(current, generated, before, wanted);
            LOG.info("autogenerate: {} statements planned and proven up and down in {} ms", generated.up().size()
                    + generated.down().size() + generated.concurrentUp().size() + generated.concurrentDown().size(),
                    (System.nanoTime() - t3) / 1_000_000);
            return generated;
        }
    }

    private static final java.util.regex.Pattern VALIDATE = java.util.regex.Pattern.compile("(?s)^ALTER TABLE .* VALIDATE CONSTRAINT .*");

    /**
     * Indexes on tables that already exist move to a second, non-transactional revision built
     * CONCURRENTLY, and so do constraint validations, which then hold no lock of the first revision.
     */
    static GeneratedRevisions split(List<Difference> changes, List<Ddl> up, List<Ddl> down) {
        Set<String> concurrent = new TreeSet<>();
        List<Ddl> up1 = new ArrayList<>();
        List<Ddl> up2 = new ArrayList<>();
        boolean indexNoted = false;
        boolean validationNoted = false;
        for (Ddl d : up) {
            if (d.createsIndex() != null) {
                concurrent.add(d.createsIndex());
                String sql = d.sql().replaceFirst("^CREATE (UNIQUE )?INDEX ", "CREATE $1INDEX CONCURRENTLY ");
                up2.add(Ddl.noted(sql, indexNoted ? null : "require-concurrent-index-creation: CONCURRENTLY, so the table keeps"
                        + " taking writes while the index builds (hence transactional: false)"));
                indexNoted = true;
            } else if (VALIDATE.matcher(d.sql()).matches()) {
                // in the main revision's transaction it would hold that revision's locks for the whole scan
                up2.add(Ddl.noted(d.sql(), validationNoted ? null : "lock-held-during-long-work: validated here, outside the"
                        + " transaction that added the constraint, so no lock that blocks writes is held while rows are checked"));
                validationNoted = true;
            } else {
                up1.add(d);
            }
        }
        List<Ddl> down1 = new ArrayList<>();
        List<Ddl> down2 = new ArrayList<>();
        for (Ddl d : down) {
            if (d.dropsIndex() != null && concurrent.contains(d.dropsIndex())) {
                down2.add(Ddl.of(d.sql().replaceFirst("^DROP INDEX ", "DROP INDEX CONCURRENTLY IF EXISTS ")));
            } else {
                down1.add(d);
            }
        }
        List<String> described = changes.stream().map(Autogenerator::change).toList();
        return new GeneratedRevisions(described, up1, down1, up2, down2);
    }

    private void prove(ScratchDatabase current, GeneratedRevisions g, SchemaSnapshot before, SchemaSnapshot wanted) {
        try (Connection c = current.connect()) {
            run(c, g.up(), true, g, "up part");
            run(c, g.concurrentUp(), false, g, "concurrent index revision's up part");
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("Lost the scratch database " + current.name() + ": " + e.getMessage(), e);
        }
        List<Difference> afterUp = Comparison.ignoringColumnOrder(wanted, SchemaStates.snapshot(current, config.schema()));
        if (!afterUp.isEmpty()) {
            throw failure("its up part does not give the desired schema: " + describe(afterUp), g);
        }
        try (Connection c = current.connect()) {
            run(c, g.concurrentDown(), false, g, "concurrent index revision's down part");
            run(c, g.down(), true, g, "down part");
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("Lost the scratch database " + current.name() + ": " + e.getMessage(), e);
        }
        List<Difference> afterDown = Comparison.ignoringColumnOrder(before, SchemaStates.snapshot(current, config.schema()));
        if (!afterDown.isEmpty()) {
            throw failure("its down part does not give back the revisions' schema: " + describe(afterDown), g);
        }
        LOG.info("Generated revision proven on {}: up gives the desired schema, down gives back the current one", current.name());
    }

    private void run(Connection c, List<Ddl> statements, boolean transactional, GeneratedRevisions g, String part) throws SQLException {
        if (statements.isEmpty()) {
            return;
        }
        String script = statements.stream().map(Ddl::render).collect(Collectors.joining("\n"));
        try {
            SchemaStates.runScript(c, script, 1, transactional, "the generated " + part);
        } catch (SchemaStates.ScriptException e) {
            throw failure("it fails on the scratch database: " + e.getMessage(), g);
        }
    }

    /** What the revision does about one difference from the current schema to the desired one. */
    static String change(Difference d) {
        return switch (d.change()) {
            case EXTRA -> "add " + d.kind() + " " + d.name();
            case MISSING -> "drop " + d.kind() + " " + d.name();
            case CHANGED -> "change " + d.property() + " of " + d.kind() + " " + d.name() + " from " + brief(d.expected())
                    + " to " + brief(d.actual());
        };
    }

    private static String brief(Object value) {
        if (value == null) {
            return "none";
        }
        String text = value.toString().strip().replaceAll("\\s+", " ");
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    private static String describe(List<Difference> differences) {
        return differences.stream().map(Difference::describe).collect(Collectors.joining("; "));
    }

    private AutogenerateException failure(String what, GeneratedRevisions g) {
        return new AutogenerateException("The generated revision was not written: " + what
                + ". Write this change by hand (" + config.advice().run("revision") + "), starting from the generated SQL:\n"
                + g.preview());
    }
}
