package com.plccoach.migrations.internal.graph;

import com.plccoach.migrations.Direction;
import com.plccoach.migrations.TargetException;
import com.plccoach.migrations.internal.script.Revision;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Alembic's downgrade rule: to go down to T, revert what is built on T through {@code down_revision}
 * (the applied descendants of T's children) and every applied revision that depends on one being
 * reverted, children first. A revision that merely depends on T stays: reverting more than asked is
 * the worst thing a rollback can do. Going to base reverts everything, or, for {@code label@base} and
 * moves that walk below a root, what is built on that branch's roots.
 */
final class DowngradePlanner {

    private final RevisionGraph graph;

    DowngradePlanner(RevisionGraph graph) {
        this.graph = graph;
    }

    Plan plan(Set<String> applied, Target target) {
        for (int t : target.revisions()) {
            if (!applied.contains(graph.id(t))) {
                throw new TargetException(target.spec(), List.of(graph.id(t)), "cannot downgrade to " + named(target, t)
                        + ": it is not applied (current heads: " + graph.headsText(applied) + "). A downgrade only reverts;"
                        + " to apply " + graph.id(t) + ", upgrade to it");
            }
        }
        boolean[] revert = reverted(applied, target);
        List<Revision> steps = new ArrayList<>();
        int[] topo = graph.topo();
        for (int k = topo.length - 1; k >= 0; k--) {
            int i = topo[k];
            if (revert[i]) {
                Revision r = graph.revision(i);
                steps.add(r); // an irreversible one is refused where the plan is prepared (PreparedPlan), the one place
            }
        }
        if (steps.isEmpty() && target.revisions().size() == 1) {
            refuseIfOnlyADependency(applied, target);
        }
        return new Plan(Direction.DOWNGRADE, target.spec(), steps);
    }

    /** The target as typed, with the revision it stands for when that is not the same text. */
    private String named(Target target, int revision) {
        String id = graph.id(revision);
        return target.spec().equals(id) ? id : "'" + target.spec() + "' (" + id + ")";
    }

    private boolean[] reverted(Set<String> applied, Target target) {
        List<Integer> roots = new ArrayList<>();
        boolean[] keep = new boolean[graph.size()];
        if (!target.isBase()) {
            for (int t : target.revisions()) {
                roots.addAll(RevisionGraph.list(graph.children[t]));
            }
            // several targets (a merge's parents, heads) may be built on one another: none of them goes
            keep = graph.closure(target.revisions(), true);
        } else if (target.baseRoots() != null) {
            roots.addAll(target.baseRoots());
        } else {
            roots.addAll(graph.baseIndexes());
        }
        boolean[] above = graph.closure(roots, false);
        boolean[] revert = new boolean[graph.size()];
        for (int i = 0; i < revert.length; i++) {
            revert[i] = above[i] && !keep[i] && applied.contains(graph.id(i));
        }
        return revert;
    }

    /**
     * Nothing to revert is fine when the target is where the database already is; it is a mistake
     * when the target is applied only because another revision depends on it: reaching it would mean
     * reverting that revision, which is not built on it.
     */
    private void refuseIfOnlyADependency(Set<String> applied, Target target) {
        int t = target.revisions().get(0);
        List<Integer> tips = graph.appliedTips(applied);
        if (tips.contains(t)) {
            return;
        }
        List<Integer> users = new ArrayList<>();
        for (int tip : tips) {
            if (graph.closure(List.of(tip), true)[t]) {
                users.add(tip);
            }
        }
        if (users.isEmpty()) {
            return; // an applied set that is not closed under ancestors: nothing here to explain
        }
        String heads = String.join(", ", graph.ids(tips));
        throw new TargetException(target.spec(), graph.ids(tips), "cannot downgrade to " + named(target, t) + ": it is applied only"
                + " as a dependency of " + String.join(", ", graph.ids(users)) + " (depends_on), and nothing built on "
                + graph.id(t) + " through down_revision is applied, so no downgrade ends at " + graph.id(t)
                + ". The applied heads are " + heads + "; to revert " + graph.id(users.get(0)) + ", downgrade to '"
                + graph.id(users.get(0)) + "-1'");
    }
}
