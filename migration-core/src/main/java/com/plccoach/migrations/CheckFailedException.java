package com.plccoach.migrations;

import java.util.List;

/** {@code check} found problems the user fixes in the project or the database; the message lists them all. */
public class CheckFailedException extends MigrationException {

    private final List<String> problems;

    public CheckFailedException(String message, List<String> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    /** Each problem, with what to do about it. */
    public List<String> problems() {
        return problems;
    }
}
