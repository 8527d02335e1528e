package com.plccoach.migrations.internal.check;

import com.plccoach.migrations.CheckFailedException;
import com.plccoach.migrations.CheckOptions;
import com.plccoach.migrations.CheckReport;
import com.plccoach.migrations.DriftReport;
import com.plccoach.migrations.EnvironmentException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Turns what {@code check} finds into pass or fail: graph, file and head problems first (the schema
 * comparisons are meaningless on a broken graph), then both schema comparisons before failing, so
 * that one build names everything; pending revisions fail only a deployment gate.
 */
public final class CheckGate {

    private final CheckOptions options;

    public CheckGate(CheckOptions options) {
        this.options = options;
    }

    /**
     * @param report  the graph and state findings
     * @param live    the live schema against its applied revisions, run only with {@code options.drift()}
     * @param desired the revisions against the desired schema, or null when none is configured
     * @return the report, when nothing fails
     */
    public CheckReport enforce(CheckReport report, Supplier<DriftReport> live, Supplier<DriftReport> desired) {
        List<String> problems = report.problems(options.multipleHeads());
        if (!problems.isEmpty()) {
            throw new CheckFailedException("Check failed, " + problems.size() + " problem(s):\n" + String.join("\n", problems), problems);
        }
        List<String> schemaProblems = new ArrayList<>();
        if (options.drift()) {
            DriftReport drift = liveDrift(live);
            if (!drift.clean()) {
                schemaProblems.add(drift + "\nUndo these changes, or write them into a revision (the desired schema plus"
                        + " `mvn plccoach:revision -Dplccoach.autogenerate=true`); -Dplccoach.drift=false skips this comparison");
            }
        }
        if (desired != null) {
            DriftReport toDesired = desired.get();
            if (!toDesired.clean()) {
                schemaProblems.add(toDesired.toString());
            }
        }
        if (!schemaProblems.isEmpty()) {
            throw new CheckFailedException("Check failed: " + String.join("\n", schemaProblems), schemaProblems);
        }
        if (options.failOnPending() && !report.pending().isEmpty()) {
            String line = report.pendingLine();
            throw new CheckFailedException(line + ". Apply them with `mvn plccoach:upgrade`, or drop plccoach.failOnPending", List.of(line));
        }
        return report;
    }

    /** Drift is on by default, so a user who may not create the scratch database learns how to turn it off. */
    private static DriftReport liveDrift(Supplier<DriftReport> live) {
        try {
            return live.get();
        } catch (EnvironmentException e) {
            throw new EnvironmentException(e.getMessage() + " To check without comparing the live schema, add -Dplccoach.drift=false.", e);
        }
    }

    @Override
    public String toString() {
        return "CheckGate[" + options + "]";
    }
}
