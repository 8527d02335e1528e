package com.plccoach.migrations.maven;

import com.plccoach.migrations.HistoryEntry;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Shows the revisions newest first, with an ASCII graph of branches and merges; needs no database. */
@Mojo(name = "history", requiresProject = false, threadSafe = true)
public class HistoryMojo extends AbstractPlccoachMojo {

    /** Only the revisions from a to b, written older:newer (either side may be left out, e.g. abc1:). */
    @Parameter(property = "plccoach.range")
    private String range;

    /** Also show each revision's parents, labels, dependencies, file and creation date. */
    @Parameter(property = "plccoach.verbose", defaultValue = "false")
    private boolean verbose;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        List<HistoryEntry> history = migrator().history(range, verbose);
        report(history);
        history.forEach(entry -> entry.lines().forEach(this::info));
        info(history.size() + " revision(s)" + (range == null ? "" : " in " + range) + ", "
                + history.stream().filter(HistoryEntry::head).count() + " head(s)");
    }
}
