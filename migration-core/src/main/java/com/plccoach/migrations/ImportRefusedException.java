package com.plccoach.migrations;

/** An import that would overwrite the user's files or contradict the recorded state; nothing was written. */
public class ImportRefusedException extends MigrationException {

    public ImportRefusedException(String message) {
        super(message);
    }
}
