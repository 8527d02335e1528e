package com.plccoach.migrations.maven;

import com.plccoach.migrations.AppliedRevision;
import com.plccoach.migrations.CurrentState;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Shows the applied heads of the database (with plccoach.verbose, every applied revision). */
@Mojo(name = "current", requiresProject = false, threadSafe = true)
public class CurrentMojo extends AbstractDatabaseMojo {

    /** Also list every applied revision with when, by whom and how long it took. */
    @Parameter(property = "plccoach.verbose", defaultValue = "false")
    private boolean verbose;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        CurrentState state = migrator().current();
        report(state);
        if (verbose && !state.applied().isEmpty()) {
            Table table = new Table().row("revision", "applied at", "by", "took");
            for (AppliedRevision applied : state.applied()) {
                table.row(applied.id(), String.valueOf(applied.appliedAt()), applied.appliedBy(), Durations.format(applied.duration()));
            }
            table.lines().forEach(this::info);
        }
        info("Current: " + Describe.heads(state.heads()) + (state.atBase() ? "" : " (" + state.applied().size() + " applied)"));
    }
}
