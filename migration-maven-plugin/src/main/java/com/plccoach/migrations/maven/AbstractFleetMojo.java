package com.plccoach.migrations.maven;

import com.plccoach.migrations.Fleet;
import com.plccoach.migrations.FleetConfig;
import com.plccoach.migrations.Migrator;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Goals that can run on a fleet: with plccoach.databases or plccoach.schemas, the goal's one call runs
 * on every member (the core logs a line per member and the summary table) and the build fails when
 * any member failed; without them, on the one database as before.
 */
abstract class AbstractFleetMojo extends AbstractDatabaseMojo {

    /** Fleet mode: a file with one connection URL per line (# comments, blank lines), or query:&lt;SQL&gt; run on plccoach.url returning the URLs. */
    @Parameter(property = "plccoach.databases") private String databases;
    /** Schema per tenant: a comma-separated list, or query:&lt;SQL&gt; run on plccoach.url; each gets the revisions with search_path and ${schema} set to it, state tables in it. */
    @Parameter(property = "plccoach.schemas") private String schemas;
    /** In fleet mode, how many databases (or schemas) at once; each holds its own connections. */
    @Parameter(property = "plccoach.parallelism", defaultValue = "4") private int parallelism;
    /** In fleet mode, start no other database after the first failure (running ones finish). */
    @Parameter(property = "plccoach.failFast", defaultValue = "false") private boolean failFast;

    protected AbstractFleetMojo(Credentials credentials) {
        super(credentials);
    }

    /** The fleet to run on, or null to run on the one configured database. */
    protected Fleet fleet(Migrator migrator) {
        FleetConfig fleet = FleetConfig.fromProperties(databases, schemas, parallelism, failFast);
        return fleet.isFleet() ? migrator.fleet(fleet) : null;
    }
}
