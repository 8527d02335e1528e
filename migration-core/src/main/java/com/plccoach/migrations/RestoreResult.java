package com.plccoach.migrations;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What {@link Migrator#restore(Path)} brought back.
 *
 * @param tables       tables restored from the archive
 * @param dataOnly     true when the tables already existed empty (after an upgrade re-created them) and only their rows were loaded
 * @param columns      columns whose values were put back from column files, as {@code table.column}
 * @param columnValues rows whose column values were put back
 * @param state        the revisions the state tables were set back to (those applied when the backup was taken);
 *                     empty when the restore left the state as it was
 */
public record RestoreResult(Path archive, String database, List<String> tables, boolean dataOnly, List<String> columns,
                            long columnValues, Duration duration, List<String> state) {

    public RestoreResult {
        tables = List.copyOf(tables);
        columns = List.copyOf(columns);
        state = List.copyOf(state);
    }

    /** This result in the format of docs/json-format.md (goal {@code restore}). */
    public String toJson() {
        return Json.of("restore", this);
    }

    @Override
    public String toString() {
        return "restored " + archive + " into " + database + ": " + tables.size() + " table(s)" + (dataOnly ? " (rows only)" : "")
                + (columns.isEmpty() ? "" : ", " + columnValues + " value(s) of " + columns) + (state.isEmpty() ? "" : ", state set to " + state) + " in " + duration.toMillis() + " ms";
    }
}
