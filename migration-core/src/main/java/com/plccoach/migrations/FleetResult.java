package com.plccoach.migrations;

import java.time.Duration;
import java.util.List;

/**
 * What one member of a fleet (a database, or a schema of one) did.
 *
 * @param database  the member, as {@code host:port/database} or {@code host:port/database schema}; never a password
 * @param from      heads before (empty at base; for a failure, the heads read after it); null when not known (plan, unreachable)
 * @param to        heads after; null when not known
 * @param revisions revisions run (upgrade, downgrade, stamp), pending (check, plan), applied (current)
 * @param duration  wall time of this member
 * @param outcome   what happened
 * @param error     the failure's message; null on success
 * @param result    the single-database result ({@link MigrationResult}, {@link CurrentState}, ...); null unless it succeeded
 */
public record FleetResult<R>(String database, List<String> from, List<String> to, int revisions, Duration duration, Outcome outcome,
                             String error, R result) {

    /** How a member ended. */
    public enum Outcome {
        /** It ran and succeeded (or had nothing to do). */
        SUCCESS,
        /** It ran and failed; other members went on (unless failFast). */
        FAILED,
        /** It never started, because failFast stopped the fleet after another member failed. */
        NOT_RUN
    }

    public FleetResult {
        from = from == null ? null : List.copyOf(from);
        to = to == null ? null : List.copyOf(to);
    }

    public boolean failed() {
        return outcome != Outcome.SUCCESS;
    }

    /** The first line of the error, for a table cell. */
    public String errorLine() {
        if (error == null) {
            return "";
        }
        String line = error.strip().lines().findFirst().orElse("");
        return line.length() > 160 ? line.substring(0, 157) + "..." : line;
    }

    @Override
    public String toString() {
        return database + ": " + heads(from) + " -> " + heads(to) + ", " + revisions + " revision(s), " + duration.toMillis() + " ms, "
                + outcome.name().toLowerCase() + (error == null ? "" : ": " + errorLine());
    }

    static String heads(List<String> heads) {
        return heads == null ? "-" : heads.isEmpty() ? "<base>" : String.join(",", heads);
    }
}
