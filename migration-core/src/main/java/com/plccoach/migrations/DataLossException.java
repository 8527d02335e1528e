package com.plccoach.migrations;

/** A plan would drop tables with rows or columns with values and allowDataLoss is off. */
public class DataLossException extends MigrationException {

    public DataLossException(String message) {
        super(message);
    }

    public DataLossException(String message, Throwable cause) {
        super(message, cause);
    }
}
