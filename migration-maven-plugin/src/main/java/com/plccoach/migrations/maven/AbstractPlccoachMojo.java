package com.plccoach.migrations.maven;

import com.plccoach.migrations.EntryPoint;
import com.plccoach.migrations.EnvironmentException;
import com.plccoach.migrations.Json;
import com.plccoach.migrations.MigrationException;
import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.ScriptSource;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every goal shares: where the revisions are, their placeholders, {@code plccoach.skip}, and the
 * one rule for failures: what the user can fix fails the build ({@link MojoFailureException}), what
 * the surroundings broke is an execution error ({@link MojoExecutionException}); both carry the core's message.
 */
abstract class AbstractPlccoachMojo extends AbstractMojo {

    /** Directory of the revision files. */
    @Parameter(property = "plccoach.scripts", defaultValue = "${project.basedir}/src/main/resources/db/revisions", required = true)
    protected File scripts;

    /** Values for ${name} placeholders in revision files, one element per name: &lt;tenant&gt;acme&lt;/tenant&gt;. */
    @Parameter
    protected Map<String, String> placeholders;

    /** Skip this goal (for example in a profile, or for one module of a reactor). */
    @Parameter(property = "plccoach.skip", defaultValue = "false")
    protected boolean skip;

    /** Also write the goal's result (or its failure) as JSON to this file, in the format of docs/json-format.md, for CI. */
    @Parameter(property = "plccoach.reportFile")
    protected File reportFile;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    private MojoExecution execution;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipped (plccoach.skip=true)");
            return;
        }
        try {
            run();
        } catch (EnvironmentException e) {
            writeReport(Json.failure(goal(), e));
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (MigrationException e) {
            writeReport(Json.failure(goal(), e));
            throw new MojoFailureException(e.getMessage(), e);
        } catch (UnsupportedOperationException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** The goal's one facade call and its summary. */
    protected abstract void run() throws MojoExecutionException, MojoFailureException;

    /** A builder with this goal's common settings; subclasses add theirs. */
    protected Migrator.Builder builder() throws MojoExecutionException, MojoFailureException {
        Migrator.Builder builder = Migrator.builder()
                .scripts(ScriptSource.directory(scripts.toPath()))
                .applicationName("plccoach-maven-plugin")
                .entryPoint(EntryPoint.MAVEN);
        if (placeholders != null) {
            builder.placeholders(placeholders);
        }
        return builder;
    }

    protected Migrator migrator() throws MojoExecutionException, MojoFailureException {
        return builder().build();
    }

    /** Writes the goal's result to plccoach.reportFile when one is given; call it right after the facade call. */
    protected void report(Object result) throws MojoExecutionException {
        writeReport(Json.of(goal(), result));
    }

    /** Writes JSON made by {@link Json} to plccoach.reportFile when one is given. */
    protected void writeReport(String json) throws MojoExecutionException {
        if (reportFile == null) {
            return;
        }
        try {
            Files.createDirectories(reportFile.getAbsoluteFile().getParentFile().toPath());
            Files.writeString(reportFile.toPath(), json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write plccoach.reportFile " + reportFile + ": " + e.getMessage()
                    + ". Give a writable path, e.g. -Dplccoach.reportFile=target/plccoach/result.json", e);
        }
    }

    private String goal() {
        return execution == null ? getClass().getSimpleName().replace("Mojo", "").toLowerCase() : execution.getGoal();
    }

    protected void info(String line) {
        getLog().info(line);
    }
}
