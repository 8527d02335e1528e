package com.plccoach.migrations;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What an upgrade, downgrade or stamp did.
 *
 * @param steps       revisions in the order they ran (empty when already at the target)
 * @param backup      archive taken before a downgrade; null when none was taken
 */
public record MigrationResult(
        Direction direction,
        String target,
        List<String> headsBefore,
        List<String> headsAfter,
        List<Step> steps,
        Duration duration,
        Path backup) {

    /** One revision run. */
    public record Step(String revision, String message, Duration duration) {
        @Override
        public String toString() {
            return revision + " (" + message + ") " + duration.toMillis() + " ms";
        }
    }

    public MigrationResult {
        headsBefore = List.copyOf(headsBefore);
        headsAfter = List.copyOf(headsAfter);
        steps = List.copyOf(steps);
    }

    /** This result in the format of docs/json-format.md, goal {@code upgrade} or {@code downgrade}. */
    public String toJson() {
        return Json.of(direction.name().toLowerCase(), this);
    }

    public boolean upToDate() {
        return steps.isEmpty();
    }

    @Override
    public String toString() {
        String from = headsBefore.isEmpty() ? "<base>" : String.join(",", headsBefore);
        String to = headsAfter.isEmpty() ? "<base>" : String.join(",", headsAfter);
        return direction.name().toLowerCase() + " to " + target + ": " + steps.size() + " revision(s), " + from + " -> " + to
                + " in " + duration.toMillis() + " ms" + (backup == null ? "" : ", backup " + backup.getFileName());
    }
}
