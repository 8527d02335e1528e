package com.plccoach.migrations.internal.backup;

import com.plccoach.migrations.internal.graph.RevisionGraph;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The states the revision files allow: a set of revisions is one when each is in the files and
 * everything it needs (parents, depends_on) is in the set too. A backup recorded at any other set was
 * taken with files that have changed since, and setting the state tables to it would lie.
 */
public final class RevisionStates implements Restorer.RevisionFiles {

    private final RevisionGraph graph;

    public RevisionStates(RevisionGraph graph) {
        this.graph = graph;
    }

    @Override
    public Optional<String> whyNotAState(Set<String> revisions) {
        List<String> unknown = revisions.stream().filter(id -> graph.find(id).isEmpty()).sorted().toList();
        if (!unknown.isEmpty()) {
            return Optional.of("not in the revision files: " + unknown);
        }
        Set<String> needed = new TreeSet<>(graph.ancestors(revisions));
        needed.removeAll(revisions);
        if (!needed.isEmpty()) {
            return Optional.of("it lacks revisions they need: " + needed);
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "RevisionStates[" + graph + "]";
    }
}
