package com.plccoach.migrations;

import java.time.Duration;
import java.util.List;

/**
 * What {@link Migrator#drift()} or {@link Migrator#checkDesired()} found.
 *
 * @param compared    what was compared with what, e.g. "live database plccoach against revisions 001, 002"
 * @param differences one sentence per object, e.g. "index users_name_idx was added by hand"; empty when clean
 */
public record DriftReport(String compared, List<String> differences, Duration duration) {

    public DriftReport {
        differences = List.copyOf(differences);
    }

    /** This report in the format of docs/json-format.md (goal {@code drift}). */
    public String toJson() {
        return Json.of("drift", this);
    }

    public boolean clean() {
        return differences.isEmpty();
    }

    @Override
    public String toString() {
        return clean() ? "No drift: " + compared
                : differences.size() + " difference(s), " + compared + ":\n  " + String.join("\n  ", differences);
    }
}
