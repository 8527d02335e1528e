package com.plccoach.migrations.internal.script;

import java.util.List;

/**
 * One parsed revision file: its header, its up and down SQL (placeholders substituted) and where
 * each part starts in the file, so that an error can name the file and line.
 *
 * @param downSql   the part after {@code -- //@UNDO}; null when the file has none (irreversible)
 * @param upLine    1-based line of the file where the up part starts
 * @param downLine  1-based line where the down part starts; 0 when irreversible
 * @param location  the file, as its script source names it
 * @param checksum  lowercase hex SHA-256 over parents and up part, line endings normalised
 * @param batchSize rows per batch of a batched backfill ({@code -- batch_size: N}, with {@code ${batch_size}} in the up
 *                  part already replaced by N): each up statement runs again until it changes no row; 0 otherwise
 */
public record Revision(
        String id,
        List<String> parents,
        List<String> branchLabels,
        List<String> dependsOn,
        String message,
        String createDate,
        boolean transactional,
        String upSql,
        int upLine,
        String downSql,
        int downLine,
        String location,
        String checksum,
        int batchSize) {

    /** An ordinary revision, not a batched backfill (the components before {@code batchSize} was added). */
    public Revision(String id, List<String> parents, List<String> branchLabels, List<String> dependsOn, String message,
                    String createDate, boolean transactional, String upSql, int upLine, String downSql, int downLine,
                    String location, String checksum) {
        this(id, parents, branchLabels, dependsOn, message, createDate, transactional, upSql, upLine, downSql, downLine,
                location, checksum, 0);
    }

    public Revision {
        parents = List.copyOf(parents);
        branchLabels = List.copyOf(branchLabels);
        dependsOn = List.copyOf(dependsOn);
    }

    public boolean reversible() {
        return downSql != null;
    }

    public boolean isMerge() {
        return parents.size() > 1;
    }

    @Override
    public String toString() {
        return id + " (" + location + ")";
    }
}
