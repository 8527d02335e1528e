package com.plccoach.migrations;

/** Revisions that do not form a valid graph: duplicate id, missing parent, cycle, bad label or depends_on. */
public class RevisionGraphException extends MigrationException {

    public RevisionGraphException(String message) {
        super(message);
    }

    public RevisionGraphException(String message, Throwable cause) {
        super(message, cause);
    }
}
