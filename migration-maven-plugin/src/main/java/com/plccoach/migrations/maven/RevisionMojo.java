package com.plccoach.migrations.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Writes a new revision file, yyyyMMdd_HHmm_id_slug.sql, into the scripts directory; needs no database. */
@Mojo(name = "revision", requiresProject = false, threadSafe = true)
public class RevisionMojo extends AbstractPlccoachMojo {

    /** One line saying what the revision does; it becomes the file name's slug and history's text. */
    @Parameter(property = "plccoach.message", required = true)
    private String message;

    /** The parent revision (default: the single head; a new root with base). */
    @Parameter(property = "plccoach.parent")
    private String parent;

    /** A branch label for the new revision, so it can be targeted as label@head. */
    @Parameter(property = "plccoach.branchLabel")
    private String branchLabel;

    /** The new revision's id (letters, digits, _); a random 12-digit hex id when not given. */
    @Parameter(property = "plccoach.revisionId")
    private String revisionId;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        // the core logs the line that names the new file and its parents
        migrator().newRevision(message, parent, branchLabel, revisionId);
    }
}
