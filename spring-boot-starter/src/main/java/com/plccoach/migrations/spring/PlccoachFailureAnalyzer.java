package com.plccoach.migrations.spring;

import com.plccoach.migrations.EnvironmentException;
import com.plccoach.migrations.MigrationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a failed start-up migration into Spring Boot's "APPLICATION FAILED TO START" report with
 * the tool's own message, instead of a chain of BeanCreationExceptions around it.
 */
class PlccoachFailureAnalyzer extends AbstractFailureAnalyzer<MigrationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MigrationException cause) {
        String action = cause instanceof EnvironmentException
                ? "Check that the database is reachable with the configured credentials, then start the application again."
                : "Fix what the message names, or start without migrating with plccoach.enabled=false.";
        return new FailureAnalysis("PLC Coach could not migrate the database at start-up: " + cause.getMessage(), action, cause);
    }
}
