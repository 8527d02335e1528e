package com.plccoach.migrations.internal.graph;

import com.plccoach.migrations.HistoryEntry;
import com.plccoach.migrations.RevisionInfo;
import com.plccoach.migrations.internal.script.Revision;
import java.util.ArrayList;
import java.util.List;

/** The one place where internal revisions become the public records of the facade. */
public final class PublicViews {

    private PublicViews() {
    }

    public static RevisionInfo info(Revision r) {
        return new RevisionInfo(r.id(), r.parents(), r.branchLabels(), r.dependsOn(), r.message(), r.createDate(),
                r.location(), r.transactional(), r.reversible());
    }

    public static List<RevisionInfo> infos(List<Revision> revisions) {
        return revisions.stream().map(PublicViews::info).toList();
    }

    /**
     * Alembic's history layout: {@code parents -> id (head) (branchpoint) (mergepoint), message}; verbose
     * adds the parents, labels, dependencies and file on lines of their own.
     */
    public static HistoryEntry entry(HistoryLine line, boolean verbose) {
        Revision r = line.revision();
        String marks = (line.head() ? " (head)" : "") + (line.branchPoint() ? " (branchpoint)" : "")
                + (line.mergePoint() ? " (mergepoint)" : "")
                + (r.branchLabels().isEmpty() ? "" : " (" + String.join(", ", r.branchLabels()) + ")");
        List<String> lines = new ArrayList<>();
        if (!verbose) {
            String parents = r.parents().isEmpty() ? "<base>" : String.join(", ", r.parents());
            lines.add(line.graph() + parents + " -> " + r.id() + marks + ", " + r.message());
        } else {
            String cont = line.graph().replace('*', '|');
            lines.add(line.graph() + "Rev: " + r.id() + marks);
            lines.add(cont + "Parent: " + (r.parents().isEmpty() ? "<base>" : String.join(", ", r.parents())));
            if (!r.branchLabels().isEmpty()) {
                lines.add(cont + "Branch names: " + String.join(", ", r.branchLabels()));
            }
            if (!r.dependsOn().isEmpty()) {
                lines.add(cont + "Depends on: " + String.join(", ", r.dependsOn()));
            }
            if (!r.reversible() || !r.transactional()) {
                lines.add(cont + (r.reversible() ? "" : "Irreversible (no -- //@UNDO part)")
                        + (!r.reversible() && !r.transactional() ? "; " : "") + (r.transactional() ? "" : "Not transactional"));
            }
            lines.add(cont + "Path: " + r.location());
            if (r.createDate() != null) {
                lines.add(cont + "Create date: " + r.createDate());
            }
            lines.add(cont.stripTrailing());
            lines.add(cont + "    " + r.message());
            lines.add(cont.stripTrailing());
        }
        lines.addAll(line.after());
        return new HistoryEntry(line.graph(), info(r), line.head(), line.branchPoint(), line.mergePoint(), lines);
    }
}
