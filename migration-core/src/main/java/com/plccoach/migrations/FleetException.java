package com.plccoach.migrations;

/** A fleet that cannot start: an unreadable databases file, a bad URL on one of its lines, a query that returns nothing. */
public class FleetException extends MigrationException {

    public FleetException(String message) {
        super(message);
    }

    public FleetException(String message, Throwable cause) {
        super(message, cause);
    }
}
