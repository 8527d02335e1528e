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
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every goal shares: where the revisions are, their placeholders, {@code plccoach.skip},
 * {@code plccoach.reportFile}, and the one rule for failures: what the user can fix fails the build
 * ({@link MojoFailureException}), what the surroundings broke is an execution error
 * ({@link MojoExecutionException}); both carry the core's message. A goal declares every other
 * parameter itself, so {@code help:describe} lists only what it reads.
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
        Object result;
        try {
            result = run();
        } catch (EnvironmentException e) {
            writeReport(() -> Json.failure(goal(), e));
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (MigrationException e) {
            writeReport(() -> Json.failure(goal(), e));
            throw new MojoFailureException(e.getMessage(), e);
        } catch (UnsupportedOperationException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        completed(result);
    }

    /** The goal's one facade call and its summary; returns the facade's result (null when it has none). */
    protected abstract Object run() throws MojoExecutionException, MojoFailureException;

    /** Called with {@link #run()}'s result after it succeeded: writes it to plccoach.reportFile when one is given. */
    protected void completed(Object result) throws MojoExecutionException {
        writeReport(() -> Json.of(goal(), result));
    }

    /** A builder with the scripts and placeholders, wording advice in Maven syntax; goals add their own settings. */
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

    /** Every duration-valued parameter is read here: 500ms, 10s, 5m, 1h or ISO-8601 PT10S. */
    protected static Duration duration(String property, String text) throws MojoFailureException {
        return Durations.parse(property, text);
    }

    protected void info(String line) {
        getLog().info(line);
    }

    /** The JSON is made only when a file asks for it. */
    private void writeReport(Supplier<String> json) throws MojoExecutionException {
        if (reportFile == null) {
            return;
        }
        try {
            Files.createDirectories(reportFile.getAbsoluteFile().getParentFile().toPath());
            Files.writeString(reportFile.toPath(), json.get(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write plccoach.reportFile " + reportFile + ": " + e.getMessage()
                    + ". Give a writable path, e.g. -Dplccoach.reportFile=target/plccoach/result.json", e);
        }
    }

    private String goal() {
        return execution == null ? getClass().getSimpleName().replace("Mojo", "").toLowerCase(Locale.ROOT) : execution.getGoal();
    }
}
