package com.plccoach.migrations.maven;

import com.plccoach.migrations.HtmlReport;
import java.io.File;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes one self-contained HTML page: the revision graph drawn as SVG (applied and pending marked when
 * a database is configured), the recent runs from plccoach_history with their durations, and the plan
 * to plccoach.target. Without a database it draws the graph alone. Changes nothing in the database.
 */
@Mojo(name = "report", requiresProject = false, threadSafe = true)
public class ReportMojo extends AbstractDatabaseMojo {

    /** The plan shown at the end of the page goes to this target: head, base, -1, a revision id, ... */
    @Parameter(property = "plccoach.target", defaultValue = "head") private String target;

    /** Where the page is written. */
    @Parameter(property = "plccoach.reportHtml", defaultValue = "${project.build.directory}/plccoach/report.html") private File output;

    @Inject
    public ReportMojo(Credentials credentials) {
        super(credentials);
    }

    @Override
    protected Object run() throws MojoExecutionException, MojoFailureException {
        HtmlReport report = builder().build().report(target).writeTo(output.toPath());
        info("Wrote " + report);
        return report;
    }
}
