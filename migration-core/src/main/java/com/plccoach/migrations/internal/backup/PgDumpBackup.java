package com.plccoach.migrations.internal.backup;

import com.plccoach.migrations.internal.verify.ScratchDatabase;
import com.plccoach.migrations.BackupException;
import com.plccoach.migrations.BackupMode;
import com.plccoach.migrations.PlanReport;
import com.plccoach.migrations.PlanReport.DroppedColumn;
import com.plccoach.migrations.PlanReport.Relation;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backup before a downgrade, taken inside the downgrade's own transaction so that nothing
 * written between the backup and the drop can be lost: the tables the plan destroys are locked
 * {@code IN SHARE MODE} (writers wait, readers go on), the transaction's snapshot is exported, and
 * pg_dump reads exactly that snapshot. The archive is accepted only after pg_restore has read all
 * of it. Any failure throws {@link BackupException} before anything is reverted.
 *
 * <p>The connection must be in the downgrade's transaction (autocommit off) before any revert ran.
 * At READ COMMITTED (the default) the snapshot is taken after the locks; at REPEATABLE READ or
 * SERIALIZABLE this must be the transaction's first statement that takes a snapshot.
 */
public final class PgDumpBackup {

    private static final Logger LOG = LoggerFactory.getLogger(PgDumpBackup.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_FILE = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_DIR =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    private static final String STOPPED = " The downgrade stopped before reverting anything.";

    private final BackupSettings settings;
    private final Clock clock;

    public PgDumpBackup(BackupSettings settings) {
        this(settings, Clock.systemUTC());
    }

    PgDumpBackup(BackupSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Backs up what the analysed plan destroys (or the whole database), as the settings say.
     *
     * @param planName names the file, e.g. {@code downgrade_to_001}
     * @return empty when the mode is NONE or an affected backup has nothing to hold
     */
    public Optional<BackupResult> take(Connection transaction, PlanReport report, String planName) {
        if (settings.mode() == BackupMode.NONE) {
            warnWithoutBackup(transaction, planName);
            return Optional.empty();
        }
        long started = System.nanoTime();
        try {
            if (transaction.getAutoCommit()) {
                throw new IllegalStateException("The backup must run inside the downgrade's transaction: turn autocommit off first");
            }
            Scope scope = Scope.of(report);
            if (settings.mode() == BackupMode.AFFECTED && scope.isEmpty()) {
                LOG.info("The {} destroys no table and no column: the affected backup has nothing to save", planName.replace('_', ' '));
                return Optional.empty();
            }
            PgTarget target = PgTarget.of(transaction);
            PgClients clients = settings.clients();
            int dumpMajor = clients.checkPgDump(target);
            clients.checkPgRestore(target, dumpMajor);
            Path directory = directory(target);
            String base = STAMP.format(clock.instant()) + "_" + safe(target.database()) + "_" + safe(planName);

            lock(transaction, scope.lockTargets());
            String snapshot = exportSnapshot(transaction);

            List<String> tables = settings.mode() == BackupMode.FULL ? List.of() : scope.tables().stream().map(Relation::toString).toList();
            Path archive = null;
            List<String> command = List.of();
            if (settings.mode() == BackupMode.FULL || !scope.tables().isEmpty()) {
                archive = newFile(directory, base, ".dump");
                command = dump(clients, target, snapshot, archive, settings.mode() == BackupMode.FULL ? List.of() : scope.tables());
            }
            List<Path> columnFiles = new ArrayList<>();
            if (settings.mode() == BackupMode.AFFECTED && !scope.columns().isEmpty()) {
                Path manifestOwner = archive != null ? archive : directory.resolve(base);
                columnFiles.addAll(copyColumns(transaction, scope.columns(), manifestOwner, base));
                if (archive == null) {
                    archive = ColumnManifest.pathFor(manifestOwner);
                }
            }
            long bytes = Files.size(archive);
            for (Path file : columnFiles) {
                bytes += Files.size(file);
            }
            BackupResult result = new BackupResult(archive, settings.mode(), tables, columnFiles, bytes,
                    Duration.ofNanos(System.nanoTime() - started), command);
            LOG.info("Backup verified: {}", result);
            return Optional.of(result);
        } catch (SQLException e) {
            throw new BackupException("The backup could not prepare the database: " + e.getMessage() + "." + STOPPED, e);
        } catch (IOException e) {
            throw new BackupException("The backup could not write its files: " + e.getMessage() + "." + STOPPED, e);
        }
    }

    /** The backup directory for this database, created owner-only; fails early when it cannot be written. */
    private Path directory(PgTarget target) {
        Path directory = settings.directory().resolve(safe(target.database()));
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory, OWNER_ONLY_DIR);
            }
            if (!Files.isWritable(directory)) {
                throw new IOException("not writable");
            }
            return directory;
        } catch (IOException | UnsupportedOperationException e) {
            throw new BackupException("Cannot write backups to " + directory + " (" + e.getMessage() + "): make it writable or set "
                    + settings.advice().setting("backupDir") + " to a writable directory." + STOPPED, e);
        }
    }

    /** Warned only where the user chose it: a scratch database (verify, drift, autogenerate) is ours, and runs without one by design. */
    private void warnWithoutBackup(Connection transaction, String planName) {
        String database;
        try {
            database = transaction.getCatalog();
        } catch (SQLException e) {
            database = null;
        }
        if (ScratchDatabase.isScratch(database)) {
            LOG.debug("{} on scratch database {} runs without a backup", planName, database);
        } else {
            LOG.warn("{}: the {} runs WITHOUT a backup, as configured", settings.advice().set("backup", "none"),
                    planName.replace('_', ' '));
        }
    }

    /** Created empty and owner-only before pg_dump writes it, so the data is never readable by others. */
    private static Path newFile(Path directory, String base, String suffix) throws IOException {
        for (int n = 1; ; n++) {
            Path file = directory.resolve(base + (n == 1 ? "" : "_" + n) + suffix);
            try {
                return Files.createFile(file, OWNER_ONLY_FILE);
            } catch (FileAlreadyExistsException e) {
                // two backups in the same second: number the next one
            }
        }
    }

    private void lock(Connection transaction, List<Relation> tables) throws SQLException {
        if (tables.isEmpty()) {
            return;
        }
        String list = tables.stream().map(Relation::sql).collect(Collectors.joining(", "));
        try (Statement s = transaction.createStatement()) {
            s.execute("LOCK TABLE " + list + " IN SHARE MODE");
        } catch (SQLException e) {
            if ("55P03".equals(e.getSQLState())) {
                throw new BackupException("Could not lock " + tables.stream().map(Relation::toString).toList()
                        + " IN SHARE MODE within lock_timeout: another session is writing to them. Wait for it to finish "
                        + "(see pg_stat_activity) or raise " + settings.advice().setting("lockTimeout") + ", then run the downgrade again." + STOPPED, e);
            }
            throw e;
        }
    }

    private static String exportSnapshot(Connection transaction) throws SQLException {
        try (Statement s = transaction.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_export_snapshot()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private List<String> dump(PgClients clients, PgTarget target, String snapshot, Path archive, List<Relation> tables) throws IOException {
        List<String> args = new ArrayList<>(List.of("--snapshot=" + snapshot, "--format=custom", "--strict-names",
                "--lock-wait-timeout=" + Math.max(1, settings.lockWaitTimeout().toMillis()), "--no-password", "--file=" + archive));
        for (Relation table : tables) {
            args.add("--table=" + table.sql());
        }
        ClientProcess.Result r = clients.dump(target, args);
        if (!r.started()) {
            throw failed(archive, "pg_dump could not be started (" + r.startFailure() + "): set " + settings.advice().setting("pgDump")
                    + " to a pg_dump " + target.serverMajor() + " binary.");
        }
        if (r.timedOut()) {
            throw failed(archive, "pg_dump did not finish within " + settings.timeout() + " and was stopped: the database may be "
                    + "too large for a full backup in that time; use " + settings.advice().set("backup", "affected") + " or run again when the server is less busy.");
        }
        if (r.exitCode() != 0) {
            throw failed(archive, "pg_dump failed with exit code " + r.exitCode() + ": " + r.errorText()
                    + ". Fix the cause (or use " + settings.advice().set("backup", "affected") + ") and run the downgrade again.");
        }
        verify(clients, archive);
        return r.command();
    }

    /** A backup is accepted only if it is there, not empty, and pg_restore reads every byte of it. */
    static void verify(PgClients clients, Path archive) {
        try {
            if (!Files.isRegularFile(archive) || Files.size(archive) == 0) {
                throw new BackupException("The backup archive " + archive + " is empty: pg_dump wrote nothing. Check the disk and "
                        + "the pg_dump output, then run the downgrade again." + STOPPED);
            }
        } catch (IOException e) {
            throw new BackupException("Cannot read the backup archive " + archive + ": " + e.getMessage() + "." + STOPPED, e);
        }
        ClientProcess.Result r = clients.readFully(archive);
        if (!r.succeeded()) {
            throw new BackupException("The backup archive " + archive + " is unreadable: pg_restore could not read it through ("
                    + (r.started() ? (r.timedOut() ? "timed out" : "exit code " + r.exitCode() + ": " + r.errorText()) : r.startFailure())
                    + "). The archive is incomplete or corrupt; check the disk space and run the downgrade again." + STOPPED);
        }
    }

    private static BackupException failed(Path archive, String message) {
        try {
            Files.deleteIfExists(archive);
        } catch (IOException ignored) {
            // the message below is what matters; a leftover empty file is harmless
        }
        return new BackupException(message + STOPPED);
    }

    /** Dropped columns with their primary keys, read by COPY through our own transaction. */
    private static List<Path> copyColumns(Connection transaction, List<DroppedColumn> columns, Path owner, String base)
            throws SQLException, IOException {
        List<Path> files = new ArrayList<>();
        List<ColumnManifest.Entry> entries = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            DroppedColumn column = columns.get(i);
            Path file = newFile(owner.getParent(), base, ".column" + (i + 1) + ".csv");
            String select = "SELECT " + column.primaryKey().stream().map(PgDumpBackup::quote).collect(Collectors.joining(", "))
                    + ", " + quote(column.column()) + " FROM ONLY " + column.relation().sql();
            try (OutputStream out = Files.newOutputStream(file)) {
                transaction.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (" + select + ") TO STDOUT WITH (FORMAT csv, HEADER)", out);
            }
            files.add(file);
            entries.add(new ColumnManifest.Entry(column.relation(), column.column(), column.primaryKey(), file.getFileName().toString()));
        }
        Path manifest = ColumnManifest.pathFor(owner);
        Files.deleteIfExists(manifest);
        Files.createFile(manifest, OWNER_ONLY_FILE);
        new ColumnManifest(entries).write(manifest);
        files.add(0, manifest);
        return files;
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static String safe(String name) {
        String s = name.replaceAll("[^A-Za-z0-9_.-]", "_");
        return s.length() > 60 ? s.substring(0, 60) : s;
    }

    /** What the plan destroys: whole tables, and columns of tables it keeps (with a primary key to put them back by). */
    record Scope(List<Relation> tables, List<DroppedColumn> columns, List<Relation> lockTargets) {

        static Scope of(PlanReport report) {
            Map<String, Relation> tables = new LinkedHashMap<>();
            report.destroyedTables().forEach(t -> tables.put(t.toString(), t));
            List<DroppedColumn> columns = new ArrayList<>();
            for (DroppedColumn column : report.droppedColumns()) {
                if (tables.containsKey(column.table())) {
                    continue;
                }
                if (column.primaryKey().isEmpty()) {
                    tables.put(column.table(), column.relation()); // no key to put values back by: keep the whole table
                } else {
                    columns.add(column);
                }
            }
            Map<String, Relation> locks = new LinkedHashMap<>(tables);
            columns.forEach(c -> locks.putIfAbsent(c.table(), c.relation()));
            return new Scope(List.copyOf(tables.values()), List.copyOf(columns), List.copyOf(locks.values()));
        }

        boolean isEmpty() {
            return tables.isEmpty() && columns.isEmpty();
        }
    }
}
