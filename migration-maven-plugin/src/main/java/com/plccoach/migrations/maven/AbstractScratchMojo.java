package com.plccoach.migrations.maven;

import com.plccoach.migrations.Migrator;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Goals that build schemas on scratch databases to compare them (revision with autogenerate, check):
 * the desired schema, and the server the scratch databases are created and dropped on.
 */
abstract class AbstractScratchMojo extends AbstractDatabaseMojo {

    /** The schema as it should be, a .sql file or a folder whose .sql files run in path order (e.g. src/main/schema): revision with plccoach.autogenerate writes the revision that reaches it, check fails when the revisions do not. */
    @Parameter(property = "plccoach.desiredSchema")
    protected File desiredSchema;

    /** Server on which to create the scratch databases (default: the server of plccoach.url), where the user may CREATE DATABASE; its credentials are the configured ones. */
    @Parameter(property = "plccoach.verifyUrl")
    protected String verifyUrl;

    @Override
    protected Migrator.Builder builder() throws MojoExecutionException, MojoFailureException {
        return super.builder().verifyUrl(verifyUrl).desiredSchema(desiredSchema == null ? null : desiredSchema.toPath());
    }
}
