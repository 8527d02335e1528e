package com.plccoach.migrations.internal.lint;

import com.plccoach.migrations.LintFinding;
import com.plccoach.migrations.internal.graph.RevisionGraph;
import com.plccoach.migrations.internal.script.Revision;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The two ways the lint is asked: for the pending revisions of a database, and for files just written. */
public final class Lint {

    private static final Logger LOG = LoggerFactory.getLogger(Lint.class);

    private Lint() {
    }

    /**
     * The findings of the revisions not in {@code applied}, with table sizes when {@code database} is
     * not null (then hazards on new or empty tables are left out).
     */
    public static List<LintFinding> pending(RevisionGraph graph, Set<String> applied, boolean transactionPerRevision,
                                            Supplier<Connection> database) {
        List<LintFinding> findings = run(graph, r -> !applied.contains(r.id()), transactionPerRevision);
        if (database == null || findings.isEmpty()) {
            return findings;
        }
        try (Connection connection = database.get()) {
            List<LintFinding> sized = TableSizes.apply(connection, findings);
            LOG.debug("lint: {} of {} finding(s) are on tables that exist and hold rows", sized.size(), findings.size());
            return sized;
        } catch (SQLException e) {
            LOG.debug("closing the lint's connection failed", e);
            return findings;
        }
    }

    /** The findings of the revisions in {@code files} (by file name), without a database. */
    public static List<LintFinding> files(RevisionGraph graph, List<Path> files, boolean transactionPerRevision) {
        Set<Path> names = files.stream().map(Path::getFileName).collect(java.util.stream.Collectors.toSet());
        return run(graph, r -> names.contains(Path.of(r.location()).getFileName()), transactionPerRevision);
    }

    private static List<LintFinding> run(RevisionGraph graph, Predicate<Revision> reported, boolean transactionPerRevision) {
        if (graph.revisions().isEmpty()) {
            return List.of();
        }
        List<Revision> ordered = graph.upgradePlan(Set.of(), "heads").steps();
        return Linter.lint(ordered, reported, transactionPerRevision);
    }
}
