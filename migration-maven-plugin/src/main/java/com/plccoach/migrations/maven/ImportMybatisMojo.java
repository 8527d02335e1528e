package com.plccoach.migrations.maven;

import com.plccoach.migrations.ImportResult;
import com.plccoach.migrations.Migrator;
import java.io.File;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Turns a MyBatis Migrations project into revision files (one per script, in a chain, MyBatis' file
 * names and {@code -- //@UNDO} kept) and, given a database, its CHANGELOG rows into our state. Checks
 * everything before writing a file; run again (or after an upgrade) it changes nothing.
 */
@Mojo(name = "import-mybatis", requiresProject = false, threadSafe = true)
public class ImportMybatisMojo extends AbstractDatabaseMojo {

    /** Root of the MyBatis Migrations project (the directory holding scripts/ and environments/). */
    @Parameter(property = "plccoach.mybatisDir", required = true) private File mybatisDir;
    /** The MyBatis environment whose variables (and, without plccoach.url or DATABASE_URL, database) to use. */
    @Parameter(property = "plccoach.mybatisEnvironment", defaultValue = "development") private String mybatisEnvironment;
    /** Also read the database's CHANGELOG and record its applied scripts as our state. */
    @Parameter(property = "plccoach.importState", defaultValue = "true") private boolean importState;
    /** How long to wait for another runner's migration lock, as 5m, 30s or ISO-8601. */
    @Parameter(property = "plccoach.lockWait", defaultValue = "5m") private String lockWait;

    @Inject
    public ImportMybatisMojo(Credentials credentials) {
        super(credentials);
    }

    @Override
    protected Object run() throws MojoExecutionException, MojoFailureException {
        MybatisProject mybatis = MybatisProject.open(mybatisDir, mybatisEnvironment);
        Migrator.Builder builder = builder().lockWait(duration("plccoach.lockWait", lockWait));
        boolean configured = configuredUrl() != null || System.getenv("DATABASE_URL") != null;
        boolean withState = importState && (configured || mybatis.hasDatabase());
        if (withState && !configured) {
            mybatis.connectTo(builder, user);
        }
        ImportResult result = builder.build().importChain(mybatis.revisions(), withState ? mybatis.changelogTable() : null);
        info("Imported " + (result.written().size() + result.unchanged().size()) + " MyBatis script(s) from " + mybatisDir + " into " + scripts);
        result.lines().forEach(this::info);
        return result;
    }
}
