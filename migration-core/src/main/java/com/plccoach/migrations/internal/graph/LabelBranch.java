package com.plccoach.migrations.internal.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * The revisions a branch label covers, spread as Alembic spreads labels: the revision that declares
 * it, everything built on that through {@code down_revision}, and the unbranched run of revisions
 * below it, down to (not including) a branch point or a merge. {@code bottom} is the lowest of them:
 * {@code label@base} is the state just below it.
 */
final class LabelBranch {

    final String label;
    final int declarer;
    final int bottom;
    private final boolean[] members;
    private final RevisionGraph graph;

    private LabelBranch(RevisionGraph graph, String label, int declarer, boolean[] members, int bottom) {
        this.graph = graph;
        this.label = label;
        this.declarer = declarer;
        this.members = members;
        this.bottom = bottom;
    }

    static LabelBranch of(RevisionGraph graph, String label, int declarer) {
        boolean[] members = graph.closureThroughParents(declarer, false);
        int bottom = declarer;
        int below = declarer;
        while (graph.children[below].length <= 1 && graph.parents[below].length == 1) {
            int parent = graph.parents[below][0];
            if (graph.children[parent].length > 1 || graph.parents[parent].length > 1) {
                break;
            }
            members[parent] = true;
            bottom = parent;
            below = parent;
        }
        return new LabelBranch(graph, label, declarer, members, bottom);
    }

    boolean contains(int revision) {
        return members[revision];
    }

    /** The given revisions that lie on this branch, in the given order. */
    List<Integer> filter(int[] revisions) {
        List<Integer> out = new ArrayList<>();
        for (int r : revisions) {
            if (members[r]) {
                out.add(r);
            }
        }
        return out;
    }

    /** The heads the branch ends in, in graph order. */
    List<Integer> heads() {
        return graph.headsFrom(declarer);
    }

    @Override
    public String toString() {
        return "branch " + label + " (declared by " + graph.id(declarer) + ", bottom " + graph.id(bottom) + ")";
    }
}
