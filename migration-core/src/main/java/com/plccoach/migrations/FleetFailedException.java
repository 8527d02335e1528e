package com.plccoach.migrations;

/** One or more members of a fleet failed; the others ran. Carries the whole report, its message is the summary. */
public class FleetFailedException extends MigrationException {

    private final transient FleetReport<?> report;

    public FleetFailedException(FleetReport<?> report) {
        super(report.failureMessage());
        this.report = report;
    }

    public FleetReport<?> report() {
        return report;
    }
}
