package com.plccoach.migrations.internal.autogen;

import com.plccoach.migrations.EnvironmentException;
import com.plccoach.migrations.MigrationException;
import com.plccoach.migrations.internal.execution.Runs;
import com.plccoach.migrations.RevisionFileException;
import com.plccoach.migrations.internal.catalog.CatalogReader;
import com.plccoach.migrations.internal.catalog.SchemaSnapshot;
import com.plccoach.migrations.internal.graph.RevisionGraph;
import com.plccoach.migrations.internal.script.Revision;
import com.plccoach.migrations.internal.script.SqlSplitter;
import com.plccoach.migrations.internal.script.SqlStatement;
import com.plccoach.migrations.internal.verify.ScratchDatabase;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the schemas that autogenerate and drift compare, on scratch databases: the one a set of
 * revisions produces (through the runner), and the desired one (a SQL file, or a folder of them
 * applied in name order, statement by statement in autocommit so that any statement is allowed).
 */
final class SchemaStates {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaStates.class);

    private SchemaStates() {
    }

    /**
     * Applies the given revisions and every ancestor they need, parents first, through the same
     * runner as {@code upgrade} (so its splitter, transactions and {@code transactional: false}
     * handling make the schema, exactly as in production). A long chain can hold more locks in one
     * transaction (the run, or its safety analysis) than the server's lock table allows: then the
     * scratch database is built again one revision per upgrade.
     */
    static void applyRevisions(ScratchDatabase scratch, RevisionGraph graph, Collection<String> targets, Runs.Factory runs) {
        Runs migrator = runs.on(scratch.config());
        for (String target : targets) {
            try {
                migrator.upgrade(target);
            } catch (MigrationException e) {
                if (!String.valueOf(e.getMessage()).contains("max_locks_per_transaction")) {
                    throw new MigrationException("Cannot build the revisions' schema on the scratch database " + scratch.name()
                            + ": " + e.getMessage(), e);
                }
                LOG.info("The upgrade to {} holds too many locks for one transaction on {}; applying its revisions one by one",
                        target, scratch.name());
                oneByOne(scratch, migrator, graph, target);
            }
        }
    }

    private static void oneByOne(ScratchDatabase scratch, Runs migrator, RevisionGraph graph, String target) {
        for (Revision step : graph.upgradePlanTo(Set.of(), List.of(target), target).steps()) {
            try {
                migrator.upgrade(step.id());
            } catch (MigrationException e) {
                throw new MigrationException("Cannot build the revisions' schema on the scratch database " + scratch.name()
                        + " (revision " + step.id() + "): " + e.getMessage(), e);
            }
        }
    }

    /** Applies the desired schema: one .sql file, or every .sql file under a folder in name order. */
    static void applyDesired(ScratchDatabase scratch, Path desired) {
        List<Path> files = desiredFiles(desired, scratch.config().advice());
        try (Connection c = scratch.connect()) {
            for (Path file : files) {
                String text;
                try {
                    text = Files.readString(file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new RevisionFileException("cannot read the desired schema file " + file + ": " + e.getMessage(), e);
                }
                runScript(c, text, 1, false, "desired schema file " + file);
            }
        } catch (SQLException e) {
            throw new MigrationException("Cannot apply the desired schema on the scratch database " + scratch.name() + ": "
                    + e.getMessage(), e);
        }
    }

    static List<Path> desiredFiles(Path desired, com.plccoach.migrations.Advice advice) {
        if (desired == null) {
            throw new MigrationException("no desired schema is configured: set " + advice.setting("desiredSchema")
                    + " to a .sql file or a folder of .sql files describing the schema");
        }
        if (Files.isRegularFile(desired)) {
            return List.of(desired);
        }
        if (!Files.isDirectory(desired)) {
            throw new RevisionFileException("the desired schema " + desired.toAbsolutePath() + " does not exist: point "
                    + advice.setting("desiredSchema") + " at a .sql file or a folder of .sql files");
        }
        try (Stream<Path> walk = Files.walk(desired)) {
            List<Path> files = walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".sql"))
                    .sorted((a, b) -> desired.relativize(a).toString().compareTo(desired.relativize(b).toString())).toList();
            if (files.isEmpty()) {
                throw new RevisionFileException("the desired schema folder " + desired.toAbsolutePath() + " holds no .sql file");
            }
            return files;
        } catch (IOException e) {
            throw new RevisionFileException("cannot list the desired schema folder " + desired + ": " + e.getMessage(), e);
        }
    }

    /** Runs a script; an error names where (source and line) and the statement. */
    static void runScript(Connection c, String sql, int firstLine, boolean transactional, String source) throws SQLException {
        // the project's splitter, so a desired schema is cut exactly as a revision would be (COPY data included)
        List<SqlStatement> statements = SqlSplitter.split(sql, firstLine, source);
        c.setAutoCommit(!transactional);
        try (Statement s = c.createStatement()) {
            for (SqlStatement statement : statements) {
                try {
                    if (statement.copyData() != null) {
                        c.unwrap(PGConnection.class).getCopyAPI().copyIn(statement.sql(), new StringReader(statement.copyData()));
                    } else {
                        s.execute(statement.sql());
                    }
                } catch (SQLException | IOException e) {
                    if (transactional) {
                        c.rollback();
                    }
                    throw new ScriptException(source, statement.line(), statement.sql(), e);
                }
            }
            if (transactional) {
                c.commit();
            }
        } finally {
            c.setAutoCommit(true);
        }
    }

    static SchemaSnapshot snapshot(ScratchDatabase scratch, String stateSchema) {
        try (Connection c = scratch.connect()) {
            return new CatalogReader(stateSchema).read(c);
        } catch (SQLException e) {
            throw new EnvironmentException("Cannot read the catalog of the scratch database " + scratch.name() + ": " + e.getMessage(), e);
        }
    }

    /** A statement of a script failed on a scratch database. */
    static final class ScriptException extends MigrationException {
        ScriptException(String source, int line, String statement, Exception cause) {
            super(source + ", line " + line + ": " + cause.getMessage().strip() + "\n  in: " + oneLine(statement), cause);
        }

        private static String oneLine(String sql) {
            String text = sql.strip().replaceAll("\\s+", " ");
            return text.length() > 200 ? text.substring(0, 197) + "..." : text;
        }
    }
}
