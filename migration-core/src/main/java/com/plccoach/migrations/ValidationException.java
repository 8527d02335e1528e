package com.plccoach.migrations;

/** Applied revisions whose file changed (checksum drift) or is gone, found before anything ran. */
public class ValidationException extends MigrationException {

    public ValidationException(String message) {
        super(message);
    }

    public ValidationException(String message, Throwable cause) {
        super(message, cause);
    }
}
