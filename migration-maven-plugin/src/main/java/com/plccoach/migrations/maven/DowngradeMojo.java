package com.plccoach.migrations.maven;

import com.plccoach.migrations.Direction;
import com.plccoach.migrations.Migrator;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Reverts every applied revision the target does not need, children first: analyses the plan,
 * refuses to lose data, backs up what it destroys with pg_dump, then reverts.
 */
@Mojo(name = "downgrade", requiresProject = false, threadSafe = true)
public class DowngradeMojo extends AbstractRunMojo {

    /** Where to go, required (no default): base, a revision id or unique prefix, -N, id-N, label@head. */
    @Parameter(property = "plccoach.target", required = true)
    private String target;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        Migrator migrator = migrator();
        if (printSql(migrator, Direction.DOWNGRADE, target)) {
            return;
        }
        // the core logs a line per revision with its duration, and the summary with the backup taken
        report(migrator.downgrade(target));
    }
}
