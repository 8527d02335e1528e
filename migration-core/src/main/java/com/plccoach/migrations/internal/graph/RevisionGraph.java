package com.plccoach.migrations.internal.graph;

import com.plccoach.migrations.Direction;
import com.plccoach.migrations.RevisionGraphException;
import com.plccoach.migrations.TargetException;
import com.plccoach.migrations.internal.script.Revision;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The validated DAG of revisions. Edges come from {@code down_revision} (parents) and
 * {@code depends_on}; heads, bases, branch and merge points follow parents only, as in Alembic.
 * Wherever the graph alone does not fix an order, revisions keep the order they were given in (the
 * script sources give file name order), so every list and plan is deterministic.
 *
 * <p>Immutable; built once by {@link #of(List)}, which throws {@link RevisionGraphException} naming
 * the culprits of the first problem found.
 */
public final class RevisionGraph {

    final List<Revision> byIndex;
    final Map<String, Integer> index;
    final Map<String, Integer> labels;
    private final Edges edges;
    // the edges' own arrays, shared with the resolver, the renderer and the topological order, which read them by position
    final int[][] parents;
    final int[][] children;
    final int[][] deps;
    final int[][] dependents;
    private final int[] topo;
    private final List<Revision> ordered;
    private final TargetResolver resolver;

    private RevisionGraph(List<Revision> revisions) {
        RevisionNames names = new RevisionNames(revisions);
        this.index = names.ids;
        this.labels = names.labels;
        this.byIndex = List.copyOf(names.withLabelDependenciesResolved(revisions));
        this.edges = new Edges(byIndex, index);
        this.parents = edges.parents;
        this.children = edges.children;
        this.deps = edges.deps;
        this.dependents = edges.dependents;
        this.topo = TopologicalOrder.of(this);
        List<Revision> list = new ArrayList<>(byIndex.size());
        for (int i : topo) {
            list.add(byIndex.get(i));
        }
        this.ordered = List.copyOf(list);
        this.resolver = new TargetResolver(this);
    }

    /** Validates and builds; throws RevisionGraphException naming the culprits. */
    public static RevisionGraph of(List<Revision> revisions) {
        return new RevisionGraph(revisions);
    }

    /**
     * The same as {@link #of}: a branch label whose revisions end in several heads is a valid graph
     * (only {@code label@head} is then ambiguous). Kept for the callers that write the merge fixing it.
     */
    public static RevisionGraph ofAllowingSplitLabels(List<Revision> revisions) {
        return new RevisionGraph(revisions);
    }

    /** All revisions, parents before children, ties ordered deterministically. */
    public List<Revision> revisions() {
        return ordered;
    }

    public int size() {
        return byIndex.size();
    }

    public Optional<Revision> find(String id) {
        Integer i = index.get(id);
        return i == null ? Optional.empty() : Optional.of(byIndex.get(i));
    }

    /** The revision with exactly this id; TargetException if there is none. */
    public Revision require(String id) {
        Integer i = index.get(id);
        if (i == null) {
            throw TargetException.unknownRevision(id, id);
        }
        return byIndex.get(i);
    }

    /** Revisions without children, in graph order. */
    public List<Revision> heads() {
        return select(i -> children[i].length == 0);
    }

    /** Revisions without parents, in graph order. */
    public List<Revision> bases() {
        return select(i -> parents[i].length == 0);
    }

    /** Revisions with more than one child. */
    public List<Revision> branchPoints() {
        return select(i -> children[i].length > 1);
    }

    /** Revisions with more than one parent. */
    public List<Revision> mergePoints() {
        return select(i -> parents[i].length > 1);
    }

    public List<Revision> children(String id) {
        return revisionsOf(children[indexOf(id)]);
    }

    /** The branch labels and the revision that declares each. */
    public Map<String, Revision> labels() {
        Map<String, Revision> out = new LinkedHashMap<>();
        labels.forEach((label, i) -> out.put(label, byIndex.get(i)));
        return out;
    }

    /** The heads of an applied set: applied revisions none of whose applied descendants exist. */
    public List<String> headsOf(Set<String> applied) {
        List<String> heads = new ArrayList<>();
        for (int i : topo) {
            if (!applied.contains(id(i))) {
                continue;
            }
            boolean childApplied = false;
            for (int c : children[i]) {
                if (applied.contains(id(c))) {
                    childApplied = true;
                    break;
                }
            }
            if (!childApplied) {
                heads.add(id(i));
            }
        }
        return heads;
    }

    /**
     * The revision ids a target names: empty for base, several for {@code heads} or a relative step
     * down to a merge's parents. Relative targets count from the applied set.
     */
    public List<String> resolve(String target, Set<String> applied) {
        return ids(resolver.resolve(target, applied, null).revisions());
    }

    /** The one revision a target names (for {@code show} and the parent of a new revision). */
    public Revision resolveOne(String target, Set<String> applied) {
        List<Integer> ids = resolver.resolve(target, applied, null).revisions();
        if (ids.size() != 1) {
            throw new TargetException(target, ids(ids), "target '" + target + "' names " + (ids.isEmpty() ? "base, not a revision"
                    : "several revisions (" + describe(ids) + ")") + "; name one revision by its id");
        }
        return byIndex.get(ids.get(0));
    }

    /** The ids of the given revisions and everything they need: ancestors and depends_on, transitively. */
    public Set<String> ancestors(Collection<String> ids) {
        boolean[] marked = closure(ids.stream().map(this::indexOf).toList(), true);
        return idsOf(marked);
    }

    /** Revisions to apply, parents first, to reach the target from the applied set. */
    public Plan upgradePlan(Set<String> applied, String target) {
        List<Integer> targets = resolver.resolve(target, applied, Direction.UPGRADE).revisions();
        return upgradePlanTo(applied, targets, target);
    }

    /** Revisions to apply, parents first, so that all of {@code targetIds} are applied. */
    public Plan upgradePlanTo(Set<String> applied, Collection<String> targetIds, String targetName) {
        return upgradePlanTo(applied, targetIds.stream().map(this::indexOf).toList(), targetName);
    }

    private Plan upgradePlanTo(Set<String> applied, List<Integer> targets, String targetName) {
        boolean[] needed = closure(targets, true);
        List<Revision> steps = new ArrayList<>();
        for (int i : topo) {
            if (needed[i] && !applied.contains(id(i))) {
                steps.add(byIndex.get(i));
            }
        }
        return new Plan(Direction.UPGRADE, targetName, steps);
    }

    /**
     * The plan of a command with no direction of its own (plan, stamp): an upgrade when the target
     * has revisions to apply, otherwise a downgrade; moves from the applied set go either way. A stamp
     * may go down through an irreversible revision (it is how a revision reverted by hand is
     * recorded): only a run refuses that, where the plan is prepared (PreparedPlan).
     */
    public Plan planTowards(Set<String> applied, String target) {
        Target resolved = resolver.resolve(target, applied, null);
        Plan up = upgradePlanTo(applied, resolved.revisions(), target);
        return up.isEmpty() ? new DowngradePlanner(this).plan(applied, resolved) : up;
    }

    /**
     * Revisions to revert, children first, to reach the target from the applied set: what is built
     * on the target through {@code down_revision}, and whatever depends on a reverted revision. A
     * revision that merely depends on the target stays; see {@link DowngradePlanner}.
     */
    public Plan downgradePlan(Set<String> applied, String target) {
        return new DowngradePlanner(this).plan(applied, resolver.resolve(target, applied, Direction.DOWNGRADE));
    }


    /** Revisions from {@code range} ({@code a:b}, {@code a:}, {@code :b} or empty for all), newest first, with an ASCII graph. */
    public List<HistoryLine> history(String range, Set<String> applied) {
        return HistoryRenderer.render(this, resolver, range, applied);
    }

    // ---- internals shared with the resolver and the renderer ----

    int[] topo() {
        return topo;
    }

    String id(int i) {
        return byIndex.get(i).id();
    }

    Revision revision(int i) {
        return byIndex.get(i);
    }

    int indexOf(String id) {
        Integer i = index.get(id);
        if (i == null) {
            require(id);
        }
        return i;
    }

    List<String> ids(List<Integer> indexes) {
        return indexes.stream().map(this::id).toList();
    }

    static List<Integer> list(int[] indexes) {
        List<Integer> out = new ArrayList<>(indexes.length);
        for (int i : indexes) {
            out.add(i);
        }
        return out;
    }

    List<Integer> headIndexes() {
        return selectIndexes(i -> children[i].length == 0);
    }

    List<Integer> baseIndexes() {
        return selectIndexes(i -> parents[i].length == 0);
    }

    /**
     * The applied revisions nothing applied is built on, through {@code down_revision} or
     * {@code depends_on}: what Alembic keeps in its version table. A revision applied only because
     * another depends on it is not one of them.
     */
    List<Integer> appliedTips(Set<String> applied) {
        return selectIndexes(i -> applied.contains(id(i)) && noneApplied(children[i], applied)
                && noneApplied(dependents[i], applied));
    }

    private boolean noneApplied(int[] indexes, Set<String> applied) {
        for (int j : indexes) {
            if (applied.contains(id(j))) {
                return false;
            }
        }
        return true;
    }

    /** Ancestors (down) or descendants (up) of one revision through down_revision only, itself included. */
    boolean[] closureThroughParents(int start, boolean down) {
        return edges.closureThroughParents(start, down);
    }

    private List<Integer> selectIndexes(java.util.function.IntPredicate test) {
        List<Integer> out = new ArrayList<>();
        for (int i : topo) {
            if (test.test(i)) {
                out.add(i);
            }
        }
        return out;
    }

    /** Ancestors (down) or descendants and dependents (up) of the start nodes, the start nodes included. */
    boolean[] closure(Collection<Integer> start, boolean down) {
        return edges.closure(start, down);
    }

    /** Heads reachable from a revision through children, in the order the revisions were given. */
    List<Integer> headsFrom(int start) {
        return edges.headsFrom(start);
    }

    String describe(int i) {
        Revision r = byIndex.get(i);
        return r.id() + " (" + r.location() + ")";
    }

    String describe(List<Integer> indexes) {
        return indexes.stream().map(this::describe).collect(Collectors.joining(", "));
    }

    String headsText(Set<String> applied) {
        List<String> heads = headsOf(applied);
        return heads.isEmpty() ? "base" : String.join(", ", heads);
    }

    private List<Revision> select(java.util.function.IntPredicate test) {
        List<Revision> out = new ArrayList<>();
        for (int i : topo) {
            if (test.test(i)) {
                out.add(byIndex.get(i));
            }
        }
        return out;
    }

    private List<Revision> revisionsOf(int[] indexes) {
        List<Revision> out = new ArrayList<>(indexes.length);
        for (int i : indexes) {
            out.add(byIndex.get(i));
        }
        return out;
    }

    private Set<String> idsOf(boolean[] marked) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (int i : topo) {
            if (marked[i]) {
                out.add(id(i));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "RevisionGraph[" + size() + " revisions, heads " + heads().stream().map(Revision::id).toList() + "]";
    }
}
