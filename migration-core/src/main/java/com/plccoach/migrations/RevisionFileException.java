package com.plccoach.migrations;

/** A revision file that cannot be read: malformed header, unknown key, bad id, not UTF-8 (names file and line). */
public class RevisionFileException extends MigrationException {

    public RevisionFileException(String message) {
        super(message);
    }

    public RevisionFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
