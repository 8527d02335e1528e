package com.plccoach.migrations.maven;

import com.plccoach.migrations.RevisionInfo;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/** Shows the branch points of the revision graph (revisions with several children); needs no database. */
@Mojo(name = "branches", requiresProject = false, threadSafe = true)
public class BranchesMojo extends AbstractPlccoachMojo {

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        List<RevisionInfo> branches = migrator().branches();
        report(branches);
        Table table = new Table();
        branches.forEach(r -> table.row(r.id(), Describe.tags(r, false), r.message()));
        table.lines().forEach(this::info);
        info(branches.size() + " branch point(s)");
    }
}
