package com.plccoach.migrations.internal.check;

import com.plccoach.migrations.Advice;
import com.plccoach.migrations.CheckFailedException;
import com.plccoach.migrations.CheckOptions;
import com.plccoach.migrations.CheckReport;
import com.plccoach.migrations.DriftReport;
import com.plccoach.migrations.EntryPoint;
import com.plccoach.migrations.EnvironmentException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Turns what {@code check} finds into pass or fail: graph, file and head problems first (the schema
 * comparisons are meaningless on a broken graph), then both schema comparisons before failing, so
 * that one build names everything; pending revisions fail only a deployment gate. Every failure
 * carries the report with the comparisons made, so a failed check's JSON still has its findings.
 */
public final class CheckGate {

    private final CheckOptions options;
    private final Advice advice;

    public CheckGate(CheckOptions options, Advice advice) {
        this.options = options;
        this.advice = advice;
    }

    /**
     * @param report  the graph and state findings
     * @param live    the live schema against its applied revisions, run only with {@code options.drift()}
     * @param desired the revisions against the desired schema, or null when none is configured
     * @return the report with the comparisons made, when nothing fails
     */
    public CheckReport enforce(CheckReport report, Supplier<DriftReport> live, Supplier<DriftReport> desired) {
        List<String> problems = report.problems(options.multipleHeads(), advice);
        if (!problems.isEmpty()) {
            throw new CheckFailedException("Check failed, " + problems.size() + " problem(s):\n" + String.join("\n", problems),
                    problems, report);
        }
        if (options.lintErrors() && !report.lintFindings().isEmpty()) {
            List<String> hazards = report.lintFindings().stream().map(Object::toString).toList();
            throw new CheckFailedException("Check failed, " + hazards.size() + " lock hazard(s) in pending revisions ("
                    + option("lint", "error", "lintErrors", "true") + "):\n" + String.join("\n", hazards), hazards, report);
        }
        DriftReport liveDrift = options.drift() ? liveDrift(live) : null;
        DriftReport desiredDrift = desired == null ? null : desired.get();
        CheckReport compared = report.withDrift(liveDrift, desiredDrift);
        List<String> schemaProblems = new ArrayList<>();
        if (liveDrift != null && !liveDrift.clean()) {
            schemaProblems.add(liveDrift + "\nUndo these changes, or write them into a revision (the desired schema plus "
                    + advice.run("autogenerate") + "); " + option("drift", "false", "drift", "false") + " skips this comparison");
        }
        if (desiredDrift != null && !desiredDrift.clean()) {
            schemaProblems.add(desiredDrift.toString());
        }
        if (!schemaProblems.isEmpty()) {
            throw new CheckFailedException("Check failed: " + String.join("\n", schemaProblems), schemaProblems, compared);
        }
        if (options.failOnPending() && !report.pending().isEmpty()) {
            String line = report.pendingLine();
            throw new CheckFailedException(line + ". Apply them with " + advice.run("upgrade") + ", or drop "
                    + option("failOnPending", null, "failOnPending", null), List.of(line), compared);
        }
        return compared;
    }

    /** Drift is on by default, so a user who may not create the scratch database learns how to turn it off. */
    private DriftReport liveDrift(Supplier<DriftReport> live) {
        try {
            return live.get();
        } catch (EnvironmentException e) {
            throw new EnvironmentException(e.getMessage() + " To check without comparing the live schema, add "
                    + option("drift", "false", "drift", "false") + ".", e);
        }
    }

    /**
     * A check option as the user types it: a {@code plccoach.} property from Maven and Spring Boot, the
     * {@link CheckOptions} component embedded (these are options of the call, not of the builder).
     */
    private String option(String property, String value, String component, String componentValue) {
        if (advice.entryPoint() == EntryPoint.EMBEDDED) {
            return "CheckOptions." + component + (componentValue == null ? "" : "=" + componentValue);
        }
        if (advice.entryPoint() == EntryPoint.MAVEN && value != null && !property.equals("lint")) {
            return advice.set(property, value);
        }
        return "plccoach." + property + (value == null ? "" : "=" + value);
    }

    @Override
    public String toString() {
        return "CheckGate[" + options + ", " + advice + "]";
    }
}
