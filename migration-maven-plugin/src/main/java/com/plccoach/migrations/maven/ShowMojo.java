package com.plccoach.migrations.maven;

import com.plccoach.migrations.RevisionInfo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Shows one revision: id, parents, labels, file, message; needs no database. */
@Mojo(name = "show", requiresProject = false, threadSafe = true)
public class ShowMojo extends AbstractPlccoachMojo {

    /** The revision to show: an id, a unique prefix, head, label@head or any target naming one revision. */
    @Parameter(property = "plccoach.revision", defaultValue = "head")
    private String revision;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        RevisionInfo r = migrator().show(revision);
        report(r);
        new Table()
                .row("Revision:", r.id())
                .row("Parents:", Describe.parents(r))
                .row("Branch labels:", String.join(", ", r.branchLabels()))
                .row("Depends on:", String.join(", ", r.dependsOn()))
                .row("Created:", r.createDate())
                .row("File:", r.location())
                .row("Transactional:", String.valueOf(r.transactional()))
                .row("Reversible:", String.valueOf(r.reversible()))
                .row("Message:", r.message())
                .lines().forEach(this::info);
    }
}
