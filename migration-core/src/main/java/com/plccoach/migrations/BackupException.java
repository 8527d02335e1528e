package com.plccoach.migrations;

/** The backup before a downgrade (or a restore) failed; nothing was reverted. */
public class BackupException extends EnvironmentException {

    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
