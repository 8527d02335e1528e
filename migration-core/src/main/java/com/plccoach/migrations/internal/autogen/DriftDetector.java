package com.plccoach.migrations.internal.autogen;

import com.plccoach.migrations.DriftReport;
import com.plccoach.migrations.MigrationException;
import com.plccoach.migrations.MigratorConfig;
import com.plccoach.migrations.internal.execution.Runs;
import com.plccoach.migrations.internal.catalog.CatalogReader;
import com.plccoach.migrations.internal.catalog.Difference;
import com.plccoach.migrations.internal.catalog.SchemaSnapshot;
import com.plccoach.migrations.internal.connection.ConnectionFactory;
import com.plccoach.migrations.internal.graph.RevisionGraph;
import com.plccoach.migrations.internal.verify.ScratchDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Compares schemas for {@code check}: the live database with what its applied revisions give
 * (objects changed by hand), and what the revisions give with the desired schema.
 */
public final class DriftDetector {

    private final MigratorConfig config;
    private final RevisionGraph graph;
    private final Runs.Factory runs;

    public DriftDetector(MigratorConfig config, RevisionGraph graph, Runs.Factory runs) {
        this.runs = runs;
        this.config = config;
        this.graph = graph;
    }

    /** The live schema against the schema of the revisions recorded in its state table, built on a scratch database. */
    public DriftReport live() {
        long start = System.nanoTime();
        SchemaSnapshot live;
        List<String> applied;
        String database;
        try (Connection c = new ConnectionFactory(config).open()) {
            database = c.getCatalog();
            applied = appliedRevisions(c);
            live = new CatalogReader(config.schema()).read(c);
        } catch (SQLException e) {
            throw new com.plccoach.migrations.EnvironmentException("Cannot read the schema of the live database: " + e.getMessage()
                    + ". Check that the configured user may read its catalog", e);
        }
        for (String id : applied) {
            if (graph.find(id).isEmpty()) {
                throw new MigrationException("revision " + id + " is applied to " + database + " but has no file in "
                        + config.scripts().describe() + ", so the schema it gave cannot be rebuilt; restore the file, or run "
                        + config.advice().run("check") + " to see every such revision");
            }
        }
        SchemaSnapshot expected;
        try (ScratchDatabase scratch = ScratchDatabase.create(config, "plccoach_drift")) {
            SchemaStates.applyRevisions(scratch, graph, graph.headsOf(new java.util.HashSet<>(applied)), runs);
            expected = SchemaStates.snapshot(scratch, config.schema());
        }
        List<String> out = new ArrayList<>();
        for (Difference d : com.plccoach.migrations.internal.catalog.SchemaDiff.between(expected, live)) {
            out.add(byHand(d));
        }
        String compared = "live database " + database + " against the schema of " + (applied.isEmpty() ? "no revision"
                : "revisions " + String.join(", ", applied));
        return new DriftReport(compared, out, Duration.ofNanos(System.nanoTime() - start));
    }

    /** The schema of the given revisions (usually the head) against the desired schema. */
    public DriftReport desired(Collection<String> heads, Path desired) {
        long start = System.nanoTime();
        SchemaStates.desiredFiles(desired, config.advice());
        SchemaSnapshot revisions;
        SchemaSnapshot wanted;
        try (ScratchDatabase current = ScratchDatabase.create(config, "plccoach_check_revisions");
             ScratchDatabase target = ScratchDatabase.create(config, "plccoach_check_desired")) {
            SchemaStates.applyRevisions(current, graph, heads, runs);
            SchemaStates.applyDesired(target, desired);
            revisions = SchemaStates.snapshot(current, config.schema());
            wanted = SchemaStates.snapshot(target, config.schema());
        }
        List<String> out = new ArrayList<>();
        for (Difference d : Comparison.ignoringColumnOrder(wanted, revisions)) {
            out.add(switch (d.change()) {
                case MISSING -> d.kind() + " " + d.name() + " is in the desired schema but no revision creates it";
                case EXTRA -> d.kind() + " " + d.name() + " is not in the desired schema but the revisions create it";
                case CHANGED -> d.property() + " of " + d.kind() + " " + d.name() + " is " + show(d.expected())
                        + " in the desired schema but " + show(d.actual()) + " after the revisions";
            });
        }
        String compared = "the schema of " + (heads.isEmpty() ? "no revision" : "revisions up to " + String.join(", ", heads))
                + " against the desired schema " + desired + (out.isEmpty() ? "" : "; run "
                + config.advice().run("autogenerate") + " to write the missing revision");
        return new DriftReport(compared, out, Duration.ofNanos(System.nanoTime() - start));
    }

    private static String byHand(Difference d) {
        return switch (d.change()) {
            case EXTRA -> d.kind() + " " + d.name() + " was added by hand";
            case MISSING -> d.kind() + " " + d.name() + " was dropped by hand";
            case CHANGED -> d.property() + " of " + d.kind() + " " + d.name() + " was changed by hand from " + show(d.expected())
                    + " to " + show(d.actual());
        };
    }

    private static String show(Object value) {
        return value == null ? "none" : value.toString();
    }

    private List<String> appliedRevisions(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(quote_ident(?) || '.plccoach_version') IS NOT NULL")) {
            ps.setString(1, config.schema());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return List.of();
                }
            }
        }
        List<String> ids = new ArrayList<>();
        String sql = "SELECT id FROM " + Sql.ident(config.schema()) + ".plccoach_version ORDER BY id";
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }
}
