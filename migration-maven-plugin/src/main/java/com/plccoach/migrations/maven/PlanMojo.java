package com.plccoach.migrations.maven;

import com.plccoach.migrations.PlanReport;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Analyses the plan to a target (upgrade or downgrade) in a transaction that is rolled back, and
 * reports what it would drop, rewrite and lock; succeeds even when the plan would be refused, and says so.
 */
@Mojo(name = "plan", requiresProject = false, threadSafe = true)
public class PlanMojo extends AbstractRunMojo {

    /** The target to analyse: head, base, -1, a revision id, ... */
    @Parameter(property = "plccoach.target", defaultValue = "head")
    private String target;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        // refused plans are reported, not failed: plan answers "what would happen", it never runs anything
        PlanReport report = migrator().plan(target);
        report(report);
        report.render().lines().forEach(this::info);
    }
}
