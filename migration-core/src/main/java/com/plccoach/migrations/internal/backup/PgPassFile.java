package com.plccoach.migrations.internal.backup;

import com.plccoach.migrations.BackupException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A temporary password file for libpq ({@code PGPASSFILE}), readable by its owner only and deleted
 * on close: the one way our password reaches pg_dump and pg_restore, since process arguments and
 * environments can be read by other users of the machine.
 */
final class PgPassFile implements AutoCloseable {

    private final Path path;

    private PgPassFile(Path path) {
        this.path = path;
    }

    /** Created with mode 0600 from the start, so there is no moment when others could read it. */
    static PgPassFile create(String password) {
        try {
            Path path = Files.createTempFile("plccoach-", ".pgpass", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(path, "*:*:*:*:" + escape(password) + "\n", StandardCharsets.UTF_8);
            return new PgPassFile(path);
        } catch (IOException e) {
            throw new BackupException("Cannot write the temporary password file for pg_dump in " + System.getProperty("java.io.tmpdir")
                    + ": " + e.getMessage() + ". Make the temporary directory writable (or set -Djava.io.tmpdir); nothing was changed.", e);
        }
    }

    /** libpq reads {@code \} and {@code :} in a password field as escaped. */
    static String escape(String password) {
        return password.replace("\\", "\\\\").replace(":", "\\:");
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new BackupException("Cannot delete the temporary password file " + path + ": " + e.getMessage() + ". Delete it by hand.", e);
        }
    }

    @Override
    public String toString() {
        return "PgPassFile[" + path + "]";
    }
}
