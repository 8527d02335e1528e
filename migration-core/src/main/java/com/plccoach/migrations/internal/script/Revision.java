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
        String checksum) {

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
