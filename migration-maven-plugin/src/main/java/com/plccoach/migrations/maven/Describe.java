package com.plccoach.migrations.maven;

import com.plccoach.migrations.RevisionInfo;
import java.util.ArrayList;
import java.util.List;

/** How revisions and results read in the build output. */
final class Describe {

    private Describe() {
    }

    static String heads(List<String> heads) {
        return heads.isEmpty() ? "<base>" : String.join(", ", heads);
    }

    static String tags(RevisionInfo revision, boolean head) {
        List<String> tags = new ArrayList<>();
        revision.branchLabels().forEach(label -> tags.add(label));
        if (head) {
            tags.add("head");
        }
        if (revision.isMerge()) {
            tags.add("mergepoint");
        }
        if (!revision.reversible()) {
            tags.add("irreversible");
        }
        return tags.isEmpty() ? "" : "(" + String.join(", ", tags) + ")";
    }

    static String parents(RevisionInfo revision) {
        return revision.parents().isEmpty() ? "<base>" : String.join(", ", revision.parents());
    }
}
