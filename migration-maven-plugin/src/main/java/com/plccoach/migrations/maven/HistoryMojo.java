package com.plccoach.migrations.maven;

import com.plccoach.migrations.RevisionInfo;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Shows the revisions newest first, with an ASCII graph of branches and merges; needs no database. */
@Mojo(name = "history", requiresProject = false, threadSafe = true)
public class HistoryMojo extends AbstractPlccoachMojo {

    /** Only the revisions from a to b, written a:b (either side may be left out, or be any target). */
    @Parameter(property = "plccoach.range")
    private String range;

    /** Also show each revision's parents, file and creation date. */
    @Parameter(property = "plccoach.verbose", defaultValue = "false")
    private boolean verbose;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        List<RevisionInfo> revisions = migrator().history(range);
        Set<String> parents = revisions.stream().flatMap(r -> r.parents().stream()).collect(Collectors.toSet());
        Table table = new Table();
        for (HistoryGraph.Line line : HistoryGraph.draw(revisions)) {
            RevisionInfo r = line.revision();
            if (r == null) {
                table.row(line.graph());
            } else if (verbose) {
                table.row(line.graph(), r.id(), Describe.tags(r, !parents.contains(r.id())),
                        "parents " + Describe.parents(r) + ", " + r.createDate() + ", " + r.location() + ": " + r.message());
            } else {
                table.row(line.graph(), r.id(), Describe.tags(r, !parents.contains(r.id())), r.message());
            }
        }
        table.lines().forEach(this::info);
        info(revisions.size() + " revision(s)" + (range == null ? "" : " in " + range));
    }
}
