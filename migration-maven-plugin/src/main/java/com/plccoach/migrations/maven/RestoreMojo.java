package com.plccoach.migrations.maven;

import com.plccoach.migrations.Migrator;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Brings back a backup archive taken by downgrade, with pg_restore, and records it in the history. */
@Mojo(name = "restore", requiresProject = false, threadSafe = true)
public class RestoreMojo extends AbstractDatabaseMojo {

    /** The archive to restore, as printed by downgrade (under plccoach.backupDir). */
    @Parameter(property = "plccoach.backupFile", required = true)
    private File backupFile;

    /** The pg_restore binary (found on PATH by default). */
    @Parameter(property = "plccoach.pgRestore", defaultValue = "pg_restore")
    private String pgRestore;

    @Override
    protected Migrator.Builder builder() throws MojoExecutionException, MojoFailureException {
        return super.builder().pgRestore(pgRestore);
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        var result = migrator().restore(backupFile.toPath());
        info("Restored " + backupFile + ": " + result);
    }
}
