package com.plccoach.migrations.maven;

import com.plccoach.migrations.RevisionInfo;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/** Shows the heads of the revision graph (revisions without children); needs no database. */
@Mojo(name = "heads", requiresProject = false, threadSafe = true)
public class HeadsMojo extends AbstractPlccoachMojo {

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        List<RevisionInfo> heads = migrator().heads();
        report(heads);
        Table table = new Table();
        heads.forEach(r -> table.row(r.id(), Describe.tags(r, true), r.message()));
        table.lines().forEach(this::info);
        info(heads.size() == 1 ? "1 head" : heads.size() + " heads" + (heads.size() > 1 ? ": merge them with `mvn plccoach:merge`" : ""));
    }
}
