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
     * {@link AutogenerateResult}, {@link HtmlReport}, {@link ImportResult}, {@link AlembicImportResult}, {@link RevisionInfo}, a list of {@link RevisionInfo} or
     * {@link HistoryEntry}, the {@link java.nio.file.Path} of a written file, the SQL of
     * an offline run (a String), or null for a goal with no result.
     */
    public static String of(String goal, Object result) {
        return ResultJson.of(goal, result);
    }

    /**
     * A goal that failed: its message and whether the input or the environment was at fault; a failed
     * check ({@link CheckFailedException}) also has its findings by kind, as in its success shape.
     */
    public static String failure(String goal, RuntimeException error) {
        return ResultJson.failure(goal, error);
    }
}
