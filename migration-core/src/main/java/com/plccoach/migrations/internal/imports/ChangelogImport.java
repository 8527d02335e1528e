package com.plccoach.migrations.internal.imports;

import com.plccoach.migrations.DatabaseUnavailableException;
import com.plccoach.migrations.ImportRefusedException;
import com.plccoach.migrations.ImportResult;
import com.plccoach.migrations.ImportedRevision;
import com.plccoach.migrations.MigratorConfig;
import com.plccoach.migrations.RevisionFileException;
import com.plccoach.migrations.internal.connection.ConnectionFactory;
import com.plccoach.migrations.internal.script.DirectoryScriptSource;
import com.plccoach.migrations.internal.state.StateStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Imports a linear chain of another tool's scripts and its changelog table (MyBatis Migrations'
 * CHANGELOG: one row per applied script, ids in order) as revision files and our state.
 * All-or-nothing: every check (files that would be overwritten, the database reachable, the changelog
 * a prefix of the chain, our state not ahead on another line) runs before the first file is written.
 * Idempotent: a rerun, or one after the project moved on, writes nothing and never moves the state back.
 */
public final class ChangelogImport {

    private final MigratorConfig config;

    public ChangelogImport(MigratorConfig config) {
        this.config = config;
    }

    /**
     * @param revisions      the chain, oldest first
     * @param changelogTable the other tool's changelog table, or null to import the files only
     * @param stamp          records a revision as the applied state, once the files are written
     */
    public ImportResult run(List<ImportedRevision> revisions, String changelogTable, Consumer<String> stamp) {
        Path directory = directory();
        List<ImportedRevision> toWrite = new ArrayList<>();
        List<Path> unchanged = new ArrayList<>();
        for (ImportedRevision revision : revisions) {
            Path file = directory.resolve(revision.fileName());
            String existing = read(file);
            if (existing == null) {
                toWrite.add(revision);
            } else if (existing.equals(revision.content())) {
                unchanged.add(file);
            } else {
                throw new ImportRefusedException(file + " exists with other content: move it away or import into an empty "
                        + "plccoach.scripts directory. Nothing was written");
            }
        }
        if (changelogTable == null) {
            return new ImportResult(write(directory, toWrite), unchanged, List.of(), false,
                    "State not imported (no database, or plccoach.importState=false)");
        }
        List<String> ours = new ArrayList<>();
        List<String> applied = readChangelog(changelogTable, revisions, ours);
        if (applied.isEmpty()) {
            return new ImportResult(write(directory, toWrite), unchanged, applied, false,
                    "CHANGELOG " + changelogTable + " lists no applied script: no state to import");
        }
        String last = applied.get(applied.size() - 1);
        if (ours.contains(last)) {
            // the project moved on (or this is a rerun): stamping to CHANGELOG's last would move the state back
            return new ImportResult(write(directory, toWrite), unchanged, applied, false, "The state already records " + last
                    + ", the last of the " + applied.size() + " script(s) applied in " + changelogTable + ": state unchanged");
        }
        Set<String> fromChangelog = Set.copyOf(applied);
        List<String> other = ours.stream().filter(id -> !fromChangelog.contains(id)).toList();
        if (!other.isEmpty()) {
            throw new ImportRefusedException("The state records " + other + ", which " + changelogTable + " does not list, but not "
                    + last + ": stamping would forget them. Bring the database and " + changelogTable + " together, or stamp by hand."
                    + " Nothing was written");
        }
        List<Path> written = write(directory, toWrite);
        stamp.accept(last);
        return new ImportResult(written, unchanged, applied, true,
                "Recorded " + applied.size() + " applied script(s) from " + changelogTable + " as applied up to " + last);
    }

    private Path directory() {
        if (!(config.scripts() instanceof DirectoryScriptSource source)) {
            throw new RevisionFileException("cannot import into " + config.scripts().describe()
                    + ": it is read-only; point plccoach.scripts at the source directory of the revisions");
        }
        return source.directory();
    }

    /** The changelog's applied ids, checked against the chain; adds our applied ids to {@code ours}. Writes nothing. */
    private List<String> readChangelog(String table, List<ImportedRevision> revisions, List<String> ours) {
        List<String> ids = new ArrayList<>();
        try (Connection c = new ConnectionFactory(config).open()) {
            ours.addAll(new StateStore(config.schema()).applied(c).keySet());
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT ID FROM " + table + " ORDER BY ID")) {
                while (rs.next()) {
                    ids.add(rs.getBigDecimal(1).toPlainString());
                }
            } catch (SQLException e) {
                throw new DatabaseUnavailableException("Cannot read MyBatis' " + table + " table: " + e.getMessage()
                        + ". Set plccoach.importState=false to import the scripts only. Nothing was written", e);
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("Lost the connection while reading " + table + ": " + e.getMessage()
                    + ". Nothing was written", e);
        }
        List<String> chain = revisions.stream().map(ImportedRevision::id).toList();
        if (!chain.subList(0, Math.min(ids.size(), chain.size())).equals(ids)) {
            throw new ImportRefusedException(table + " applied " + ids + ", which is not the first scripts of the chain "
                    + chain + " (scripts applied out of order, or missing). Fix " + table + " or the scripts, then import again."
                    + " Nothing was written");
        }
        return ids;
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            throw new RevisionFileException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> write(Path directory, List<ImportedRevision> revisions) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(directory);
            for (ImportedRevision revision : revisions) {
                written.add(Files.writeString(directory.resolve(revision.fileName()), revision.content(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new RevisionFileException("Cannot write the imported revisions into " + directory + ": " + e.getMessage());
        }
        return written;
    }

    @Override
    public String toString() {
        return "ChangelogImport[" + config.scripts().describe() + "]";
    }
}
