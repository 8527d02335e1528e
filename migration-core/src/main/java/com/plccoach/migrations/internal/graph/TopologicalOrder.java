package com.plccoach.migrations.internal.graph;

import com.plccoach.migrations.RevisionGraphException;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.Collectors;

/**
 * Parents (and depends_on) before children, ties by the order the revisions were given in (file
 * name order), so every plan is deterministic; a cycle is reported with its path.
 */
final class TopologicalOrder {

    private TopologicalOrder() {
    }

    static int[] of(RevisionGraph graph) {
        int n = graph.size();
        int[] pending = new int[n];
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < n; i++) {
            pending[i] = graph.parents[i].length + graph.deps[i].length;
            if (pending[i] == 0) {
                ready.add(i);
            }
        }
        int[] order = new int[n];
        int count = 0;
        while (!ready.isEmpty()) {
            int i = ready.poll();
            order[count++] = i;
            for (int c : graph.children[i]) {
                if (--pending[c] == 0) {
                    ready.add(c);
                }
            }
            for (int d : graph.dependents[i]) {
                if (--pending[d] == 0) {
                    ready.add(d);
                }
            }
        }
        if (count < n) {
            throw cycle(graph, pending);
        }
        return order;
    }

    /** Every revision left out of the order waits for another left out one: walking those finds a cycle. */
    private static RevisionGraphException cycle(RevisionGraph graph, int[] pending) {
        int start = 0;
        while (pending[start] == 0) {
            start++;
        }
        List<Integer> path = new ArrayList<>();
        int[] position = new int[graph.size()];
        java.util.Arrays.fill(position, -1);
        int current = start;
        while (position[current] < 0) {
            position[current] = path.size();
            path.add(current);
            int next = -1;
            for (int p : graph.parents[current]) {
                if (pending[p] > 0 && (next < 0 || p < next)) {
                    next = p;
                }
            }
            for (int d : graph.deps[current]) {
                if (pending[d] > 0 && (next < 0 || d < next)) {
                    next = d;
                }
            }
            current = next;
        }
        List<Integer> loop = new ArrayList<>(path.subList(position[current], path.size()));
        loop.add(current);
        String arrows = loop.stream().map(graph::id).collect(Collectors.joining(" -> "));
        return new RevisionGraphException("the revisions form a cycle: " + arrows
                + " (each names the next in down_revision or depends_on; files: "
                + graph.describe(loop.subList(0, loop.size() - 1)) + "); make one of them point to an older revision");
    }

}
