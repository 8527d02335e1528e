package com.plccoach.migrations.internal.graph;

import com.plccoach.migrations.TargetException;
import com.plccoach.migrations.internal.script.Revision;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a target of DESIGN.md's grammar into revisions: {@code head}, {@code heads}, {@code base},
 * an id or unique prefix, {@code label@head}, {@code +N}, {@code -N} (from the applied set),
 * {@code head-N}, {@code <id>+N}, {@code <id>-N}. An empty result means base.
 */
final class TargetResolver {

    private static final Pattern CURRENT_RELATIVE = Pattern.compile("([+-])(\\d+)");
    private static final Pattern RELATIVE = Pattern.compile("(.+?)([+-])(\\d+)");

    private final RevisionGraph graph;
    private volatile TreeMap<String, Integer> sortedIds;

    TargetResolver(RevisionGraph graph) {
        this.graph = graph;
    }

    /** Sorted on first use only: most commands never look up a prefix, and sorting is the costliest part of a build. */
    private TreeMap<String, Integer> sortedIds() {
        TreeMap<String, Integer> sorted = sortedIds;
        if (sorted == null) {
            sorted = new TreeMap<>(graph.index);
            sortedIds = sorted;
        }
        return sorted;
    }

    List<Integer> resolve(String target, Set<String> applied) {
        String spec = target == null ? "" : target.strip();
        if (spec.isEmpty()) {
            throw new TargetException("no target given; say where to go: head, heads, base, a revision id, label@head,"
                    + " +N or -N (e.g. -Dplccoach.target=head)");
        }
        Matcher current = CURRENT_RELATIVE.matcher(spec);
        if (current.matches()) {
            return fromCurrent(spec, current.group(1).equals("+"), steps(spec, current.group(2)), applied);
        }
        Matcher relative = RELATIVE.matcher(spec);
        if (relative.matches()) {
            List<Integer> from = absolute(relative.group(1));
            if (from.size() > 1) {
                throw new TargetException("target '" + spec + "' counts from '" + relative.group(1) + "', which names several"
                        + " revisions (" + graph.describe(from) + "); count from one of them, e.g. '" + graph.id(from.get(0))
                        + relative.group(2) + relative.group(3) + "'");
            }
            Integer start = from.isEmpty() ? null : from.get(0);
            int n = steps(spec, relative.group(3));
            return relative.group(2).equals("+") ? up(spec, start, n) : down(spec, start, n);
        }
        return absolute(spec);
    }

    private List<Integer> absolute(String spec) {
        switch (spec) {
            case "base":
                return List.of();
            case "heads":
                return graph.heads().stream().map(r -> graph.indexOf(r.id())).toList();
            case "head":
                return List.of(singleHead(spec));
            default:
                break;
        }
        int at = spec.indexOf('@');
        if (at >= 0) {
            return List.of(labelHead(spec, spec.substring(0, at), spec.substring(at + 1)));
        }
        return List.of(byIdOrPrefix(spec));
    }

    private int singleHead(String spec) {
        List<Revision> heads = graph.heads();
        if (heads.isEmpty()) {
            throw new TargetException("target '" + spec + "': there are no revisions yet; create one with"
                    + " `mvn plccoach:revision -Dplccoach.message=...`");
        }
        if (heads.size() > 1) {
            throw new TargetException("target '" + spec + "' is ambiguous: the graph has " + heads.size() + " heads: "
                    + heads.stream().map(Revision::toString).collect(Collectors.joining(", "))
                    + ". Use 'heads' to reach all of them, name one (or label@head), or join them with"
                    + " `mvn plccoach:merge`");
        }
        return graph.indexOf(heads.get(0).id());
    }

    private int labelHead(String spec, String label, String where) {
        Integer declaring = graph.labels.get(label);
        if (declaring == null) {
            throw new TargetException("unknown branch label '" + label + "' in target '" + spec + "'"
                    + (graph.labels.isEmpty() ? "; no revision declares branch_labels"
                    : "; the labels are " + String.join(", ", graph.labels.keySet())));
        }
        if (!where.equals("head")) {
            throw new TargetException("target '" + spec + "': after '@' only 'head' is supported, as in '" + label + "@head'");
        }
        List<Integer> heads = graph.headsFrom(declaring);
        if (heads.size() > 1) {
            throw new TargetException("target '" + spec + "' is ambiguous: branch '" + label + "' ends in several heads: "
                    + graph.describe(heads) + "; merge them with `mvn plccoach:merge` or name one by its id");
        }
        return heads.get(0);
    }

