package com.plccoach.migrations.internal.graph;

import com.plccoach.migrations.Direction;
import com.plccoach.migrations.TargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a target of DESIGN.md's grammar ("Targets") into a {@link Target}: {@code head}, {@code heads},
 * {@code base}, an id or unique prefix, a bare label (the revision declaring it), {@code label@head},
 * {@code label@heads}, {@code label@base}, {@code label@<id>}, the same with a revision id in place of the
 * label ({@code <id>@head}: the branch holding that revision), and the relative moves
 * {@code +N}, {@code -N}, {@code label@+N}, {@code label@-N} (from the applied set) and
 * {@code <symbol>+N}, {@code <symbol>-N} with an optional {@code label@} in front. Every failure is a
 * {@link TargetException} whose message names the target as typed.
 */
final class TargetResolver {

    /** Alembic's own shape: an optional {@code label@}, an optional symbol, a sign and a count. */
    private static final Pattern RELATIVE = Pattern.compile("(?:([^@]+)@)?(\\w*)([+-])(\\d+)");

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

    /**
     * Resolves for a command going in {@code direction} (null when the command has none, as show,
     * history and stamp): a move from the applied set against the command's direction is refused.
     */
    Target resolve(String target, Set<String> applied, Direction direction) {
        String spec = target == null ? "" : target.strip();
        if (spec.isEmpty()) {
            throw new TargetException(spec, List.of(), "no target given; say where to go: head, heads, base, a revision id,"
                    + " a branch label, label@head, +N or -N");
        }
        if (!isKeyword(spec)) {
            Integer exact = graph.index.get(spec);
            if (exact != null) {
                return Target.of(spec, List.of(exact));
            }
            Integer declaring = graph.labels.get(spec);
            if (declaring != null) {
                return Target.of(spec, List.of(declaring));
            }
        }
        Matcher relative = RELATIVE.matcher(spec);
        if (relative.matches()) {
            return relative(spec, relative, applied, direction);
        }
        int at = spec.indexOf('@');
        if (at >= 0) {
            return atForm(spec, spec.substring(0, at), spec.substring(at + 1));
        }
        return absolute(spec, spec, null);
    }

    private static boolean isKeyword(String symbol) {
        return symbol.equals("head") || symbol.equals("heads") || symbol.equals("base");
    }

    private Target relative(String spec, Matcher m, Set<String> applied, Direction direction) {
        LabelBranch branch = m.group(1) == null ? null : branch(spec, m.group(1));
        String symbol = m.group(2);
        boolean up = m.group(3).equals("+");
        int n = steps(spec, m.group(3), m.group(4));
        if (symbol.isEmpty()) {
            if (direction == Direction.UPGRADE && !up) {
                throw TargetException.wrongDirection(spec, "target '" + spec + "' moves down from the applied revisions, and an"
                        + " upgrade only applies revisions: reverting is a downgrade (downgrade to '" + spec + "')");
            }
            if (direction == Direction.DOWNGRADE && up) {
                throw TargetException.wrongDirection(spec, "target '" + spec + "' moves up from the applied revisions, and a"
                        + " downgrade only reverts revisions: applying is an upgrade (upgrade to '" + spec + "')");
            }
            return fromCurrent(spec, branch, up, n, applied);
        }
        Target start = absolute(spec, symbol, branch);
        if (start.revisions().size() > 1) {
            List<Integer> from = start.revisions();
            throw TargetException.severalHeads(spec, graph.ids(from), "target '" + spec + "' counts from '" + symbol
                    + "', which names several revisions (" + graph.describe(from) + "); count from one of them, e.g. '"
                    + graph.id(from.get(0)) + m.group(3) + m.group(4) + "'");
        }
        return up ? up(spec, start, n, branch) : down(spec, start, n, branch);
    }

    /** {@code label@...}, or {@code <id>@...} for the branch holding that revision. */
    private Target atForm(String spec, String left, String right) {
        if (right.isEmpty() || right.indexOf('@') >= 0) {
            throw new TargetException(spec, List.of(), "target '" + spec + "' is not of the form label@head, label@heads,"
                    + " label@base, label@<revision>, label@+N or label@-N (a revision id works in place of the label)");
        }
        return absolute(spec, right, branch(spec, left));
    }

