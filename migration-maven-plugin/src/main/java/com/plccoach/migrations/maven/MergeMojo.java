package com.plccoach.migrations.maven;

import java.util.Arrays;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Writes a merge revision whose parents are the given revisions (default: every head); needs no database. */
@Mojo(name = "merge", requiresProject = false, threadSafe = true)
public class MergeMojo extends AbstractPlccoachMojo {

    /** Revisions to merge, comma-separated (default: all heads). */
    @Parameter(property = "plccoach.revisions")
    private String revisions;

    /** The merge revision's message (default: merge followed by the parents). */
    @Parameter(property = "plccoach.message")
    private String message;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        List<String> ids = revisions == null || revisions.isBlank() ? List.of()
                : Arrays.stream(revisions.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        // the core logs the line that names the new file and its parents
        report(migrator().merge(ids, message));
    }
}