    private int byIdOrPrefix(String spec) {
        Integer exact = graph.index.get(spec);
        if (exact != null) {
            return exact;
        }
        List<Integer> candidates = new ArrayList<>();
        for (Map.Entry<String, Integer> e : sortedIds().tailMap(spec, true).entrySet()) {
            if (!e.getKey().startsWith(spec)) {
                break;
            }
            candidates.add(e.getValue());
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (candidates.isEmpty()) {
            String hint = graph.labels.containsKey(spec) ? "; '" + spec + "' is a branch label: did you mean '" + spec + "@head'?"
                    : "; `mvn plccoach:history` lists the revisions";
            throw new TargetException("unknown revision '" + spec + "': no revision id is or starts with it" + hint);
        }
        throw new TargetException("ambiguous revision prefix '" + spec + "': it starts " + candidates.size() + " ids: "
                + graph.describe(candidates) + "; type more of the id");
    }

    private List<Integer> fromCurrent(String spec, boolean up, int n, Set<String> applied) {
        List<String> heads = graph.headsOf(applied);
        if (heads.size() > 1) {
            throw new TargetException("target '" + spec + "' is ambiguous: the database has several heads applied ("
                    + String.join(", ", heads) + "); say which branch to count from, e.g. '" + heads.get(0) + spec + "'");
        }
        Integer start = heads.isEmpty() ? null : graph.indexOf(heads.get(0));
        if (!up && start == null) {
            throw new TargetException("target '" + spec + "' steps past base: nothing is applied, there is nothing to revert");
        }
        return up ? up(spec, start, n) : down(spec, start, n);
    }

    /** N steps towards the heads; {@code start} null means base. */
    private List<Integer> up(String spec, Integer start, int n) {
        Integer current = start;
        for (int step = 1; step <= n; step++) {
            List<Integer> next = new ArrayList<>();
            if (current == null) {
                graph.bases().forEach(r -> next.add(graph.indexOf(r.id())));
            } else {
                for (int c : graph.children[current]) {
                    next.add(c);
                }
            }
            String from = current == null ? "base" : graph.id(current);
            if (next.isEmpty()) {
                throw new TargetException("target '" + spec + "' steps past the head: " + from + " has no revision above it"
                        + " (only " + (step - 1) + " of the " + n + " steps exist); use 'head' or 'heads' to go to the end");
            }
            if (next.size() > 1) {
                throw new TargetException("target '" + spec + "' is ambiguous: " + from + " is followed by several revisions ("
                        + graph.describe(next) + "); count along one branch, e.g. '" + graph.id(next.get(0))
                        + (n - step > 0 ? "+" + (n - step) : "") + "'");
            }
            current = next.get(0);
        }
        return List.of(current);
    }

    /** N steps towards base; the result is base (empty), one revision or, on the last step, a merge's parents. */
    private List<Integer> down(String spec, Integer start, int n) {
        List<Integer> current = start == null ? List.of() : List.of(start);
        for (int step = 1; step <= n; step++) {
            if (current.isEmpty()) {
                throw new TargetException("target '" + spec + "' steps past base: only " + (step - 1) + " of the " + n
                        + " steps down exist; use 'base' to revert everything");
            }
            if (current.size() > 1) {
                throw new TargetException("target '" + spec + "' is ambiguous: after " + (step - 1) + " step(s) it reaches the"
                        + " parents of a merge (" + graph.describe(current) + "); count along one of them, e.g. '"
                        + graph.id(current.get(0)) + "-" + (n - step + 1) + "'");
            }
            int r = current.get(0);
            List<Integer> next = new ArrayList<>();
            for (int p : graph.parents[r]) {
                next.add(p);
            }
            current = next;
        }
        return current;
    }

    private static int steps(String spec, String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new TargetException("target '" + spec + "': " + digits + " steps is too many", e);
        }
    }
}
