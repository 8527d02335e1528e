package com.plccoach.migrations.internal.backup;

import com.plccoach.migrations.BackupMode;
import com.plccoach.migrations.ShortList;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A verified backup.
 *
 * @param archive     the pg_dump archive; for an affected backup of columns only, the column manifest
 * @param tables      tables dumped with {@code -t} (empty for a full backup)
 * @param columnFiles COPY files of dropped columns with their primary keys, beside the archive
 * @param command     the pg_dump command line as it ran (it never holds the password)
 */
public record BackupResult(Path archive, BackupMode mode, List<String> tables, List<Path> columnFiles, long bytes,
                           Duration duration, List<String> command) {

    public BackupResult {
        tables = List.copyOf(tables);
        columnFiles = List.copyOf(columnFiles);
        command = List.copyOf(command);
    }

    @Override
    public String toString() {
        return mode.name().toLowerCase() + " backup " + archive.getFileName() + " (" + bytes + " bytes, " + duration.toMillis() + " ms"
                + (tables.isEmpty() ? "" : ", " + ShortList.of(tables, "table", "tables"))
                + (columnFiles.isEmpty() ? "" : ", " + columnFiles.size() + " column file(s)") + ")";
    }
}
