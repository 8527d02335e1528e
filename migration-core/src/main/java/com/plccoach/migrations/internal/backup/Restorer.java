package com.plccoach.migrations.internal.backup;

import com.plccoach.migrations.ShortList;
import com.plccoach.migrations.BackupException;
import com.plccoach.migrations.PlanReport.Relation;
import com.plccoach.migrations.RestoreResult;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a backup back: the archive's tables with pg_restore, then the dropped columns' values from
 * the column files, matched by primary key. It never overwrites rows: the archive's tables must be
 * missing (after the downgrade dropped them) or empty (after an upgrade re-created them), and a
 * dropped column must exist again (an upgrade re-added it) before its values can go back.
 */
public final class Restorer {

    private static final Logger LOG = LoggerFactory.getLogger(Restorer.class);
    private static final Pattern TOC_TABLE = Pattern.compile("^\\d+; \\d+ \\d+ TABLE (?!DATA )(\\S+) (.+) (\\S+)$");

    private final BackupSettings settings;

    public Restorer(BackupSettings settings) {
        this.settings = settings;
    }

    public RestoreResult restore(Connection connection, Path backup) {
        long started = System.nanoTime();
        try {
            if (!Files.isRegularFile(backup)) {
                throw new BackupException("No backup at " + backup + ": give the path the downgrade printed "
                        + "(" + (settings.advice().entryPoint() == com.plccoach.migrations.EntryPoint.MAVEN
                        ? "-Dplccoach.backupFile=..." : "migrator.restore(archive)") + ").");
            }
            PgTarget target = PgTarget.of(connection);
            PgClients clients = settings.clients();
            boolean columnsOnly = backup.getFileName().toString().endsWith(".columns");
            Path manifestPath = columnsOnly ? backup : ColumnManifest.pathFor(backup);
            ColumnManifest manifest = Files.isRegularFile(manifestPath) ? ColumnManifest.read(manifestPath) : new ColumnManifest(List.of());

            List<Relation> tables = List.of();
            boolean dataOnly = false;
            if (!columnsOnly) {
                clients.checkPgRestore(target, 0);
                PgDumpBackup.verify(clients, backup);
                tables = tablesOf(clients, backup);
                dataOnly = decideDataOnly(connection, tables, backup);
            }
            for (ColumnManifest.Entry entry : manifest.entries()) {
                requireColumn(connection, entry, backup);
            }
            if (!columnsOnly) {
                restoreArchive(clients, target, backup, dataOnly);
            }
            long values = 0;
            for (ColumnManifest.Entry entry : manifest.entries()) {
                values += restoreColumn(connection, manifestPath.resolveSibling(entry.file()), entry);
            }
            RestoreResult result = new RestoreResult(backup, target.database(), tables.stream().map(Relation::toString).toList(), dataOnly,
                    manifest.entries().stream().map(e -> e.table() + "." + e.column()).toList(), values,
                    Duration.ofNanos(System.nanoTime() - started));
            LOG.info("Restored {} into {}: {}{}, {} in {} ms", backup, result.database(), ShortList.of(result.tables(), "table", "tables"),
                    result.dataOnly() ? " (rows only)" : "", ShortList.of(result.columns(), "column", "columns")
                    + (result.columns().isEmpty() ? "" : " (" + values + " value(s))"), result.duration().toMillis());
            return result;
        } catch (SQLException e) {
            throw new BackupException("Restoring " + backup + " failed in the database: " + e.getMessage()
                    + ". Column values are restored in one transaction, so none of them were written.", e);
        } catch (IOException e) {
            throw new BackupException("Cannot read " + backup + " or its column files: " + e.getMessage() + ".", e);
        }
    }

    private static List<Relation> tablesOf(PgClients clients, Path archive) {
        ClientProcess.Result r = clients.list(archive);
        if (!r.succeeded()) {
            throw new BackupException("pg_restore cannot list " + archive + ": " + r.errorText() + ".");
        }
        List<Relation> tables = new ArrayList<>();
        for (String line : r.stdout().split("\n")) {
            Matcher m = TOC_TABLE.matcher(line.strip());
            if (m.matches()) {
                tables.add(new Relation(m.group(1), m.group(2)));
            }
        }
        return tables;
    }

