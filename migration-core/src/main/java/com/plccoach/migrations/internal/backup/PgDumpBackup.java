package com.plccoach.migrations.internal.backup;

import com.plccoach.migrations.BackupException;
import com.plccoach.migrations.BackupMode;
import com.plccoach.migrations.PlanReport.DroppedColumn;
import com.plccoach.migrations.PlanReport.Relation;
import com.plccoach.migrations.PlanReport;
import com.plccoach.migrations.internal.script.Identifiers;
import com.plccoach.migrations.internal.verify.ScratchDatabase;
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
    /** The suffix of a file still being written; renamed away only once complete. */
    static final String PARTIAL = ".partial";

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
            BackupState state = BackupState.read(transaction, settings.mode(), settings.stateSchema());

            List<String> tables = settings.mode() == BackupMode.FULL ? List.of() : scope.tables().stream().map(Relation::toString).toList();
            Path archive = null;
            List<String> command = List.of();
            if (settings.mode() == BackupMode.FULL || !scope.tables().isEmpty()) {
                Path partial = newFile(directory, base, ".dump" + PARTIAL);
                command = dump(clients, target, snapshot, partial, settings.mode() == BackupMode.FULL ? List.of() : scope.tables(), transaction);
                archive = publish(partial, directory, base, ".dump");
            }
            List<Path> columnFiles = new ArrayList<>();
            // a full backup keeps dropped columns apart too: restoring into the same database puts them back by key
            if (!scope.columns().isEmpty()) {
                Path manifestOwner = archive != null ? archive : directory.resolve(base);
                columnFiles.addAll(copyColumns(transaction, scope.columns(), manifestOwner, base));
                if (archive == null) {
                    archive = ColumnManifest.pathFor(manifestOwner);
                }
            }
            state.writeBeside(archive);
            long bytes = Files.size(archive);
            for (Path file : columnFiles) {
                bytes += Files.size(file);
            }
            BackupResult result = new BackupResult(archive, settings.mode(), tables, columnFiles, bytes,
                    Duration.ofNanos(System.nanoTime() - started), command);
            LOG.info("Backup verified: {}", result);
            LOG.info("Backup directory: {}", archive.toAbsolutePath().getParent());
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
            removePartials(directory);
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

    /**
     * A verified file gets its final name in one rename, never overwriting: a run killed while writing leaves
     * only a {@value #PARTIAL} file, which no listing of backups takes for one.
     */
    static Path publish(Path partial, Path directory, String base, String suffix) throws IOException {
        for (int n = 1; ; n++) {
            Path file = directory.resolve(base + (n == 1 ? "" : "_" + n) + suffix);
            if (!Files.exists(file)) {
                return Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    /** Files a killed run was writing; the migration lock we hold means no live run is writing them now. */
    private static void removePartials(Path directory) throws IOException {
        try (java.nio.file.DirectoryStream<Path> partials = Files.newDirectoryStream(directory, "*" + PARTIAL)) {
            for (Path partial : partials) {
                Files.deleteIfExists(partial);
                LOG.info("Removed {}, an incomplete backup left by a run that was killed", partial);
            }
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

    private List<String> dump(PgClients clients, PgTarget target, String snapshot, Path archive, List<Relation> tables,
                              Connection observer) throws IOException {
        List<String> args = new ArrayList<>(List.of("--snapshot=" + snapshot, "--format=custom", "--strict-names",
                "--lock-wait-timeout=" + Math.max(1, settings.lockWaitTimeout().toMillis()), "--no-password", "--file=" + archive));
        for (Relation table : tables) {
            args.add("--table=" + table.sql());
        }
        ClientProcess.Result r = clients.dump(target, args, observer);
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
        try {
            verify(clients, archive);
        } catch (BackupException e) {
            Files.deleteIfExists(archive);
            throw e;
        }
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
            String select = "SELECT " + column.primaryKey().stream().map(Identifiers::quote).collect(Collectors.joining(", "))
                    + ", " + Identifiers.quote(column.column()) + " FROM ONLY " + column.relation().sql();
            try (OutputStream out = Files.newOutputStream(file)) {
                transaction.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (" + select + ") TO STDOUT WITH (FORMAT csv, HEADER)", out);
            }
            files.add(file);
            entries.add(new ColumnManifest.Entry(column.relation(), column.column(), column.primaryKey(), file.getFileName().toString(),
                    typeOf(transaction, column)));
        }
        Path manifest = ColumnManifest.pathFor(owner);
        Path partial = manifest.resolveSibling(manifest.getFileName() + PARTIAL);
        Files.deleteIfExists(partial);
        Files.createFile(partial, OWNER_ONLY_FILE);
        new ColumnManifest(entries).write(partial);
        Files.move(partial, manifest, java.nio.file.StandardCopyOption.ATOMIC_MOVE); // written last: it is what makes the files a backup
        files.add(0, manifest);
        return files;
    }

    /** The column's type as SQL, so that a restore into the downgraded database can add the column back. */
    private static String typeOf(Connection transaction, DroppedColumn column) throws SQLException {
        try (java.sql.PreparedStatement ps = transaction.prepareStatement("SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
                + "WHERE attrelid = to_regclass(?) AND attname = ? AND attnum > 0 AND NOT attisdropped")) {
            ps.setString(1, column.relation().sql());
            ps.setString(2, column.column());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
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
