package com.plccoach.migrations;

import java.util.List;

/**
 * What a revision file declares, as {@code show}, {@code heads} and {@code history} report it.
 *
 * @param location     the file, as its script source names it
 * @param reversible   whether it has a {@code -- //@UNDO} part
 */
public record RevisionInfo(
        String id,
        List<String> parents,
        List<String> branchLabels,
        List<String> dependsOn,
        String message,
        String createDate,
        String location,
        boolean transactional,
        boolean reversible) {

    public RevisionInfo {
        parents = List.copyOf(parents);
        branchLabels = List.copyOf(branchLabels);
        dependsOn = List.copyOf(dependsOn);
    }

    public boolean isMerge() {
        return parents.size() > 1;
    }

    @Override
    public String toString() {
        return (parents.isEmpty() ? "<base>" : String.join(", ", parents)) + " -> " + id
                + (branchLabels.isEmpty() ? "" : " (" + String.join(", ", branchLabels) + ")")
                + (isMerge() ? " (mergepoint)" : "") + ", " + message;
    }
}
