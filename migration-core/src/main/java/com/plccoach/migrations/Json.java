package com.plccoach.migrations;

import com.plccoach.migrations.internal.json.ResultJson;

/**
 * Every result as JSON, in the documented, versioned format of docs/json-format.md:
 * {@code {"format": 1, "goal": "plan", "outcome": "success", ...}}. What {@code -Dplccoach.reportFile}
 * writes; services get the same text from {@code result.toJson()} or {@link #of(String, Object)}.
 */
public final class Json {

    /** The format version; a field added keeps it, a field renamed or removed raises it. */
    public static final int FORMAT = ResultJson.FORMAT;

    private Json() {
    }

    /**
     * The result of a goal: a {@link MigrationResult}, {@link PlanReport}, {@link CheckReport},
     * {@link DriftReport}, {@link VerifyReport}, {@link CurrentState}, {@link RestoreResult},
     * {@link AutogenerateResult}, {@link HtmlReport}, {@link RevisionInfo}, a list of {@link RevisionInfo} or
     * {@link HistoryEntry}, the {@link java.nio.file.Path} of a written file, or null for a goal with no result.
     */
    public static String of(String goal, Object result) {
        return ResultJson.of(goal, result);
    }

    /**
     * {@code check}'s report with the schema comparisons it made (either may be null when not made), and
     * whether the check passed as configured (several heads or pending revisions may be allowed or not).
     */
    public static String check(CheckReport report, DriftReport liveDrift, DriftReport desiredDrift, boolean passed) {
        return ResultJson.check(new ResultJson.CheckOutcome(report, liveDrift, desiredDrift), passed);
    }

    /** A goal that failed: its message and whether the input or the environment was at fault. */
    public static String failure(String goal, RuntimeException error) {
        return ResultJson.failure(goal, error);
    }
}
