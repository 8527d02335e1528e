package com.plccoach.migrations.internal.fleet;

import com.plccoach.migrations.MigratorConfig;

/** One database (or one schema of one) of a fleet: the name shown in its log lines and the summary, and its own configuration. */
public record FleetMember(String label, MigratorConfig config) {

    @Override
    public String toString() {
        return label;
    }
}
