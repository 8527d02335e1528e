package com.plccoach.migrations;

/**
 * Every failure the tool reports. The message is meant for the person at the terminal: what failed,
 * which object, and what to type to fix it. Subclasses name the kind of failure; those extending
 * {@link EnvironmentException} come from the surroundings (database unreachable, pg_dump missing),
 * the others from input the user can fix.
 */
public class MigrationException extends RuntimeException {

    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