    /** Missing tables are created with their rows; existing empty ones get their rows; rows already there are never touched. */
    private boolean decideDataOnly(Connection connection, List<Relation> tables, Path archive) throws SQLException {
        List<String> missing = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        List<String> withRows = new ArrayList<>();
        for (Relation table : tables) {
            if (!exists(connection, table)) {
                missing.add(table.toString());
            } else {
                long rows = count(connection, "SELECT count(*) FROM ONLY " + table.sql());
                (rows == 0 ? empty : withRows).add(table + (rows == 0 ? "" : " (" + rows + " rows)"));
            }
        }
        if (!withRows.isEmpty()) {
            throw new BackupException("Refused to restore " + archive + ": these tables already hold rows that the restore would mix "
                    + "with the backup's: " + withRows + ". A full backup restores into an empty database (createdb a new one and point "
                    + settings.advice().setting("url") + " at it); otherwise empty or drop those tables first. Nothing was changed.");
        }
        if (!missing.isEmpty() && !empty.isEmpty()) {
            throw new BackupException("Refused to restore " + archive + ": some of its tables exist (" + empty + ") and some do not ("
                    + missing + "). Bring the schema to one side first: downgrade to where none exist, or upgrade to where all do. "
                    + "Nothing was changed.");
        }
        return !empty.isEmpty();
    }

    private void requireColumn(Connection connection, ColumnManifest.Entry entry, Path backup) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) FROM pg_attribute "
                + "WHERE attrelid = to_regclass(?) AND attname = ? AND attnum > 0 AND NOT attisdropped")) {
            ps.setString(1, entry.table().sql());
            ps.setString(2, entry.column());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    throw new BackupException("Cannot put back column " + entry.table() + "." + entry.column() + " from " + backup
                            + ": the column does not exist. Upgrade to the revision that adds it (" + settings.advice().run("upgrade") + "), then "
                            + "restore again. Nothing was changed.");
                }
            }
        }
    }

    private void restoreArchive(PgClients clients, PgTarget target, Path archive, boolean dataOnly) {
        List<String> args = new ArrayList<>(List.of("--single-transaction", "--exit-on-error", "--no-password",
                "--dbname=dbname='" + target.database().replace("\\", "\\\\").replace("'", "\\'") + "'"));
        if (dataOnly) {
            args.add("--data-only");
        }
        args.add(archive.toString());
        ClientProcess.Result r = clients.restore(target, args);
        if (!r.succeeded()) {
            throw new BackupException("pg_restore of " + archive + " failed (" + (r.started() ? (r.timedOut() ? "timed out"
                    : "exit code " + r.exitCode() + ": " + r.errorText()) : r.startFailure())
                    + "). It ran in one transaction, so nothing was restored; fix the cause and run restore again.");
        }
    }

    private static long restoreColumn(Connection connection, Path file, ColumnManifest.Entry entry) throws SQLException, IOException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            String keys = entry.key().stream().map(PgDumpBackup::quote).collect(Collectors.joining(", "));
            String column = PgDumpBackup.quote(entry.column());
            s.execute("CREATE TEMPORARY TABLE plccoach_restore ON COMMIT DROP AS SELECT " + keys + ", " + column
                    + " FROM ONLY " + entry.table().sql() + " LIMIT 0");
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY plccoach_restore FROM STDIN WITH (FORMAT csv, HEADER)", in);
            }
            String match = entry.key().stream().map(k -> "t." + PgDumpBackup.quote(k) + " = b." + PgDumpBackup.quote(k))
                    .collect(Collectors.joining(" AND "));
            int updated = s.executeUpdate("UPDATE ONLY " + entry.table().sql() + " AS t SET " + column + " = b." + column
                    + " FROM plccoach_restore b WHERE " + match);
            connection.commit();
            return updated;
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static boolean exists(Connection connection, Relation table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, table.sql());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
