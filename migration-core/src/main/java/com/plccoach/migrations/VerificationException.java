package com.plccoach.migrations;

/** {@link Migrator#verify()} found a downgrade that does not exactly undo its upgrade (the message names each object). */
public class VerificationException extends MigrationException {

    public VerificationException(String message) {
        super(message);
    }

    public VerificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
