package com.plccoach.migrations.maven;

import com.plccoach.migrations.EnvironmentException;
import com.plccoach.migrations.MigrationException;
import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.ScriptSource;
import java.io.File;
import java.time.Duration;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every goal shares: where the revisions are, their placeholders, {@code plccoach.skip}, and the
 * one rule for failures: what the user can fix fails the build ({@link MojoFailureException}), what
 * the surroundings broke is an execution error ({@link MojoExecutionException}); both carry the core's
 * message. A goal declares every other parameter itself, so {@code help:describe} lists only what it reads.
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

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipped (plccoach.skip=true)");
            return;
        }
        Object result;
        try {
            result = run();
        } catch (EnvironmentException | UnsupportedOperationException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (MigrationException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        completed(result);
    }

    /** The goal's one facade call and its summary; returns the facade's result (null when it has none). */
    protected abstract Object run() throws MojoExecutionException, MojoFailureException;

    /** Called with {@link #run()}'s result after it succeeded: the one place to write it elsewhere (a report file). */
    protected void completed(Object result) throws MojoExecutionException {
        // nothing by default: the core has logged the outcome
    }

    /** A builder with the scripts and placeholders; goals add their own settings. */
    protected Migrator.Builder builder() throws MojoExecutionException, MojoFailureException {
        Migrator.Builder builder = Migrator.builder()
                .scripts(ScriptSource.directory(scripts.toPath()))
                .applicationName("plccoach-maven-plugin");
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
}
