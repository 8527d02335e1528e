package com.plccoach.migrations.maven;

import com.plccoach.migrations.CheckOptions;
import com.plccoach.migrations.CheckReport;
import com.plccoach.migrations.Fleet;
import com.plccoach.migrations.Migrator;
import java.io.File;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fails on graph errors, checksum drift, applied revisions whose file is gone, several heads, objects
 * of the live schema changed by hand (plccoach.drift) and, with plccoach.desiredSchema, revisions that
 * do not reach the desired schema; reports lock hazards of pending revisions (failing on them with
 * plccoach.lint=error) and pending revisions (failing on them only with plccoach.failOnPending).
 * Changes nothing but the scratch databases it creates and drops.
 */
@Mojo(name = "check", requiresProject = false, threadSafe = true)
public class CheckMojo extends AbstractFleetMojo {

    /** Accept several heads (for teams that keep labelled branches apart). */
    @Parameter(property = "plccoach.multipleHeads", defaultValue = "false") private boolean multipleHeads;
    /** Fail when revisions are not applied yet (for a deployment gate). */
    @Parameter(property = "plccoach.failOnPending", defaultValue = "false") private boolean failOnPending;
    /** Compare the live schema with the schema its applied revisions give, rebuilt on a scratch database, and fail naming every object changed by hand; false for users who may not CREATE DATABASE. */
    @Parameter(property = "plccoach.drift", defaultValue = "true") private boolean drift;
    /** The schema as it should be, a .sql file or a folder whose .sql files run in path order (e.g. src/main/schema): check fails when the revisions do not reach it. */
    @Parameter(property = "plccoach.desiredSchema") private File desiredSchema;
    /** Server on which to create the scratch databases (default: the server of plccoach.url), where the user may CREATE DATABASE. */
    @Parameter(property = "plccoach.verifyUrl") private String verifyUrl;
    /** Lock hazards of the pending revisions (docs/big-tables.md): warn prints them, error fails the build on them. */
    @Parameter(property = "plccoach.lint", defaultValue = "warn") private String lint;

    @Inject
    public CheckMojo(Credentials credentials) {
        super(credentials);
    }

    @Override
    protected Object run() throws MojoExecutionException, MojoFailureException {
        if (!lint.equals("warn") && !lint.equals("error")) {
            throw new MojoFailureException("plccoach.lint is '" + lint + "': use warn (print lock hazards) or error (fail on them)");
        }
        Migrator migrator = builder().verifyUrl(verifyUrl).desiredSchema(desiredSchema == null ? null : desiredSchema.toPath()).build();
        CheckOptions options = new CheckOptions(multipleHeads, failOnPending, drift, lint.equals("error"));
        Fleet fleet = fleet(migrator);
        if (fleet != null) {
            return fleet.check(options).requireSuccess();
        }
        CheckReport report = migrator.check(options);
        report.lintFindings().forEach(finding -> getLog().warn(finding.toString()));
        info(report.summary());
        return report;
    }
}
