package com.plccoach.migrations.internal.execution;

import com.plccoach.migrations.MigrationResult;
import com.plccoach.migrations.MigratorConfig;

/**
 * Upgrades and downgrades through the one run path, for the internal features that build scratch
 * databases (verify, autogenerate, drift) without calling back into the facade. The engine
 * provides it; the features receive a {@link Factory}.
 */
public interface Runs {

    MigrationResult upgrade(String target);

    MigrationResult downgrade(String target);

    /** Runs on the database another configuration names (a scratch database), by the same path. */
    @FunctionalInterface
    interface Factory {
        Runs on(MigratorConfig config);
    }
}
