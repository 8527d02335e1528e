package com.plccoach.migrations.maven;

import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.internal.connection.ConnectionFactory;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Turns a MyBatis Migrations project into revision files (one per script, in a chain, MyBatis'
 * file names and {@code -- //@UNDO} kept) and, given a database, its CHANGELOG rows into our state.
 */
@Mojo(name = "import-mybatis", requiresProject = false, threadSafe = true)
public class ImportMybatisMojo extends AbstractDatabaseMojo {

    /** Root of the MyBatis Migrations project (the directory holding scripts/ and environments/). */
    @Parameter(property = "plccoach.mybatisDir", required = true)
    private File mybatisDir;

    /** The MyBatis environment whose variables (and, without plccoach.url, database) to use. */
    @Parameter(property = "plccoach.mybatisEnvironment", defaultValue = "development")
    private String mybatisEnvironment;

    /** Also read the database's CHANGELOG and record its applied scripts as our state (plccoach.url, or the environment's url). */
    @Parameter(property = "plccoach.importState", defaultValue = "true")
    private boolean importState;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        MybatisProject project;
        List<MybatisProject.Imported> revisions;
        try {
            project = new MybatisProject(mybatisDir, mybatisEnvironment);
            revisions = project.revisions();
            write(revisions);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot import " + mybatisDir + ": " + e.getMessage(), e);
        }
        info("Imported " + revisions.size() + " MyBatis script(s) from " + mybatisDir + " into " + scripts);
        if (importState && (configuredUrl() != null || System.getenv("DATABASE_URL") != null || project.environment().getUrl() != null)) {
            importState(project, revisions);
        }
    }

    private void write(List<MybatisProject.Imported> revisions) throws IOException, MojoFailureException {
        Files.createDirectories(scripts.toPath());
        for (MybatisProject.Imported revision : revisions) {
            Path file = scripts.toPath().resolve(revision.fileName());
            if (Files.exists(file) && !Files.readString(file, StandardCharsets.UTF_8).equals(revision.content())) {
                throw new MojoFailureException(file + " exists with other content: move it away or import into an empty "
                        + "plccoach.scripts directory");
            }
            Files.writeString(file, revision.content(), StandardCharsets.UTF_8);
        }
    }

    private void importState(MybatisProject project, List<MybatisProject.Imported> revisions)
            throws MojoExecutionException, MojoFailureException {
        Migrator.Builder builder = builder();
        if (configuredUrl() == null && System.getenv("DATABASE_URL") == null) {
            builder.url(project.environment().getUrl()).user(user != null ? user : project.environment().getUsername());
            if (project.environment().getPassword() != null && !project.environment().getPassword().isEmpty()) {
                builder.password(project.environment().getPassword());
            }
        }
        Migrator migrator = builder.build();
        List<String> applied = appliedIds(migrator, project.changelogTable());
        List<String> chain = revisions.stream().map(MybatisProject.Imported::id).toList();
        if (applied.isEmpty()) {
            info("CHANGELOG " + project.changelogTable() + " lists no applied script: no state to import");
            return;
        }
        if (!chain.subList(0, Math.min(applied.size(), chain.size())).equals(applied)) {
            throw new MojoFailureException("CHANGELOG applied " + applied + ", which is not the first scripts of the chain "
                    + chain + " (scripts applied out of order, or missing). Fix CHANGELOG or the scripts, then import again");
        }
        String last = applied.get(applied.size() - 1);
        migrator.stamp(last, false);
        info("Recorded " + applied.size() + " applied script(s) from " + project.changelogTable() + " as applied up to " + last);
    }

    private static List<String> appliedIds(Migrator migrator, String table) throws MojoExecutionException {
        try (Connection c = new ConnectionFactory(migrator.config()).open(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT ID FROM " + table + " ORDER BY ID")) {
            List<String> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getBigDecimal(1).toPlainString());
            }
            return ids;
        } catch (SQLException e) {
            throw new MojoExecutionException("Cannot read MyBatis' " + table + " table: " + e.getMessage()
                    + ". Set plccoach.importState=false to import the scripts only", e);
        }
    }
}
