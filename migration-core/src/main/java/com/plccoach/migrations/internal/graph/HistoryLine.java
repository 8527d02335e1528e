package com.plccoach.migrations.internal.graph;

import com.plccoach.migrations.internal.script.Revision;
import java.util.List;

/**
 * One revision of {@code history}: the graph drawn on its line (like {@code git log --graph}), the
 * connector lines drawn after it, and its place in the graph.
 */
public record HistoryLine(String graph, List<String> after, Revision revision, boolean head, boolean branchPoint,
        boolean mergePoint) {

    public HistoryLine {
        after = List.copyOf(after);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(graph).append(revision.id());
        for (String line : after) {
            sb.append('\n').append(line);
        }
        return sb.toString();
    }
}
