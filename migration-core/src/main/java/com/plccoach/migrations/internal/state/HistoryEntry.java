package com.plccoach.migrations.internal.state;

import java.time.Instant;
import java.util.List;

/**
 * One row of {@code plccoach_history}.
 *
 * @param failedRevision the revision whose statement failed; null on success or when nothing ran
 * @param backupPath     the archive taken before the run; null when none
 */
public record HistoryEntry(
        String operation,
        String target,
        List<String> revisions,
        List<String> fromHeads,
        List<String> toHeads,
        boolean success,
        String error,
        String failedRevision,
        Instant startedAt,
        long durationMs,
        String dbUser,
        String osUser,
        String toolVersion,
        String backupPath) {

    public HistoryEntry {
        revisions = List.copyOf(revisions);
        fromHeads = List.copyOf(fromHeads);
        toHeads = List.copyOf(toHeads);
    }

    @Override
    public String toString() {
        return operation + " to " + target + " " + (success ? "succeeded" : "failed") + " at " + startedAt + " (" + revisions + ")"
                + (failedRevision == null ? "" : " in " + failedRevision) + (error == null ? "" : ": " + error);
    }
}
