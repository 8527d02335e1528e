package com.plccoach.migrations.maven;

import com.plccoach.migrations.CheckReport;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fails on graph errors, checksum drift, applied revisions whose file is gone, and several heads;
 * reports pending revisions, failing on them only with plccoach.failOnPending. Changes nothing.
 */
@Mojo(name = "check", requiresProject = false, threadSafe = true)
public class CheckMojo extends AbstractDatabaseMojo {

    /** Accept several heads (for teams that keep labelled branches apart). */
    @Parameter(property = "plccoach.multipleHeads", defaultValue = "false")
    private boolean multipleHeads;

    /** Fail when revisions are not applied yet (for a deployment gate). */
    @Parameter(property = "plccoach.failOnPending", defaultValue = "false")
    private boolean failOnPending;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        CheckReport report = migrator().check();
        List<String> problems = report.problems(multipleHeads);
        if (!problems.isEmpty()) {
            throw new MojoFailureException("Check failed, " + problems.size() + " problem(s):\n" + String.join("\n", problems));
        }
        List<String> pending = report.pending();
        String state = "heads " + Describe.heads(report.heads()) + ", applied " + Describe.heads(report.appliedHeads());
        if (pending.isEmpty()) {
            info("Check passed: " + state + ", nothing pending");
            return;
        }
        String line = pending.size() + " revision(s) pending: " + String.join(", ", pending);
        if (failOnPending) {
            throw new MojoFailureException(line + ". Apply them with `mvn plccoach:upgrade`, or drop plccoach.failOnPending");
        }
        info("Check passed: " + state + "; " + line);
    }
}
