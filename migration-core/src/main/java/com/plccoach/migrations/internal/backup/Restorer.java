package com.plccoach.migrations.internal.backup;

import com.plccoach.migrations.BackupException;
import com.plccoach.migrations.MigrationException;
import com.plccoach.migrations.BackupMode;
import com.plccoach.migrations.PlanReport.Relation;
import com.plccoach.migrations.RestoreResult;
import com.plccoach.migrations.ShortList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a backup back. Into an empty database: everything the archive holds, state tables
 * included. Into the database the downgrade ran on: what the archive has and the database lacks
 * (missing tables with their rows, sequences, defaults, constraints, indexes, triggers and the
 * foreign keys that pointed at them; dropped columns added back with their values by primary key),
 * leaving what exists alone, then the state tables set to the revisions applied when the backup was
 * taken. Objects that stand in the way are named and nothing is restored. An affected backup's rows
 * also go into a table an upgrade re-created empty, never into one that holds rows.
 */
public final class Restorer {

    private static final Logger LOG = LoggerFactory.getLogger(Restorer.class);

    /** Says whether a set of revisions is a state the revision files can be in. */
    public interface RevisionFiles {
        /** @return why not, or empty when it is (every revision is in the files with all its ancestors) */
        Optional<String> whyNotAState(Set<String> revisions);
    }

    private final BackupSettings settings;

    public Restorer(BackupSettings settings) {
        this.settings = settings;
    }

    /** Without checking the archive's revisions against any files. */
    public RestoreResult restore(Connection connection, Path backup) {
        return restore(connection, backup, revisions -> Optional.empty());
    }

    public RestoreResult restore(Connection connection, Path backup, RevisionFiles files) {
        long started = System.nanoTime();
        try {
            if (!Files.isRegularFile(backup)) {
                throw new MigrationException("No backup at " + backup + ": " + BackupArchives.giveTheArchive(settings.advice()) + ".");
            }
            PgTarget target = PgTarget.of(connection);
            PgClients clients = settings.clients();
            boolean columnsOnly = backup.getFileName().toString().endsWith(".columns");
            Path manifestPath = columnsOnly ? backup : ColumnManifest.pathFor(backup);
            ColumnManifest manifest = Files.isRegularFile(manifestPath) ? ColumnManifest.read(manifestPath) : new ColumnManifest(List.of());
            Optional<BackupState> state = BackupState.readBeside(backup).filter(BackupState::recordsState);
            // archives from before the mode was recorded: a whole-database one holds our state table
            Optional<BackupMode> mode = BackupState.readBeside(backup).map(BackupState::mode);
            if (state.isPresent()) {
                Optional<String> problem = files.whyNotAState(state.get().revisions().keySet());
                if (problem.isPresent()) {
                    throw new BackupException("Refused to restore " + backup + ": it was taken with revisions " + state.get().revisions().keySet()
                            + " applied, which is not a state of the revision files (" + problem.get() + "). Restore it with the "
                            + "revision files of that time (check out the commit the backup was taken at). Nothing was changed.");
                }
            }

            boolean emptyDatabase = DatabaseObjects.isEmpty(connection);
            RestoreSelection selection = RestoreSelection.NOTHING;
            if (!columnsOnly) {
                clients.checkPgRestore(target, 0);
                PgDumpBackup.verify(clients, backup);
                ArchiveToc toc = ArchiveToc.read(clients, backup);
                selection = emptyDatabase ? RestoreSelection.everything(toc) : RestoreSelection.choose(connection, toc, backup, settings.advice(),
                        mode.map(m -> m == BackupMode.AFFECTED).orElse(!toc.holdsStateTable()));
            }
            List<ColumnRestore> columns = new ArrayList<>();
            for (ColumnManifest.Entry entry : manifest.entries()) {
                columns.add(ColumnRestore.prepare(connection, entry, manifestPath, selection.creates(entry.table()), backup,
                        settings.advice()));
            }
            if (!columnsOnly && !selection.isEmpty()) {
                restoreArchive(clients, target, backup, selection, connection);
            }
            long values = 0;
            for (ColumnRestore column : columns) {
                values += column.run(connection);
            }
            List<String> stateSet = List.of();
            if (state.isPresent() && (!emptyDatabase || selection.wholeDatabase())) {
                stateSet = setState(connection, state.get());
            } else if (state.isPresent()) {
                LOG.info("The state tables were left as they are: an affected backup restored into an empty database holds only the "
                        + "tables the downgrade destroyed, not the revisions' other objects");
            }
            RestoreResult result = new RestoreResult(backup, target.database(), selection.tableNames(), selection.dataOnly(),
                    manifest.entries().stream().map(e -> e.table() + "." + e.column()).toList(), values,
                    Duration.ofNanos(System.nanoTime() - started), stateSet);
            LOG.info("Restored {} into {}: {}{}, {} in {} ms{}", backup, result.database(), ShortList.of(result.tables(), "table", "tables"),
                    result.dataOnly() ? " (rows only)" : "", ShortList.of(result.columns(), "column", "columns")
                    + (result.columns().isEmpty() ? "" : " (" + values + " value(s))"), result.duration().toMillis(),
                    stateSet.isEmpty() ? "" : "; state set to " + ShortList.names(stateSet));
            return result;
        } catch (SQLException e) {
            throw new BackupException("Restoring " + backup + " failed in the database: " + e.getMessage()
                    + ". Column values and the state are restored in one transaction each, so the failing one wrote nothing.", e);
        } catch (IOException e) {
            throw new BackupException("Cannot read " + backup + " or its column files: " + e.getMessage() + ".", e);
        }
    }

