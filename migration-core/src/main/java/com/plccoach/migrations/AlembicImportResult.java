package com.plccoach.migrations;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link Migrator#importAlembic(AlembicProject)} did.
 *
 * @param revisions    how many revisions the Alembic project has
 * @param written      revision files written by this import
 * @param unchanged    files that already held exactly what the import would write
 * @param stubs        revisions Alembic could not render offline, each as {@code id (file): reason}; their files are stubs
 * @param database     the database whose state was imported (password hidden), or null when none was configured
 * @param alembicHeads the heads {@code alembic_version} lists (empty: the database was never upgraded by Alembic)
 * @param recorded     revisions this import recorded as applied in our state (empty when it already said so)
 */
public record AlembicImportResult(int revisions, List<Path> written, List<Path> unchanged, List<String> stubs, String database,
                                  List<String> alembicHeads, List<String> recorded) {

    public AlembicImportResult {
        written = List.copyOf(written);
        unchanged = List.copyOf(unchanged);
        stubs = List.copyOf(stubs);
        alembicHeads = List.copyOf(alembicHeads);
        recorded = List.copyOf(recorded);
    }

    /** True when the import wrote no file and recorded no state: it had been done before. */
    public boolean changedNothing() {
        return written.isEmpty() && recorded.isEmpty();
    }

    @Override
    public String toString() {
        return revisions + " Alembic revision(s): " + written.size() + " file(s) written, " + unchanged.size() + " unchanged, "
                + stubs.size() + " stub(s)" + (database == null ? "; no database configured, no state imported"
                : "; alembic_version " + (alembicHeads.isEmpty() ? "empty" : alembicHeads) + ", " + recorded.size()
                + " revision(s) recorded as applied");
    }
}
