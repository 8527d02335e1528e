package com.plccoach.migrations.maven;

import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Writes a merge revision whose parents are the given revisions (default: every head); needs no database. */
@Mojo(name = "merge", requiresProject = false, threadSafe = true)
public class MergeMojo extends AbstractPlccoachMojo {

    /** Revisions to merge (default: all heads): -Dplccoach.revisions=a,b or &lt;revisions&gt;&lt;revision&gt;a&lt;/revision&gt;...&lt;/revisions&gt;. */
    @Parameter(property = "plccoach.revisions") private List<String> revisions;
    /** The merge revision's message (default: merge followed by the parents). */
    @Parameter(property = "plccoach.message") private String message;

    @Override
    protected Object run() throws MojoExecutionException, MojoFailureException {
        List<String> ids = revisions == null ? List.of() : revisions.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        // the core logs the line that names the new file and its parents
        return builder().build().merge(ids, message);
    }
}
