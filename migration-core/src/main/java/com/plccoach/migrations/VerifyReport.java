package com.plccoach.migrations;

import java.time.Duration;
import java.util.List;

/**
 * What {@link Migrator#verify()} found: for each revision, in graph order, the ways its downgrade
 * failed to restore the schema its upgrade started from, or its upgrade run again failed to give
 * the same schema. Clean when no revision has a problem.
 *
 * @param database the scratch database it ran on (dropped since)
 * @param revisions one entry per revision checked, in the order checked
 */
public record VerifyReport(String database, List<RevisionCheck> revisions, Duration duration) {

    /**
     * One revision's round trip.
     *
     * @param problems one sentence each, e.g. "revision 004's downgrade leaves index x behind"; empty when clean
     */
    public record RevisionCheck(String revision, String message, List<String> problems) {
        public RevisionCheck {
            problems = List.copyOf(problems);
        }

        public boolean clean() {
            return problems.isEmpty();
        }

        @Override
        public String toString() {
            return revision + " (" + message + "): " + (clean() ? "up, down and up again restore the schema exactly"
                    : String.join("; ", problems));
        }
    }

    public VerifyReport {
        revisions = List.copyOf(revisions);
    }

    /** This report in the format of docs/json-format.md (goal {@code verify}). */
    public String toJson() {
        return Json.of("verify", this);
    }

    public boolean clean() {
        return revisions.stream().allMatch(RevisionCheck::clean);
    }

    /** Every problem of every revision, in order. */
    public List<String> problems() {
        return revisions.stream().flatMap(r -> r.problems().stream()).toList();
    }

    /** This report when clean; otherwise a {@link VerificationException} listing every problem. */
    public VerifyReport requireClean() {
        return requireClean(Advice.EMBEDDED);
    }

    /** As {@link #requireClean()}, saying what to type for the entry point in use. */
    public VerifyReport requireClean(Advice advice) {
        if (!clean()) {
            throw new VerificationException("verify found " + problems().size() + " problem(s):\n  - "
                    + String.join("\n  - ", problems())
                    + "\nFix the down part (after `-- //@UNDO`) of each revision named so that it undoes exactly what its up part did, "
                    + "then run " + advice.run("verify") + " again.");
        }
        return this;
    }

    @Override
    public String toString() {
        long bad = revisions.stream().filter(r -> !r.clean()).count();
        return "verify: " + revisions.size() + " revision(s) up, down and up again on " + database + " in "
                + duration.toMillis() + " ms: " + (bad == 0 ? "every downgrade restores the schema exactly"
                : bad + " with problems: " + String.join("; ", problems()));
    }
}
