package com.plccoach.migrations.internal.backup;

import com.plccoach.migrations.Advice;
import com.plccoach.migrations.BackupException;
import com.plccoach.migrations.internal.script.Identifiers;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;

/**
 * One dropped column's values going back by primary key: into the column as an upgrade re-added it,
 * or, in the database the downgrade dropped it from, into the column added back with the type the
 * backup recorded. Decided before anything is written; run after the archive's tables are back.
 *
 * @param addColumn true when the column must be added first
 */
record ColumnRestore(ColumnManifest.Entry entry, Path file, boolean addColumn) {

    static ColumnRestore prepare(Connection connection, ColumnManifest.Entry entry, Path manifest, boolean tableComesBack, Path backup,
                                 Advice advice) throws SQLException {
        Path file = manifest.resolveSibling(entry.file());
        if (tableComesBack || DatabaseObjects.columnExists(connection, entry.table(), entry.column())) {
            return new ColumnRestore(entry, file, false);
        }
        if (!DatabaseObjects.relationExists(connection, entry.table())) {
            throw new BackupException("Cannot put back column " + entry.table() + "." + entry.column() + " from " + backup
                    + ": its table does not exist. Upgrade to a revision that has the table (" + advice.run("upgrade") + "), then restore "
                    + "again. Nothing was changed.");
        }
        if (entry.type() == null) {
            throw new BackupException("Cannot put back column " + entry.table() + "." + entry.column() + " from " + backup
                    + ": the column does not exist. Upgrade to the revision that adds it (" + advice.run("upgrade") + "), then "
                    + "restore again. Nothing was changed.");
        }
        return new ColumnRestore(entry, file, true);
    }

    /** In one transaction: add the column if needed, load the values into a temporary table, update by key. */
    long run(Connection connection) throws SQLException, IOException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            String keys = entry.key().stream().map(Identifiers::quote).collect(Collectors.joining(", "));
            String column = Identifiers.quote(entry.column());
            if (addColumn) {
                s.execute("ALTER TABLE " + entry.table().sql() + " ADD COLUMN " + column + " " + entry.type());
            }
            s.execute("CREATE TEMPORARY TABLE plccoach_restore ON COMMIT DROP AS SELECT " + keys + ", " + column
                    + " FROM ONLY " + entry.table().sql() + " LIMIT 0");
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY plccoach_restore FROM STDIN WITH (FORMAT csv, HEADER)", in);
            }
            String match = entry.key().stream().map(k -> "t." + Identifiers.quote(k) + " = b." + Identifiers.quote(k))
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
}
