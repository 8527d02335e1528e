package com.plccoach.migrations.internal.graph;

import com.plccoach.migrations.RevisionGraphException;
import com.plccoach.migrations.internal.script.Revision;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names a target can use for a revision: its id and its branch labels, each mapped to the
 * revision's position in the given list. Checked as the graph is loaded, because a name that
 * stands for two revisions would make every target using it ambiguous.
 */
final class RevisionNames {

    /** Revision id to position. */
    final Map<String, Integer> ids;
    /** Branch label to the position of the revision declaring it, in declaration order. */
    final Map<String, Integer> labels;

    /** Throws RevisionGraphException naming both files when an id or label is declared twice, or a label is also an id. */
    RevisionNames(List<Revision> revisions) {
        int n = revisions.size();
        this.ids = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            Revision r = revisions.get(i);
            Integer previous = ids.putIfAbsent(r.id(), i);
            if (previous != null) {
                throw new RevisionGraphException("revision id " + r.id() + " is declared by two files: "
                        + revisions.get(previous).location() + " and " + r.location()
                        + "; give one of them a new id (and update the down_revision of its children)");
            }
        }
        this.labels = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Revision r = revisions.get(i);
            for (String label : r.branchLabels()) {
                Integer previous = labels.putIfAbsent(label, i);
                if (previous != null) {
                    Revision other = revisions.get(previous);
                    throw new RevisionGraphException("branch label '" + label + "' is declared twice: by " + other.id() + " ("
                            + other.location() + ") and by " + r.id() + " (" + r.location()
                            + "); a label names one branch: remove it from one of them");
                }
                Integer sameId = ids.get(label);
                if (sameId != null) {
                    throw new RevisionGraphException("branch label '" + label + "' of " + r.id() + " (" + r.location()
                            + ") is also the id of revision " + revisions.get(sameId).id() + " (" + revisions.get(sameId).location()
                            + "), so a target '" + label + "' would name two revisions; rename the label");
                }
            }
        }
    }

    /**
     * {@code depends_on} may name a branch label, meaning the revision that declares it (as in
     * Alembic); the graph's revisions carry the id instead, so everything downstream sees ids only.
     */
    List<Revision> withLabelDependenciesResolved(List<Revision> revisions) {
        List<Revision> out = new ArrayList<>(revisions.size());
        for (Revision r : revisions) {
            if (!namesALabel(r.dependsOn())) { // a loop, not a stream: this runs for every revision at every start-up
                out.add(r);
                continue;
            }
            List<String> resolved = r.dependsOn().stream()
                    .map(d -> ids.containsKey(d) || !labels.containsKey(d) ? d : revisions.get(labels.get(d)).id())
                    .distinct().toList();
            out.add(new Revision(r.id(), r.parents(), r.branchLabels(), resolved, r.message(), r.createDate(), r.transactional(),
                    r.upSql(), r.upLine(), r.downSql(), r.downLine(), r.location(), r.checksum(), r.batchSize()));
        }
        return out;
    }

    private boolean namesALabel(List<String> dependsOn) {
        for (String d : dependsOn) {
            if (!ids.containsKey(d) && labels.containsKey(d)) {
                return true;
            }
        }
        return false;
    }
}
