package com.plccoach.migrations.maven;

import com.plccoach.migrations.Direction;
import com.plccoach.migrations.Migrator;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Applies every revision the target needs that is not applied yet, parents first, in one transaction by default. */
@Mojo(name = "upgrade", requiresProject = false, threadSafe = true)
public class UpgradeMojo extends AbstractRunMojo {

    /** Where to go: head, heads, a revision id or unique prefix, label@head, +N, head-N, id+N. */
    @Parameter(property = "plccoach.target", defaultValue = "head")
    private String target;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        Migrator migrator = migrator();
        if (printSql(migrator, Direction.UPGRADE, target)) {
            return;
        }
        // the core logs a line per revision with its duration, and the summary
        report(migrator.upgrade(target));
    }
}
