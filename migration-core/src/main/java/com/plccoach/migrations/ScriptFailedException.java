package com.plccoach.migrations;

/** An SQL statement of a revision failed (names revision, file, line, and PostgreSQL's message). */
public class ScriptFailedException extends MigrationException {

    public ScriptFailedException(String message) {
        super(message);
    }

    public ScriptFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