    private void restoreArchive(PgClients clients, PgTarget target, Path archive, RestoreSelection selection, Connection observer)
            throws IOException {
        List<String> args = new ArrayList<>(List.of("--single-transaction", "--exit-on-error", "--no-password",
                "--dbname=dbname='" + target.database().replace("\\", "\\\\").replace("'", "\\'") + "'"));
        Path listFile = null;
        try {
            if (!selection.wholeDatabase()) {
                listFile = Files.createTempFile("plccoach-restore-", ".list",
                        java.nio.file.attribute.PosixFilePermissions.asFileAttribute(PgDumpBackup.OWNER_ONLY));
                Files.writeString(listFile, ArchiveToc.listFile(selection.entries()));
                args.add("--use-list=" + listFile);
            }
            args.add(archive.toString());
            ClientProcess.Result r = clients.restore(target, args, observer);
            if (!r.succeeded()) {
                throw new BackupException("pg_restore of " + archive + " failed (" + (r.started() ? (r.timedOut() ? "timed out"
                        : "exit code " + r.exitCode() + ": " + r.errorText()) : r.startFailure())
                        + "). It ran in one transaction, so nothing was restored; fix the cause and run restore again.");
            }
        } finally {
            if (listFile != null) {
                Files.deleteIfExists(listFile);
            }
        }
    }

    /** The version table holds exactly the backup's revisions afterwards, with their checksums; rows already right stay. */
    private static List<String> setState(Connection connection, BackupState state) throws SQLException {
        com.plccoach.migrations.internal.state.StateStore store = new com.plccoach.migrations.internal.state.StateStore(state.schema());
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            store.ensure(connection);
            Map<String, com.plccoach.migrations.AppliedRevision> applied = store.applied(connection);
            for (String id : applied.keySet()) {
                if (!state.revisions().containsKey(id)) {
                    store.execute(connection, store.sql().deleteVersion(id));
                }
            }
            for (Map.Entry<String, String> revision : state.revisions().entrySet()) {
                if (!applied.containsKey(revision.getKey())) {
                    store.execute(connection, store.sql().insertVersion(revision.getKey(), revision.getValue(), 0));
                }
            }
            connection.commit();
            LOG.info("The state tables record {} again, as when the backup was taken", state.revisions().keySet());
            return List.copyOf(state.revisions().keySet());
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    @Override
    public String toString() {
        return "Restorer[" + settings + "]";
    }

}
