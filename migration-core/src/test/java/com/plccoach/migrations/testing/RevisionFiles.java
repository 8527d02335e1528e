package com.plccoach.migrations.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Revision files for tests, written into one directory.
 *
 * <pre>
 * RevisionFiles files = RevisionFiles.in(scripts);
 * files.write("002", "001", "DROP TABLE t;", "SELECT 1;");
 * files.write(revision("003", "002").header("transactional", "false").up("CREATE INDEX CONCURRENTLY ...;"));
 * </pre>
 *
 * The layout is fixed, because tests assert the line numbers it gives: revision, down_revision, message
 * ({@code m<id>} unless given) and the other headers in the order given, a blank line, the up part, and,
 * when there is a down part, a blank line, {@code -- //@UNDO}, a blank line and the down part.
 */
public final class RevisionFiles {

    private final Path dir;

    private RevisionFiles(Path dir) {
        this.dir = dir;
    }

    public static RevisionFiles in(Path dir) throws IOException {
        return new RevisionFiles(Files.createDirectories(dir));
    }

    /** For what the four-argument {@link #write(String, String, String, String)} cannot say, or text that goes into a jar or an import. */
    public static Revision revision(String id, String parent) {
        return new Revision(id, parent);
    }

    /** {@code <id>.sql} with the message {@code m<id>}; parent {@code base} for a root, down {@code null} for no down part. */
    public Path write(String id, String parent, String up, String down) throws IOException {
        return write(revision(id, parent).up(up).down(down));
    }

    /** As {@code <id>.sql}. */
    public Path write(Revision revision) throws IOException {
        return write(revision.id + ".sql", revision);
    }

    public Path write(String fileName, Revision revision) throws IOException {
        return Files.writeString(dir.resolve(fileName), revision.text());
    }

    public static final class Revision {

        private final String id;
        private final String parent;
        private String message;
        private final StringBuilder headers = new StringBuilder();
        private String up = "";
        private String down;

        private Revision(String id, String parent) {
            this.id = id;
            this.parent = parent;
            this.message = "m" + id;
        }

        /** {@code null} leaves the line out: the parser does not require it. */
        public Revision message(String message) {
            this.message = message;
            return this;
        }

        /** Each header moves the up part one line down, which tests that assert line numbers count. */
        public Revision header(String key, String value) {
            headers.append("-- ").append(key).append(": ").append(value).append('\n');
            return this;
        }

        public Revision up(String sql) {
            this.up = sql;
            return this;
        }

        /** Without it, or with {@code null}, the revision has no {@code -- //@UNDO} part, so it cannot be downgraded. */
        public Revision down(String sql) {
            this.down = sql;
            return this;
        }

        public String text() {
            return "-- revision: " + id + "\n-- down_revision: " + parent + "\n" + (message == null ? "" : "-- message: " + message + "\n")
                    + headers + "\n" + up + "\n" + (down == null ? "" : "\n-- //@UNDO\n\n" + down + "\n");
        }
    }
}
