package com.plccoach.migrations.maven;

import com.plccoach.migrations.AlembicImportResult;
import com.plccoach.migrations.AlembicProject;
import java.io.File;
import java.nio.file.Path;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Turns an Alembic project into revision files, each revision's SQL rendered by Alembic itself in
 * offline mode, and, given a database (plccoach.url, DATABASE_URL, or alembic.ini's sqlalchemy.url),
 * the heads in alembic_version into our state. alembic_version is left untouched.
 */
@Mojo(name = "import-alembic", requiresProject = false, threadSafe = true)
public class ImportAlembicMojo extends AbstractDatabaseMojo {

    /** The directory holding alembic.ini (Alembic runs there). */
    @Parameter(property = "plccoach.alembicDir", defaultValue = "${basedir}")
    private File alembicDir;

    /** Another Alembic config file than alembic.ini, relative to plccoach.alembicDir. */
    @Parameter(property = "plccoach.alembicConfig")
    private String alembicConfig;

    /** The Python that has the project's Alembic; by default python3 on PATH, then /usr/bin/python3. */
    @Parameter(property = "plccoach.python")
    private String python;

    /** How long to wait for another runner's migration lock, as 5m, 30s or ISO-8601. */
    @Parameter(property = "plccoach.lockWait", defaultValue = "5m")
    private String lockWait;

    @Inject
    public ImportAlembicMojo(Credentials credentials) {
        super(credentials);
    }

    @Override
    protected Object run() throws MojoExecutionException, MojoFailureException {
        AlembicImportResult result = builder().lockWait(duration("plccoach.lockWait", lockWait)).build()
                .importAlembic(new AlembicProject(alembicDir.toPath(), alembicConfig == null ? null : Path.of(alembicConfig), python));
        info("Imported " + result);
        // the core has warned about each stub, naming the revision, its file and Alembic's error
        if (!result.recorded().isEmpty()) {
            info("Recorded " + result.recorded().size() + " revision(s) as applied, as alembic_version "
                    + result.alembicHeads() + " says; alembic_version is left as it was");
        }
        return result;
    }
}
