package com.plccoach.migrations;

/** The database cannot be reached, or the connection was lost. */
public class DatabaseUnavailableException extends EnvironmentException {

    public DatabaseUnavailableException(String message) {
        super(message);
    }

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
