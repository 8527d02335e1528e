package com.plccoach.migrations.internal.backup;

import com.plccoach.migrations.BackupException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A temporary password file for libpq ({@code PGPASSFILE}), readable by its owner only: the one way
 * our password reaches pg_dump and pg_restore, since process arguments and environments can be read
 * by other users of the machine. It is deleted as soon as the client has connected (see
 * {@link ClientProcess}), at the latest when the client exits; the name carries our process id so
 * that the next run removes a file a killed run left behind ({@link #removeLeftovers()}).
 */
public final class PgPassFile implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PgPassFile.class);
    private static final Pattern OURS = Pattern.compile("plccoach-(?:pid(\\d+)-)?\\d+\\.pgpass");

    private final Path path;

    private PgPassFile(Path path) {
        this.path = path;
    }

    /** Created with mode 0600 from the start, so there is no moment when others could read it. */
    static PgPassFile create(String password) {
        removeLeftovers();
        try {
            Path path = Files.createTempFile(directory(), "plccoach-pid" + ProcessHandle.current().pid() + "-", ".pgpass",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(path, "*:*:*:*:" + escape(password) + "\n", StandardCharsets.UTF_8);
            return new PgPassFile(path);
        } catch (IOException e) {
            throw new BackupException("Cannot write the temporary password file for pg_dump in " + directory()
                    + ": " + e.getMessage() + ". Make the temporary directory writable (or set -Djava.io.tmpdir); nothing was changed.", e);
        }
    }

    private static Path directory() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /**
     * Deletes password files of runs that no longer exist (killed before they could delete them).
     * Files of a live process are its own business; files of the old unnumbered form have no live owner.
     *
     * @return how many were removed
     */
    public static int removeLeftovers() {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory(), "plccoach-*.pgpass")) {
            for (Path file : files) {
                Matcher m = OURS.matcher(file.getFileName().toString());
                if (!m.matches() || !Files.getOwner(file).getName().equals(System.getProperty("user.name"))) {
                    continue;
                }
                boolean ownerAlive = m.group(1) != null && ProcessHandle.of(Long.parseLong(m.group(1))).map(ProcessHandle::isAlive).orElse(false);
                if (!ownerAlive && Files.deleteIfExists(file)) {
                    LOG.info("Removed {}, a password file left by a run that was killed", file);
                    removed++;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not look for password files left by killed runs in {}: {}", directory(), e.getMessage());
        }
        return removed;
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
