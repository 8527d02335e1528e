package com.plccoach.migrations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One result per member of a fleet, in the order the members were listed, whatever order they ran in.
 * {@link #requireSuccess()} turns failures into an exception whose message is the summary.
 */
public record FleetReport<R>(String operation, String target, List<FleetResult<R>> results, int parallelism, Duration duration) {

    public FleetReport {
        results = List.copyOf(results);
    }

    public List<FleetResult<R>> failures() {
        return results.stream().filter(FleetResult::failed).toList();
    }

    public boolean succeeded() {
        return failures().isEmpty();
    }

    /** Throws {@link FleetFailedException} when any member failed or did not run; otherwise returns this report. */
    public FleetReport<R> requireSuccess() {
        if (!succeeded()) {
            throw new FleetFailedException(this);
        }
        return this;
    }

    /** The summary table: database, from -> to, revisions, duration, outcome (with the first line of any error). */
    public List<String> table() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"database", "from -> to", "revisions", "duration", "outcome"});
        for (FleetResult<R> r : results) {
            rows.add(new String[] {r.database(), FleetResult.heads(r.from()) + " -> " + FleetResult.heads(r.to()),
                    String.valueOf(r.revisions()), r.duration().toMillis() + " ms",
                    r.outcome().name().toLowerCase() + (r.error() == null ? "" : ": " + r.errorLine())});
        }
        int[] widths = new int[5];
        for (String[] row : rows) {
            for (int i = 0; i < row.length - 1; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /** The closing line: how many succeeded, failed, did not run, and the rate. */
    public String summary() {
        long failed = results.stream().filter(r -> r.outcome() == FleetResult.Outcome.FAILED).count();
        long notRun = results.stream().filter(r -> r.outcome() == FleetResult.Outcome.NOT_RUN).count();
        double seconds = Math.max(duration.toMillis(), 1) / 1000.0;
        return operation + (target == null ? "" : " to " + target) + " on " + results.size() + " database(s), " + parallelism
                + " at once: " + (results.size() - failed - notRun) + " succeeded, " + failed + " failed" + (notRun == 0 ? "" : ", "
                + notRun + " not run") + " in " + duration.toMillis() + " ms (" + String.format(java.util.Locale.ROOT, "%.1f", results.size()
                / seconds) + " databases/s)";
    }

    String failureMessage() {
        List<FleetResult<R>> failures = failures();
        StringBuilder message = new StringBuilder(summary()).append(". Failed:");
        failures.stream().limit(10).forEach(f -> message.append("\n  ").append(f.database()).append(": ")
                .append(f.outcome() == FleetResult.Outcome.NOT_RUN ? "not run" : f.errorLine()));
        if (failures.size() > 10) {
            message.append("\n  ... and ").append(failures.size() - 10).append(" more (see the table above)");
        }
        return message.append("\nFix those and run the same command again: members already done have nothing left to do.").toString();
    }

    @Override
    public String toString() {
        return summary();
    }
}
