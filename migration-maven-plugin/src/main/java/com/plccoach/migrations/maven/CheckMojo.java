package com.plccoach.migrations.maven;

import com.plccoach.migrations.CheckReport;
import com.plccoach.migrations.DriftReport;
import com.plccoach.migrations.EnvironmentException;
import com.plccoach.migrations.Json;
import com.plccoach.migrations.ShortList;
import com.plccoach.migrations.Migrator;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fails on graph errors, checksum drift, applied revisions whose file is gone, several heads, objects
 * of the live schema changed by hand (plccoach.drift) and, with plccoach.desiredSchema, revisions that
 * do not reach the desired schema; reports pending revisions, failing on them only with
 * plccoach.failOnPending. Changes nothing but the scratch databases it creates and drops.
 */
@Mojo(name = "check", requiresProject = false, threadSafe = true)
public class CheckMojo extends AbstractScratchMojo {

    /** Accept several heads (for teams that keep labelled branches apart). */
    @Parameter(property = "plccoach.multipleHeads", defaultValue = "false")
    private boolean multipleHeads;

    /** Fail when revisions are not applied yet (for a deployment gate). */
    @Parameter(property = "plccoach.failOnPending", defaultValue = "false")
    private boolean failOnPending;

    /** Compare the live schema with the schema its applied revisions give, rebuilt on a scratch database, and fail naming every object changed by hand; false for users who may not CREATE DATABASE. */
    @Parameter(property = "plccoach.drift", defaultValue = "true")
    private boolean drift;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        Migrator migrator = migrator();
        CheckReport report = migrator.check();
        List<String> problems = report.problems(multipleHeads, migrator.config().advice());
        if (!problems.isEmpty()) {
            writeReport(Json.check(report, null, null, false));
            throw new MojoFailureException("Check failed, " + problems.size() + " problem(s):\n" + String.join("\n", problems));
        }
        // the core logs each comparison's outcome; both run before failing so that one build names everything
        List<String> schemaProblems = new ArrayList<>();
        DriftReport live = null;
        DriftReport desired = null;
        if (drift) {
            live = liveDrift(migrator);
            if (!live.clean()) {
                schemaProblems.add(live + "\nUndo these changes, or write them into a revision (the desired schema plus"
                        + " `mvn plccoach:revision -Dplccoach.autogenerate=true`); -Dplccoach.drift=false skips this comparison");
            }
        }
        if (desiredSchema != null) {
            desired = migrator.checkDesired();
            if (!desired.clean()) {
                schemaProblems.add(desired.toString());
            }
        }
        List<String> pending = report.pending();
        writeReport(Json.check(report, live, desired, schemaProblems.isEmpty() && (pending.isEmpty() || !failOnPending)));
        if (!schemaProblems.isEmpty()) {
            throw new MojoFailureException("Check failed: " + String.join("\n", schemaProblems));
        }
        String state = "heads " + Describe.heads(report.heads()) + ", applied " + Describe.heads(report.appliedHeads());
        if (pending.isEmpty()) {
            info("Check passed: " + state + ", nothing pending");
            return;
        }
        String line = pending.size() + " revision(s) pending: " + ShortList.names(pending);
        if (failOnPending) {
            throw new MojoFailureException(line + ". Apply them with `mvn plccoach:upgrade`, or drop plccoach.failOnPending");
        }
        info("Check passed: " + state + "; " + line);
    }

    /** Drift is on by default, so a user who may not create the scratch database learns how to turn it off. */
    private static DriftReport liveDrift(Migrator migrator) throws MojoExecutionException {
        try {
            return migrator.drift();
        } catch (EnvironmentException e) {
            throw new MojoExecutionException(e.getMessage() + " To check without comparing the live schema, add -Dplccoach.drift=false.", e);
        }
    }
}
