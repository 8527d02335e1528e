package com.plccoach.migrations.spring;

import com.plccoach.migrations.MigrationException;

/** A {@code plccoach.*} setting or bean arrangement the starter cannot work with: the user's to fix. */
public class PlccoachConfigurationException extends MigrationException {

    public PlccoachConfigurationException(String message) {
        super(message);
    }
}
