package com.plccoach.migrations.internal.execution;

import com.plccoach.migrations.internal.graph.Plan;
import com.plccoach.migrations.internal.graph.RevisionGraph;
import java.util.Set;

/**
 * What a stamp inserts or deletes. Like a run's plan, except that going down ignores whether a
 * revision is reversible: stamping is how a revision reverted by hand is recorded. The graph owns
 * the rule (which revisions a downgrade reverts), so that stamps and runs never disagree.
 */
public final class StampPlans {

    private StampPlans() {
    }

    public static Plan plan(RevisionGraph graph, Set<String> applied, String target) {
        return graph.stampPlan(applied, target);
    }
}
