package com.plccoach.migrations.internal.backup;

import com.plccoach.migrations.BackupMode;
import com.plccoach.migrations.internal.state.StateSql;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What a backup was taken of, kept beside the archive as {@code <archive>.revisions}: its mode, and
 * the revisions applied then with their checksums, which a restore sets the state tables back to. An
 * affected archive does not hold the state tables, and a full one holds them under a schema we would
 * have to guess.
 *
 * @param mode      full or affected: what the archive holds
 * @param schema    schema of the state tables the revisions were read from; null when no state was recorded
 * @param revisions revision id to checksum, in the order they were applied
 */
record BackupState(BackupMode mode, String schema, Map<String, String> revisions) {

    BackupState {
        revisions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(revisions));
    }

    static Path pathFor(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".revisions");
    }

    boolean recordsState() {
        return schema != null;
    }

    /** The state as the transaction sees it; none recorded when the state tables do not exist (nothing was ever applied). */
    static BackupState read(Connection transaction, BackupMode mode, String schema) throws SQLException {
        if (schema == null) {
            return new BackupState(mode, null, Map.of());
        }
        String table = new StateSql(schema).versionTable();
        try (PreparedStatement ps = transaction.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return new BackupState(mode, null, Map.of());
                }
            }
        }
        Map<String, String> revisions = new LinkedHashMap<>();
        try (Statement s = transaction.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, checksum FROM " + table + " ORDER BY applied_at, id")) {
            while (rs.next()) {
                revisions.put(rs.getString(1), rs.getString(2));
            }
        }
        return new BackupState(mode, schema, revisions);
    }

    /** Written under a temporary name and renamed, so a killed run never leaves half a list. */
    void writeBeside(Path archive) throws IOException {
        Properties p = new Properties();
        p.setProperty("mode", mode.name());
        if (schema != null) {
            p.setProperty("schema", schema);
        }
        p.setProperty("count", Integer.toString(revisions.size()));
        List<String> ids = new ArrayList<>(revisions.keySet());
        for (int i = 0; i < ids.size(); i++) {
            p.setProperty(i + ".id", ids.get(i));
            p.setProperty(i + ".checksum", revisions.get(ids.get(i)));
        }
        Path file = pathFor(archive);
        Path partial = file.resolveSibling(file.getFileName() + PgDumpBackup.PARTIAL);
        Files.deleteIfExists(partial);
        Files.createFile(partial, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(PgDumpBackup.OWNER_ONLY));
        try (Writer w = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            p.store(w, "plccoach: the revisions applied when this backup was taken");
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Empty for archives taken before revisions were recorded. */
    static Optional<BackupState> readBeside(Path archive) throws IOException {
        Path file = pathFor(archive);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, String> revisions = new LinkedHashMap<>();
        int count = Integer.parseInt(p.getProperty("count", "0"));
        for (int i = 0; i < count; i++) {
            revisions.put(p.getProperty(i + ".id"), p.getProperty(i + ".checksum"));
        }
        BackupMode mode = BackupMode.valueOf(p.getProperty("mode", BackupMode.FULL.name()));
        return Optional.of(new BackupState(mode, p.getProperty("schema"), revisions));
    }


    @Override
    public String toString() {
        return mode.name().toLowerCase() + " backup" + (schema == null ? ", no state recorded" : " at revisions " + revisions.keySet());
    }
}
