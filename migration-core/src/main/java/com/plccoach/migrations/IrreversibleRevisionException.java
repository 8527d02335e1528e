package com.plccoach.migrations;

/** A downgrade through a revision that has no down part. */
public class IrreversibleRevisionException extends MigrationException {

    public IrreversibleRevisionException(String message) {
        super(message);
    }

    public IrreversibleRevisionException(String message, Throwable cause) {
        super(message, cause);
    }
}
