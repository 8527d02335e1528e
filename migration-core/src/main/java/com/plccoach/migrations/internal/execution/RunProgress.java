package com.plccoach.migrations.internal.execution;

import com.plccoach.migrations.MigrationResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What a run has done so far; read after a failure to record what stays applied. */
public final class RunProgress {

    private final List<MigrationResult.Step> committed = new ArrayList<>();
    private String failedRevision;
    private Path backup;

    void committed(List<MigrationResult.Step> steps) {
        committed.addAll(steps);
    }

    void failedIn(String revision) {
        failedRevision = revision;
    }

    void backup(Path path) {
        backup = path;
    }

    /** Revisions whose work (and version row) is committed, in run order. */
    public List<MigrationResult.Step> committed() {
        return List.copyOf(committed);
    }

    public List<String> committedIds() {
        return committed.stream().map(MigrationResult.Step::revision).toList();
    }

    /** The revision that failed; null when none did. */
    public String failedRevision() {
        return failedRevision;
    }

    /** The backup the BeforeRun hook took; null when none. */
    public Path backup() {
        return backup;
    }

    @Override
    public String toString() {
        return "RunProgress[committed=" + committedIds() + ", failed=" + failedRevision + ", backup=" + backup + "]";
    }
}
