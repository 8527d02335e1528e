package com.plccoach.migrations;

import java.util.List;

/**
 * One revision of {@code history}, newest first.
 *
 * @param graph        the ASCII graph drawn on the revision's line, like {@code git log --graph} ({@code "| * "})
 * @param revision     the revision
 * @param head         no revision has it as parent
 * @param branchPoint  several revisions have it as parent
 * @param mergePoint   it has several parents
 * @param lines        the text to print for it: the revision's line(s), graph included, then any
 *                     connector lines ({@code |\}, {@code |/}) that lead to the next entry
 */
public record HistoryEntry(String graph, RevisionInfo revision, boolean head, boolean branchPoint, boolean mergePoint,
        List<String> lines) {

    public HistoryEntry {
        lines = List.copyOf(lines);
    }

    @Override
    public String toString() {
        return String.join("\n", lines);
    }
}
