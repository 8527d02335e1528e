package com.plccoach.migrations;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code check} found, without changing anything.
 *
 * @param graphErrors    files that cannot be read or a graph that is not valid (then nothing else about files is known)
 * @param missingFiles   applied revisions no file declares, each with what to do
 * @param checksumDrift  applied revisions whose file changed, each with what to do
 * @param heads          heads of the graph; more than one is reported unless labelled branches are kept apart on purpose
 * @param appliedHeads   heads of the applied set
 * @param pending        revisions not applied yet, in the order an upgrade to {@code heads} would apply them
 * @param lintFindings   lock hazards of the pending revisions on tables that exist and hold rows (docs/big-tables.md)
 * @param liveDrift      the live schema against the one its applied revisions give; null when not compared
 * @param desiredDrift   the revisions against the desired schema; null when not compared
 */
public record CheckReport(List<String> graphErrors, List<String> missingFiles, List<String> checksumDrift, List<String> heads,
                          List<String> appliedHeads, List<String> pending, List<LintFinding> lintFindings,
                          DriftReport liveDrift, DriftReport desiredDrift) {

    /** A report without schema comparisons (the components before they joined the report). */
    public CheckReport(List<String> graphErrors, List<String> missingFiles, List<String> checksumDrift, List<String> heads,
                       List<String> appliedHeads, List<String> pending, List<LintFinding> lintFindings) {
        this(graphErrors, missingFiles, checksumDrift, heads, appliedHeads, pending, lintFindings, null, null);
    }

    /** A report without lint findings (the components before the lint was added). */
    public CheckReport(List<String> graphErrors, List<String> missingFiles, List<String> checksumDrift, List<String> heads,
                       List<String> appliedHeads, List<String> pending) {
        this(graphErrors, missingFiles, checksumDrift, heads, appliedHeads, pending, List.of());
    }

    public CheckReport {
        graphErrors = List.copyOf(graphErrors);
        missingFiles = List.copyOf(missingFiles);
        checksumDrift = List.copyOf(checksumDrift);
        heads = List.copyOf(heads);
        appliedHeads = List.copyOf(appliedHeads);
        pending = List.copyOf(pending);
        lintFindings = List.copyOf(lintFindings);
    }

    /** This report with the schema comparisons {@code check(CheckOptions)} made (either may be null when not made). */
    public CheckReport withDrift(DriftReport live, DriftReport desired) {
        return new CheckReport(graphErrors, missingFiles, checksumDrift, heads, appliedHeads, pending, lintFindings, live, desired);
    }

    /** This report in the format of docs/json-format.md (goal {@code check}). */
    public String toJson() {
        return Json.of("check", this);
    }

    public boolean multipleHeads() {
        return heads.size() > 1;
    }

    /** The problems that make {@code check} fail; several heads count unless {@code multipleHeadsAllowed}. */
    public List<String> problems(boolean multipleHeadsAllowed) {
        return problems(multipleHeadsAllowed, Advice.EMBEDDED);
    }

    /** As {@link #problems(boolean)}, saying what to type for the entry point in use. */
    public List<String> problems(boolean multipleHeadsAllowed, Advice advice) {
        List<String> problems = new ArrayList<>(graphErrors);
        problems.addAll(missingFiles);
        problems.addAll(checksumDrift);
        if (multipleHeads() && !multipleHeadsAllowed) {
            String allow = "accept them with " + advice.option("multipleHeads", "true", "checkReport.problems(true)");
            problems.add(TargetException.severalHeads(heads, null, allow + " if the branches are kept apart on purpose", advice)
                    .getMessage());
        }
        return problems;
    }

    /** The line a passing {@code check} ends with: the heads, the applied heads and what is pending. */
    public String summary() {
        String state = "heads " + orBase(heads) + ", applied " + orBase(appliedHeads);
        return pending.isEmpty() ? "Check passed: " + state + ", nothing pending" : "Check passed: " + state + "; " + pendingLine();
    }

    /** How many revisions are pending, and which. */
    public String pendingLine() {
        return pending.size() + " revision(s) pending: " + ShortList.names(pending);
    }

    private static String orBase(List<String> ids) {
        return ids.isEmpty() ? "<base>" : String.join(", ", ids);
    }

    @Override
    public String toString() {
        List<String> problems = problems(false);
        return (problems.isEmpty() ? "OK" : problems.size() + " problem(s):\n  " + String.join("\n  ", problems))
                + "\nheads: " + (heads.isEmpty() ? "<none>" : String.join(", ", heads))
                + "; applied: " + (appliedHeads.isEmpty() ? "<base>" : String.join(", ", appliedHeads))
                + "; pending: " + (pending.isEmpty() ? "none" : pending.size() + " (" + String.join(", ", pending) + ")")
                + (lintFindings.isEmpty() ? "" : "; " + lintFindings.size() + " lock hazard(s)");
    }
}
