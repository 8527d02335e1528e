package com.plccoach.migrations.maven;

import com.plccoach.migrations.Migrator;
import java.io.File;
import java.nio.file.Path;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Brings back a backup archive taken by downgrade, with pg_restore, and records it in the history. */
@Mojo(name = "restore", requiresProject = false, threadSafe = true)
public class RestoreMojo extends AbstractDatabaseMojo {

    /** The archive to restore, as printed by downgrade; a directory (such as plccoach.backupDir) means its newest archive. */
    @Parameter(property = "plccoach.backupFile", required = true) private File backupFile;
    /** The pg_restore binary (found on PATH by default). */
    @Parameter(property = "plccoach.pgRestore", defaultValue = "pg_restore") private String pgRestore;
    /** How long to wait for another runner's migration lock, as 5m, 30s or ISO-8601. */
    @Parameter(property = "plccoach.lockWait", defaultValue = "5m") private String lockWait;

    @Inject
    public RestoreMojo(Credentials credentials) {
        super(credentials);
    }

    @Override
    protected Object run() throws MojoExecutionException, MojoFailureException {
        Migrator migrator = builder().pgRestore(pgRestore).lockWait(duration("plccoach.lockWait", lockWait)).build();
        Path archive = migrator.backupArchive(backupFile.toPath());
        info("Restoring " + archive);
        return migrator.restore(archive); // the core logs what it brought back
    }
}
