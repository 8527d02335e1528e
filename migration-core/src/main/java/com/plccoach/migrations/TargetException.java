package com.plccoach.migrations;

/** A target that does not name exactly one place in the graph: unknown, ambiguous, several heads, past base or head. */
public class TargetException extends MigrationException {

    public TargetException(String message) {
        super(message);
    }

    public TargetException(String message, Throwable cause) {
        super(message, cause);
    }
}
