package com.plccoach.migrations;

import java.util.List;

/**
 * {@code check} found problems the user fixes in the project or the database; the message lists them
 * all, and {@link #report()} holds everything the check found (what {@code plccoach.reportFile} writes).
 */
public class CheckFailedException extends MigrationException {

    private final List<String> problems;
    private final transient CheckReport report;

    public CheckFailedException(String message, List<String> problems) {
        this(message, problems, null);
    }

    public CheckFailedException(String message, List<String> problems, CheckReport report) {
        super(message);
        this.problems = List.copyOf(problems);
        this.report = report;
    }

    /** Each problem, with what to do about it. */
    public List<String> problems() {
        return problems;
    }

    /** What the check found up to the failure, with the schema comparisons it made; null when not known. */
    public CheckReport report() {
        return report;
    }
}
