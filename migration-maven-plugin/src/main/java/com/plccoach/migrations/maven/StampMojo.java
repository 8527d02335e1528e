package com.plccoach.migrations.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Sets the database's state to the target without running any revision, and records it in the history. */
@Mojo(name = "stamp", requiresProject = false, threadSafe = true)
public class StampMojo extends AbstractDatabaseMojo {

    /** The state to record, required: head, base, a revision id or any target. */
    @Parameter(property = "plccoach.target", required = true)
    private String target;

    /** Forget the whole recorded state first (for a state table that no longer matches the graph). */
    @Parameter(property = "plccoach.purge", defaultValue = "false")
    private boolean purge;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        // the core logs the summary (heads before and after)
        report(migrator().stamp(target, purge));
    }
}
