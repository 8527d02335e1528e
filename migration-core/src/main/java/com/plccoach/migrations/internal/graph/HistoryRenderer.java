package com.plccoach.migrations.internal.graph;

import com.plccoach.migrations.TargetException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Draws the graph newest first, one lane per branch in flight, as {@code git log --graph} does:
 * {@code *} marks the revision, {@code |} a lane passing by, {@code |\} a merge opening lanes for its
 * extra parents and {@code |/} two lanes joining at a branch point.
 */
final class HistoryRenderer {

    private HistoryRenderer() {
    }

    static List<HistoryLine> render(RevisionGraph graph, TargetResolver resolver, String range, Set<String> applied) {
        boolean[] shown = select(graph, resolver, range, applied);
        int[] topo = graph.topo();
        List<Integer> lanes = new ArrayList<>();
        List<Integer> nodes = new ArrayList<>();
        List<String> graphs = new ArrayList<>();
        List<List<String>> afters = new ArrayList<>();
        for (int k = topo.length - 1; k >= 0; k--) {
            int node = topo[k];
            if (!shown[node]) {
                continue;
            }
            int col = lanes.indexOf(node);
            if (col < 0) {
                lanes.add(node);
                col = lanes.size() - 1;
            }
            // the other lanes waiting for this revision (its other children) join its lane just above it
            for (int j = lanes.size() - 1; j > col; j--) {
                if (lanes.get(j) == node) {
                    afters.get(afters.size() - 1).add(shiftLeft(lanes.size(), j));
                    lanes.remove(j);
                }
            }
            List<Integer> parents = new ArrayList<>();
            for (int p : graph.parents[node]) {
                if (shown[p]) {
                    parents.add(p);
                }
            }
            String graphText = nodeLine(lanes, col) + "  ".repeat(Math.max(0, parents.size() - 1));
            List<String> after = new ArrayList<>();
            if (parents.isEmpty()) {
                if (col < lanes.size() - 1) {
                    after.add(shiftLeft(lanes.size(), col + 1).replaceFirst("^((?:\\| ){" + col + "})\\|", "$1 "));
                }
                lanes.remove(col);
            } else {
                lanes.set(col, parents.get(0));
                for (int p = 1; p < parents.size(); p++) {
                    after.add(openRight(lanes.size(), col + p - 1));
                    lanes.add(col + p, parents.get(p));
                }
            }
            nodes.add(node);
            graphs.add(graphText);
            afters.add(after);
        }
        List<HistoryLine> out = new ArrayList<>(nodes.size());
        for (int e = 0; e < nodes.size(); e++) {
            int node = nodes.get(e);
            out.add(new HistoryLine(graphs.get(e), afters.get(e), graph.revision(node), graph.children[node].length == 0,
                    graph.children[node].length > 1, graph.parents[node].length > 1));
        }
        return out;
    }

    private static boolean[] select(RevisionGraph graph, TargetResolver resolver, String range, Set<String> applied) {
        boolean[] all = new boolean[graph.size()];
        java.util.Arrays.fill(all, true);
        if (range == null || range.isBlank()) {
            return all;
        }
        int colon = range.indexOf(':');
        if (colon < 0) {
            throw new TargetException(range, List.of(), "history range '" + range + "' has no ':'; write it as"
                    + " older:newer, e.g. 'base:head', 'abc123:' or ':abc123'");
        }
        String lower = range.substring(0, colon).strip();
        String upper = range.substring(colon + 1).strip();
        List<Integer> from = lower.isEmpty() ? null : resolveEnd(resolver, range, lower, applied);
        List<Integer> to = upper.isEmpty() ? null : resolveEnd(resolver, range, upper, applied);
        if (from != null && to != null) {
            requireAncestor(graph, range, lower, from, upper, to);
        }
        boolean[] above = from == null ? all : closureOrAll(graph, from, false);
        boolean[] below = to == null ? all : closureOrAll(graph, to, true);
        boolean[] shown = new boolean[graph.size()];
        for (int i = 0; i < shown.length; i++) {
            shown[i] = above[i] && below[i];
        }
        return shown;
    }

    /** An end of a range, resolved; a failure names the whole range as well as the end. */
    private static List<Integer> resolveEnd(TargetResolver resolver, String range, String end, Set<String> applied) {
        try {
            return resolver.resolve(end, applied, null).revisions();
        } catch (TargetException e) {
            throw new TargetException(range, e.revisions(), "history range '" + range + "': " + e.getMessage());
        }
    }

    /** Alembic prints nothing for a reversed range or two siblings; saying why is more useful. */
    private static void requireAncestor(RevisionGraph graph, String range, String lower, List<Integer> from, String upper,
            List<Integer> to) {
        if (from.isEmpty()) {
            return;
        }
        String both = "history range '" + range + "': ";
        if (to.isEmpty()) {
            throw new TargetException(range, graph.ids(from), both + "'" + lower + "' is not an ancestor of base; a range goes"
                    + " from an older revision to a newer one, e.g. 'base:" + lower + "'");
        }
        boolean[] belowUpper = graph.closure(to, true);
        if (from.stream().allMatch(i -> belowUpper[i])) {
            return;
        }
        boolean[] belowLower = graph.closure(from, true);
        List<String> ends = new java.util.ArrayList<>(graph.ids(from));
        ends.addAll(graph.ids(to));
        if (to.stream().allMatch(i -> belowLower[i])) {
            throw new TargetException(range, ends, both + "it is reversed: '" + upper + "' is older than '" + lower
                    + "' (an ancestor of it); write the older end first: '" + upper + ":" + lower + "'");
        }
        throw new TargetException(range, ends, both + "'" + lower + "' is not an ancestor of '" + upper + "': they are on"
                + " different branches, so no revision lies between them; show each branch with '" + lower + ":' and ':"
                + upper + "'");
    }

    private static boolean[] closureOrAll(RevisionGraph graph, Collection<Integer> ids, boolean down) {
        if (ids.isEmpty()) {
            boolean[] marked = new boolean[graph.size()];
            if (!down) {
                java.util.Arrays.fill(marked, true);
            }
            return marked;
        }
        return graph.closure(ids, down);
    }

    private static String nodeLine(List<Integer> lanes, int col) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lanes.size(); i++) {
            sb.append(i == col ? '*' : '|').append(' ');
        }
        return sb.toString();
    }

    /** Lane {@code from} and every lane right of it move one place left. */
    private static String shiftLeft(int laneCount, int from) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < laneCount; i++) {
            if (i < from) {
                sb.append(i == 0 ? "|" : " |");
            } else {
                sb.append('/');
                if (i < laneCount - 1) {
                    sb.append(' ');
                }
            }
        }
        return sb.toString().stripTrailing();
    }

    /** A new lane opens right of {@code col}; lanes further right move one place right. */
    private static String openRight(int laneCount, int col) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i <= col; i++) {
            sb.append(i == 0 ? "|" : " |");
        }
        sb.append('\\');
        for (int i = col + 1; i < laneCount; i++) {
            sb.append(" \\");
        }
        return sb.toString();
    }
}
