package com.plccoach.migrations.internal.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * The revisions a {@code name@...} target moves on. For a branch label, spread as Alembic spreads
 * labels: the revision that declares it, everything built on that through {@code down_revision},
 * and the unbranched run of revisions below it, down to (not including) a branch point or a merge.
 * For a revision id (Alembic accepts {@code <id>@...} too): its ancestors and descendants through
 * {@code down_revision}. {@code bottoms} are the lowest revisions: {@code name@base} is just below them.
 */
final class LabelBranch {

    final String name;
    final int declarer;
    final boolean label;
    final List<Integer> bottoms;
    private final boolean[] members;
    private final RevisionGraph graph;

    private LabelBranch(RevisionGraph graph, String name, int declarer, boolean label, boolean[] members, List<Integer> bottoms) {
        this.graph = graph;
        this.name = name;
        this.declarer = declarer;
        this.label = label;
        this.members = members;
        this.bottoms = List.copyOf(bottoms);
    }

    static LabelBranch ofLabel(RevisionGraph graph, String label, int declarer) {
        boolean[] members = graph.closureThroughParents(declarer, false);
        int bottom = declarer;
        while (graph.children[bottom].length <= 1 && graph.parents[bottom].length == 1) {
            int parent = graph.parents[bottom][0];
            if (graph.children[parent].length > 1 || graph.parents[parent].length > 1) {
                break;
            }
            members[parent] = true;
            bottom = parent;
        }
        return new LabelBranch(graph, label, declarer, true, members, List.of(bottom));
    }

    static LabelBranch ofRevision(RevisionGraph graph, String name, int revision) {
        boolean[] members = graph.closureThroughParents(revision, false);
        boolean[] below = graph.closureThroughParents(revision, true);
        List<Integer> roots = new ArrayList<>();
        for (int i : graph.topo()) {
            members[i] |= below[i];
            if (below[i] && graph.parents[i].length == 0) {
                roots.add(i);
            }
        }
        return new LabelBranch(graph, name, revision, false, members, roots);
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

    List<Integer> filter(List<Integer> revisions) {
        return revisions.stream().filter(r -> members[r]).toList();
    }

    /** The heads the branch ends in, in graph order. */
    List<Integer> heads() {
        return graph.headsFrom(declarer);
    }

    /** "branch 'billing'" or "the branch of revision 3f9c2a", for messages. */
    String what() {
        return label ? "branch '" + name + "'" : "the branch of revision " + graph.id(declarer);
    }

    @Override
    public String toString() {
        return what() + " (from " + graph.id(declarer) + ", bottoms " + graph.ids(bottoms) + ")";
    }
}
