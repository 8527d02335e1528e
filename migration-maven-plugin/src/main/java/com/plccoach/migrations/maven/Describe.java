package com.plccoach.migrations.maven;

import com.plccoach.migrations.MigrationResult;
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

    /** The closing line of upgrade, downgrade and stamp. */
    static String summary(String done, MigrationResult result) {
        if (result.upToDate()) {
            return "Nothing to do: already at " + result.target() + " (" + heads(result.headsAfter()) + ")";
        }
        return done + " " + result.steps().size() + " revision(s) in " + Durations.format(result.duration()) + ": "
                + heads(result.headsBefore()) + " -> " + heads(result.headsAfter())
                + (result.backup() == null ? "" : "; backup " + result.backup());
    }

    static Table steps(MigrationResult result) {
        Table table = new Table();
        result.steps().forEach(step -> table.row(step.revision(), Durations.format(step.duration()), step.message()));
        return table;
    }
}