    /** {@code symbol} is head, heads, base or a revision; with a branch, they are the branch's and must lie on it. */
    private Target absolute(String spec, String symbol, LabelBranch branch) {
        switch (symbol) {
            case "base":
                return branch == null ? Target.of(spec, List.of()) : Target.baseOf(spec, branch.bottoms);
            case "heads":
                return Target.of(spec, branch == null ? graph.headIndexes()
                        : branch.heads());
            case "head":
                return Target.of(spec, List.of(branch == null ? singleHead(spec) : branchHead(spec, branch)));
            default:
                break;
        }
        int revision = branch == null ? revision(spec, symbol) : revisionOn(spec, symbol, branch);
        if (branch != null && !branch.contains(revision)) {
            throw new TargetException(spec, List.of(graph.id(revision)), "target '" + spec + "': revision "
                    + graph.describe(revision) + " is not on " + branch.what() + (branch.label ? " (declared by "
                    + graph.describe(branch.declarer) + ")" : " (its ancestors and descendants)") + "; name a revision of"
                    + " that branch, or drop '" + branch.name + "@'");
        }
        return Target.of(spec, List.of(revision));
    }

    private int singleHead(String spec) {
        List<Integer> heads = graph.headIndexes();
        if (heads.isEmpty()) {
            throw new TargetException(spec, List.of(), "target '" + spec + "': there are no revisions yet; create one first");
        }
        if (heads.size() > 1) {
            throw TargetException.severalHeads(spec, graph.ids(heads), "target '" + spec + "' is ambiguous: the graph has "
                    + heads.size() + " heads: " + graph.describe(heads) + ". Use 'heads' to reach all of them, name one"
                    + " (or label@head), or join them with a merge revision");
        }
        return heads.get(0);
    }

    private int branchHead(String spec, LabelBranch branch) {
        List<Integer> heads = branch.heads();
        if (heads.size() > 1) {
            throw TargetException.severalHeads(spec, graph.ids(heads), "target '" + spec + "' is ambiguous: "
                    + branch.what() + " ends in several heads: " + graph.describe(heads) + "; use '" + branch.name
                    + "@heads' to reach all of them, name one by its id, or join them with a merge revision");
        }
        return heads.get(0);
    }

    /** A branch label, or else a revision id or prefix standing for the branch holding that revision. */
    private LabelBranch branch(String spec, String name) {
        Integer declaring = graph.labels.get(name);
        if (declaring != null) {
            return LabelBranch.ofLabel(graph, name, declaring);
        }
        if (name.isEmpty() || prefixed(name).isEmpty()) {
            throw unknownLabel(spec, name);
        }
        return LabelBranch.ofRevision(graph, name, revision(spec, name));
    }

    /** As {@link #revision}, but a prefix only needs to be unique among the branch's revisions (as in Alembic). */
    private int revisionOn(String spec, String name, LabelBranch branch) {
        if (graph.index.containsKey(name) || graph.labels.containsKey(name)) {
            return revision(spec, name);
        }
        List<Integer> onBranch = branch.filter(prefixed(name));
        return onBranch.size() == 1 ? onBranch.get(0) : revision(spec, name);
    }

    private TargetException unknownLabel(String spec, String label) {
        return new TargetException(spec, List.of(), "unknown branch label '" + label + "' in target '" + spec + "'"
                + (graph.labels.isEmpty() ? "; no revision declares branch_labels, and no revision id starts with it"
                : "; the labels are " + String.join(", ", graph.labels.keySet())));
    }

    /** An exact id, a branch label (the revision declaring it), or a unique prefix of an id. */
    private int revision(String spec, String name) {
        Integer exact = graph.index.get(name);
        if (exact != null) {
            return exact;
        }
        Integer declaring = graph.labels.get(name);
        if (declaring != null) {
            return declaring;
        }
        List<Integer> candidates = prefixed(name);
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        String in = name.equals(spec) ? "" : " in target '" + spec + "'";
        if (candidates.isEmpty()) {
            throw TargetException.unknownRevision(spec, name);
        }
        throw TargetException.ambiguousPrefix(spec, graph.ids(candidates), "ambiguous revision prefix '" + name + "'" + in
                + ": it starts " + candidates.size() + " ids: " + graph.describe(candidates) + "; type more of the id");
    }

