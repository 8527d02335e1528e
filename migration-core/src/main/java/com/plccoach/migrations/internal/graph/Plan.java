package com.plccoach.migrations.internal.graph;

import com.plccoach.migrations.Direction;
import com.plccoach.migrations.internal.script.Revision;
import java.util.List;

/** The revisions to run, in order, to go from the applied set to the target. */
public record Plan(Direction direction, String target, List<Revision> steps) {

    public Plan {
        steps = List.copyOf(steps);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    @Override
    public String toString() {
        return direction.name().toLowerCase() + " to " + target + ": " + steps.stream().map(Revision::id).toList();
    }
}
