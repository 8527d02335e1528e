package com.plccoach.migrations.internal.graph;

import com.plccoach.migrations.RevisionGraphException;
import com.plccoach.migrations.internal.script.Revision;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Who is built on whom, by position: {@code down_revision} both ways (parents, children) and
 * {@code depends_on} both ways (deps, dependents), and the walks along them. Positions and arrays
 * rather than ids and lists, because every plan and target walks these edges, on graphs of
 * thousands of revisions.
 */
final class Edges {

    final int[][] parents;
    final int[][] children;
    final int[][] deps;
    final int[][] dependents;

    /** Throws RevisionGraphException naming the revision whose down_revision or depends_on names no revision. */
    Edges(List<Revision> revisions, Map<String, Integer> ids) {
        int n = revisions.size();
        this.parents = new int[n][];
        this.deps = new int[n][];
        int[] childCount = new int[n];
        int[] dependentCount = new int[n];
        for (int i = 0; i < n; i++) {
            Revision r = revisions.get(i);
            parents[i] = positions(r, r.parents(), "down_revision", ids);
            deps[i] = positions(r, r.dependsOn(), "depends_on", ids);
            for (int p : parents[i]) {
                childCount[p]++;
            }
            for (int d : deps[i]) {
                dependentCount[d]++;
            }
        }
        this.children = new int[n][];
        this.dependents = new int[n][];
        for (int i = 0; i < n; i++) {
            children[i] = new int[childCount[i]];
            dependents[i] = new int[dependentCount[i]];
            childCount[i] = 0;
            dependentCount[i] = 0;
        }
        for (int i = 0; i < n; i++) {
            for (int p : parents[i]) {
                children[p][childCount[p]++] = i;
            }
            for (int d : deps[i]) {
                dependents[d][dependentCount[d]++] = i;
            }
        }
    }

    private static int[] positions(Revision r, List<String> named, String key, Map<String, Integer> ids) {
        int[] out = new int[named.size()];
        for (int k = 0; k < named.size(); k++) {
            Integer target = ids.get(named.get(k));
            if (target == null) {
                throw new RevisionGraphException("revision " + r.id() + " (" + r.location() + ") names " + named.get(k) + " in "
                        + key + ", but no revision file declares " + named.get(k) + "; fix the " + key
                        + " line or restore the missing file");
            }
            out[k] = target;
        }
        return out;
    }

    /** Ancestors (down) or descendants (up) of one revision through down_revision only, itself included. */
    boolean[] closureThroughParents(int start, boolean down) {
        return walk(List.of(start), down ? parents : children, null);
    }

    /** Ancestors (down) or descendants and dependents (up) of the start nodes, the start nodes included. */
    boolean[] closure(Collection<Integer> start, boolean down) {
        return walk(start, down ? parents : children, down ? deps : dependents);
    }

    private boolean[] walk(Collection<Integer> start, int[][] first, int[][] second) {
        boolean[] marked = new boolean[parents.length];
        int[] stack = new int[parents.length];
        int top = 0;
        for (int s : start) {
            if (!marked[s]) {
                marked[s] = true;
                stack[top++] = s;
            }
        }
        while (top > 0) {
            int i = stack[--top];
            top = push(first[i], marked, stack, top);
            if (second != null) {
                top = push(second[i], marked, stack, top);
            }
        }
        return marked;
    }

    private static int push(int[] next, boolean[] marked, int[] stack, int top) {
        for (int j : next) {
            if (!marked[j]) {
                marked[j] = true;
                stack[top++] = j;
            }
        }
        return top;
    }

    /** Heads reachable from a revision through children, in the order the revisions were given. */
    List<Integer> headsFrom(int start) {
        boolean[] below = closureThroughParents(start, false);
        List<Integer> heads = new ArrayList<>();
        for (int i = 0; i < below.length; i++) {
            if (below[i] && children[i].length == 0) {
                heads.add(i);
            }
        }
        return heads;
    }
}
