package com.plccoach.migrations.maven;

import com.plccoach.migrations.Migrator;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Brings back a backup archive taken by downgrade, with pg_restore, and records it in the history. */
@Mojo(name = "restore", requiresProject = false, threadSafe = true)
public class RestoreMojo extends AbstractDatabaseMojo {

    /** The archive to restore, as printed by downgrade; a directory (such as plccoach.backupDir) means its newest archive. */
    @Parameter(property = "plccoach.backupFile", required = true)
    private File backupFile;

    /** The pg_restore binary (found on PATH by default). */
    @Parameter(property = "plccoach.pgRestore", defaultValue = "pg_restore")
    private String pgRestore;

    private static Path newestIn(Path dir) throws MojoFailureException, MojoExecutionException {
        try (Stream<Path> files = Files.walk(dir)) {
            // a dump is the archive; a .columns file alone is a backup of dropped columns only
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".dump") || p.toString().endsWith(".columns"))
                    .max(Comparator.comparing((Path p) -> p.toString().endsWith(".dump"))
                            .thenComparing(p -> p.toFile().lastModified()).thenComparing(Path::toString))
                    .orElseThrow(() -> new MojoFailureException("No backup archive in " + dir
                            + ": give the archive downgrade printed with -Dplccoach.backupFile=..."));
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot list backups in " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected Migrator.Builder builder() throws MojoExecutionException, MojoFailureException {
        return super.builder().pgRestore(pgRestore);
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        Path archive = backupFile.isDirectory() ? newestIn(backupFile.toPath()) : backupFile.toPath();
        info("Restoring " + archive);
        report(migrator().restore(archive)); // the core logs what it brought back
    }
}
