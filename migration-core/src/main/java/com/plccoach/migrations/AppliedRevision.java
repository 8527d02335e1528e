package com.plccoach.migrations;

import java.time.Duration;
import java.time.Instant;

/** One row of {@code plccoach_version}: a revision that is applied, and when, by whom, how long it took. */
public record AppliedRevision(String id, String checksum, Instant appliedAt, String appliedBy, Duration duration) {

    @Override
    public String toString() {
        return id + " applied " + appliedAt + " by " + appliedBy + " in " + duration.toMillis() + " ms";
    }
}
