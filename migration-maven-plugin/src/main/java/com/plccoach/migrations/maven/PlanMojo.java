package com.plccoach.migrations.maven;

import com.plccoach.migrations.Fleet;
import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.PlanReport;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Analyses the plan to a target (upgrade or downgrade) in a transaction that is rolled back, and
 * reports what it would drop, rewrite and lock; succeeds even when the plan would be refused, and says so.
 */
@Mojo(name = "plan", requiresProject = false, threadSafe = true)
public class PlanMojo extends AbstractFleetMojo {

    /** The target to analyse: head, base, -1, a revision id, ... */
    @Parameter(property = "plccoach.target", defaultValue = "head") private String target;
    /** Analyse as a run with plccoach.allowDataLoss would: dropping data is then reported, not refused. */
    @Parameter(property = "plccoach.allowDataLoss", defaultValue = "false") private boolean allowDataLoss;

    @Inject
    public PlanMojo(Credentials credentials) {
        super(credentials);
    }

    @Override
    protected Object run() throws MojoExecutionException, MojoFailureException {
        // refused plans are reported, not failed: plan answers "what would happen", it never runs anything
        Migrator migrator = builder().allowDataLoss(allowDataLoss).build();
        Fleet fleet = fleet(migrator);
        if (fleet != null) {
            return fleet.plan(target).requireSuccess();
        }
        PlanReport report = migrator.plan(target);
        report.render().lines().forEach(this::info);
        return report;
    }
}
