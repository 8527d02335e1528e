package com.plccoach.migrations.internal.graph;

import com.plccoach.migrations.internal.script.Revision;
import java.util.List;
import java.util.Set;

/**
 * The validated DAG of revisions (issue #3). Signatures here are the contract other packages code
 * against; the bodies are being written.
 */
public final class RevisionGraph {

    /** Validates and builds; throws RevisionGraphException naming the culprits. */
    public static RevisionGraph of(List<Revision> revisions) {
        throw new UnsupportedOperationException("issue #3");
    }

    /** All revisions, parents before children, ties ordered deterministically. */
    public List<Revision> revisions() {
        throw new UnsupportedOperationException("issue #3");
    }

    public Revision require(String id) {
        throw new UnsupportedOperationException("issue #3");
    }

    public List<Revision> heads() {
        throw new UnsupportedOperationException("issue #3");
    }

    /** The heads of an applied set: applied revisions none of whose applied descendants exist. */
    public List<String> headsOf(Set<String> applied) {
        throw new UnsupportedOperationException("issue #3");
    }

    /** Revisions to apply, parents first, to reach the target from the applied set. */
    public Plan upgradePlan(Set<String> applied, String target) {
        throw new UnsupportedOperationException("issue #3");
    }

    /** Revisions to revert, children first, to reach the target from the applied set. */
    public Plan downgradePlan(Set<String> applied, String target) {
        throw new UnsupportedOperationException("issue #3");
    }
}
