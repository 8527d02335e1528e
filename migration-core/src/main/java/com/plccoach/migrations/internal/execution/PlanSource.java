package com.plccoach.migrations.internal.execution;

import com.plccoach.migrations.internal.graph.Plan;
import com.plccoach.migrations.internal.script.Revision;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the executor needs of the revision graph: the revisions by id, a plan from an applied set
 * (computed only once the lock is held, so a runner that waited sees the work already done), and
 * the heads of an applied set.
 */
public interface PlanSource {

    Map<String, Revision> revisions();

    Plan plan(Set<String> applied);

    List<String> headsOf(Set<String> applied);

    /** Where the revision files come from, for messages. */
    String describe();
}
