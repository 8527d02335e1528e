package com.plccoach.migrations.maven;

import com.plccoach.migrations.AutogenerateResult;
import java.io.File;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes a new revision file, yyyyMMdd_HHmm_id_slug.sql, into the scripts directory; needs no database,
 * except with plccoach.autogenerate, which writes the revision that takes the revisions' schema to
 * plccoach.desiredSchema, worked out and proven on scratch databases.
 */
@Mojo(name = "revision", requiresProject = false, threadSafe = true)
public class RevisionMojo extends AbstractDatabaseMojo {

    /** One line saying what the revision does; it becomes the file name's slug and history's text. */
    @Parameter(property = "plccoach.message", required = true) private String message;
    /** The parent revision (default: the single head; a new root with base). */
    @Parameter(property = "plccoach.parent") private String parent;
    /** A branch label for the new revision, so it can be targeted as label@head. */
    @Parameter(property = "plccoach.branchLabel") private String branchLabel;
    /** The new revision's id (letters, digits, _); a random 12-digit hex id when not given. */
    @Parameter(property = "plccoach.revisionId") private String revisionId;
    /** Write the revision from the difference between the revisions' schema (up to the single head) and plccoach.desiredSchema, proven up and down on scratch databases of the configured server or plccoach.verifyUrl. */
    @Parameter(property = "plccoach.autogenerate", defaultValue = "false") private boolean autogenerate;
    /** The schema as it should be for plccoach.autogenerate: a .sql file or a folder whose .sql files run in path order (e.g. src/main/schema). */
    @Parameter(property = "plccoach.desiredSchema") private File desiredSchema;
    /** Server on which autogenerate creates its scratch databases (default: the server of plccoach.url), where the user may CREATE DATABASE. */
    @Parameter(property = "plccoach.verifyUrl") private String verifyUrl;

    @Inject
    public RevisionMojo(Credentials credentials) {
        super(credentials);
    }

    @Override
    protected Object run() throws MojoExecutionException, MojoFailureException {
        if (!autogenerate) {
            return builder().build().newRevision(message, parent, branchLabel, revisionId); // the core logs the new file and its parents
        }
        if (desiredSchema == null || parent != null || branchLabel != null || revisionId != null) {
            throw new MojoFailureException(desiredSchema == null ? "plccoach.autogenerate needs the desired schema: add"
                    + " -Dplccoach.desiredSchema=src/main/schema (a .sql file or a folder of .sql files), or <desiredSchema> in the plugin's"
                    + " configuration" : "plccoach.autogenerate starts from the single head with generated ids: drop plccoach.parent,"
                    + " plccoach.branchLabel and plccoach.revisionId, or write the revision without plccoach.autogenerate");
        }
        AutogenerateResult result = builder().verifyUrl(verifyUrl).desiredSchema(desiredSchema.toPath()).build().autogenerate(message);
        result.lines().forEach(this::info);
        return result;
    }
}
