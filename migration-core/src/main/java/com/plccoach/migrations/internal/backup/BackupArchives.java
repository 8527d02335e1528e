package com.plccoach.migrations.internal.backup;

import com.plccoach.migrations.Advice;
import com.plccoach.migrations.BackupException;
import com.plccoach.migrations.MigrationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Finds the archive to restore when the user names the backup directory rather than a file: the
 * newest backup in it. A {@code .dump} wins over a {@code .columns} file, because a columns file
 * alone is the backup of dropped columns only, while one beside a dump belongs to that dump.
 */
public final class BackupArchives {

    private BackupArchives() {
    }

    /** The file itself, or the newest archive under the directory. */
    public static Path resolve(Path fileOrDirectory, Advice advice) {
        if (!Files.isDirectory(fileOrDirectory)) {
            return fileOrDirectory;
        }
        try (Stream<Path> files = Files.walk(fileOrDirectory)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> isDump(p) || p.toString().endsWith(".columns"))
                    .max(Comparator.comparing(BackupArchives::isDump)
                            .thenComparing(p -> p.toFile().lastModified()).thenComparing(Path::toString))
                    .orElseThrow(() -> new MigrationException("No backup archive in " + fileOrDirectory + ": " + giveTheArchive(advice)));
        } catch (IOException e) {
            throw new BackupException("Cannot list backups in " + fileOrDirectory + ": " + e.getMessage(), e);
        }
    }

    /** What to do when there is no archive where the user pointed: one wording for the directory and the file. */
    static String giveTheArchive(Advice advice) {
        return "give the archive the downgrade printed, as in " + advice.run("restore", "backupFile", "...");
    }

    private static boolean isDump(Path path) {
        return path.toString().endsWith(".dump");
    }
}