    private List<Integer> prefixed(String prefix) {
        List<Integer> candidates = new ArrayList<>();
        for (Map.Entry<String, Integer> e : sortedIds().tailMap(prefix, true).entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                break;
            }
            candidates.add(e.getValue());
        }
        return candidates;
    }

    /** {@code +N}, {@code -N}, {@code label@+N}, {@code label@-N}: counted from the applied head (of the branch). */
    private Target fromCurrent(String spec, LabelBranch branch, boolean up, int n, Set<String> applied) {
        List<Integer> tips = branch == null ? graph.appliedTips(applied) : branchTips(branch, applied);
        String where = branch == null ? "the database" : branch.what();
        if (tips.size() > 1) {
            throw TargetException.severalHeads(spec, graph.ids(tips), "target '" + spec + "' is ambiguous: " + where
                    + " has several heads applied (" + String.join(", ", graph.ids(tips)) + "); say which branch to count"
                    + " from, e.g. '" + graph.id(tips.get(0)) + spec.substring(spec.indexOf('@') + 1) + "'");
        }
        if (tips.isEmpty() && !up) {
            throw new TargetException(spec, List.of(), "target '" + spec + "' steps past base: nothing "
                    + (branch == null ? "is applied" : "of " + branch.what() + " is applied") + ", there is nothing to revert");
        }
        Target start = !tips.isEmpty() ? Target.of(spec, tips)
                : branch == null ? Target.of(spec, List.of()) : Target.baseOf(spec, branch.bottoms);
        return up ? up(spec, start, n, branch) : down(spec, start, n, branch);
    }

    private List<Integer> branchTips(LabelBranch branch, Set<String> applied) {
        List<Integer> tips = new ArrayList<>();
        for (int i : graph.topo()) {
            if (branch.contains(i) && applied.contains(graph.id(i))
                    && branch.filter(graph.children[i]).stream().noneMatch(c -> applied.contains(graph.id(c)))) {
                tips.add(i);
            }
        }
        return tips;
    }

    /** N steps towards the heads, along the branch when there is one. */
    private Target up(String spec, Target start, int n, LabelBranch branch) {
        Integer current = start.isBase() ? null : start.revisions().get(0);
        for (int step = 1; step <= n; step++) {
            List<Integer> next;
            if (current == null) {
                next = start.baseRoots() != null ? start.baseRoots()
                        : graph.baseIndexes();
            } else {
                next = branch == null ? RevisionGraph.list(graph.children[current]) : branch.filter(graph.children[current]);
            }
            String from = current == null ? "base" : graph.id(current);
            if (next.isEmpty()) {
                throw new TargetException(spec, List.of(), "target '" + spec + "' steps past the head: " + from
                        + " has no revision above it" + (branch == null ? "" : " on " + branch.what())
                        + " (only " + (step - 1) + " of the " + n + " steps exist); use 'head' or 'heads' to go to the end");
            }
            if (next.size() > 1) {
                throw TargetException.severalHeads(spec, graph.ids(next), "target '" + spec + "' is ambiguous: " + from
                        + " is followed by several revisions (" + graph.describe(next) + "); count along one branch, e.g. '"
                        + graph.id(next.get(0)) + (n - step > 0 ? "+" + (n - step) : "") + "'");
            }
            current = next.get(0);
        }
        return Target.of(spec, List.of(current));
    }

    /**
     * N steps towards base, along the branch when there is one. The last step may reach a merge's
     * parents (all of them) or go below a root: then the result is base for that root only.
     */
    private Target down(String spec, Target start, int n, LabelBranch branch) {
        List<Integer> current = start.revisions();
        int lastRoot = -1;
        for (int step = 1; step <= n; step++) {
            if (current.isEmpty()) {
                throw new TargetException(spec, List.of(), "target '" + spec + "' steps past base: only " + (step - 1) + " of the "
                        + n + " steps down exist; use '" + (branch == null ? "" : branch.name + "@") + "base' to revert"
                        + (branch == null ? " everything" : " the whole branch"));
            }
            if (current.size() > 1) {
                throw TargetException.severalHeads(spec, graph.ids(current), "target '" + spec + "' is ambiguous: after "
                        + (step - 1) + " step(s) it reaches the parents of a merge (" + graph.describe(current)
                        + "); count along one of them, e.g. '" + graph.id(current.get(0)) + "-" + (n - step + 1) + "'");
            }
            int r = current.get(0);
            current = branch == null ? RevisionGraph.list(graph.parents[r]) : branch.filter(graph.parents[r]);
            lastRoot = r;
        }
        return current.isEmpty() ? Target.baseOf(spec, List.of(lastRoot)) : Target.of(spec, current);
    }

    private static int steps(String spec, String sign, String digits) {
        int n;
        try {
            n = Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new TargetException(spec, List.of(), "target '" + spec + "': " + digits + " steps is too many");
        }
        if (n < 1) {
            throw new TargetException(spec, List.of(), "target '" + spec + "' moves " + sign + digits + " steps: a relative"
                    + " move counts at least one step (" + sign + "1); to stay where you are there is nothing to run");
        }
        return n;
    }
}
