package com.plccoach.migrations;

/** A failure of the surroundings rather than of the input: the database, the lock, a client binary. */
public class EnvironmentException extends MigrationException {

    public EnvironmentException(String message) {
        super(message);
    }

    public EnvironmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
