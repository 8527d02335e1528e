package com.plccoach.migrations;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What {@link Migrator#autogenerate(String)} did.
 *
 * @param files    the revision files written: none when the revisions already give the desired schema;
 *                 one; or two when indexes on existing tables are built {@code CONCURRENTLY} in a second,
 *                 {@code transactional: false} revision whose parent is the first
 * @param changes  the differences from the revisions' schema to the desired one, one sentence each
 * @param duration from the first scratch database to the last file written
 */
public record AutogenerateResult(List<Path> files, List<String> changes, Duration duration) {

    public AutogenerateResult {
        files = List.copyOf(files);
        changes = List.copyOf(changes);
    }

    /** This result in the format of docs/json-format.md (goal {@code revision}). */
    public String toJson() {
        return Json.of("revision", this);
    }

    /** True when the revisions already give the desired schema and nothing was written. */
    public boolean noChanges() {
        return files.isEmpty();
    }

    @Override
    public String toString() {
        if (noChanges()) {
            return "No difference between the revisions' schema and the desired schema: nothing written (" + duration.toMillis()
                    + " ms)";
        }
        return "Wrote " + files + " for " + changes.size() + " difference(s), proven up and down on a scratch database ("
                + duration.toMillis() + " ms): " + String.join("; ", changes);
    }
}
