package com.plccoach.migrations;

/** Another runner held the migration lock for longer than lockWait. */
public class LockUnavailableException extends EnvironmentException {

    public LockUnavailableException(String message) {
        super(message);
    }

    public LockUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
