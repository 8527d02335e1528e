package com.plccoach.migrations.internal.execution;

import com.plccoach.migrations.Direction;
import com.plccoach.migrations.internal.graph.Plan;
import com.plccoach.migrations.internal.graph.RevisionGraph;
import com.plccoach.migrations.internal.script.Revision;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a stamp inserts or deletes. Like a run's plan, except that going down ignores whether a
 * revision is reversible: stamping is how a revision reverted by hand is recorded.
 */
public final class StampPlans {

    private StampPlans() {
    }

    public static Plan plan(RevisionGraph graph, Set<String> applied, String target) {
        List<String> targets = graph.resolve(target, applied);
        Plan up = graph.upgradePlanTo(applied, targets, target);
        if (!up.isEmpty()) {
            return up;
        }
        Set<String> keep = graph.ancestors(targets);
        Set<String> above = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(targets);
        while (!todo.isEmpty()) {
            for (Revision child : graph.children(todo.pop())) {
                if (above.add(child.id())) {
                    todo.push(child.id());
                }
            }
        }
        List<Revision> childrenFirst = new java.util.ArrayList<>(graph.revisions());
        java.util.Collections.reverse(childrenFirst);
        List<Revision> revert = childrenFirst.stream()
                .filter(r -> applied.contains(r.id()) && !keep.contains(r.id()) && (targets.isEmpty() || above.contains(r.id())))
                .toList();
        return new Plan(Direction.DOWNGRADE, target, revert);
    }
}
