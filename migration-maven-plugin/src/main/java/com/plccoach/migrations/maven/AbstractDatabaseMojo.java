package com.plccoach.migrations.maven;

import com.plccoach.migrations.Migrator;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Goals that talk to a database: where it is and who connects. The password is deliberately not a
 * parameter (Maven prints every parameter's value under {@code -X}); {@link Credentials} reads it.
 */
abstract class AbstractDatabaseMojo extends AbstractPlccoachMojo {

    /**
     * The database: a JDBC URL ({@code jdbc:postgresql://host:5432/db?sslmode=require}), a libpq URL
     * ({@code postgresql://user@host:5432/db}) or SQLAlchemy's ({@code postgresql+psycopg2://user@host:5432/db});
     * the environment's {@code DATABASE_URL} when not set. Parameters such as {@code sslmode} are passed on.
     * On the command line: {@code -Dplccoach.url=...}, read by the goal itself (like the password) so that
     * a password in the URL never shows in {@code -X} output; a password written here in the pom would.
     */
    @Parameter
    protected String url;

    /** Database user; wins over a user named in the URL. The password itself is given with {@code -Dplccoach.password} (never shown), a settings.xml server, the URL, PGPASSWORD, ~/.pgpass or {@code plccoach.passwordCommand}. */
    @Parameter(property = "plccoach.user")
    protected String user;

    /** Id of a &lt;server&gt; entry in settings.xml whose username and (possibly encrypted) password to use; a missing id fails the build. */
    @Parameter(property = "plccoach.serverId")
    protected String serverId;

    /**
     * Command line whose standard output (trailing newline removed) is the password, tried last; run
     * without a shell (use {@code sh -c '...'} for pipes), stopped after 60 s. For AWS Secrets Manager:
     * {@code aws secretsmanager get-secret-value --secret-id plccoach-db-password --query SecretString --output text}.
     */
    @Parameter(property = "plccoach.passwordCommand")
    protected String passwordCommand;

    /** Schema of the state tables plccoach_version and plccoach_history. */
    @Parameter(property = "plccoach.schema", defaultValue = "public")
    protected String schema;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    private final Credentials credentials;

    protected AbstractDatabaseMojo(Credentials credentials) {
        this.credentials = credentials;
    }

    @Override
    protected Migrator.Builder builder() throws MojoExecutionException, MojoFailureException {
        Migrator.Builder builder = super.builder().url(configuredUrl()).user(user).passwordCommand(passwordCommand).schema(schema);
        return credentials.password(builder, session, serverId, user != null);
    }

    /** {@code <url>} of the configuration, else {@code -Dplccoach.url} (or that property of a settings.xml profile or the pom). */
    protected String configuredUrl() {
        return url != null && !url.isBlank() ? url : credentials.property(session, Credentials.URL_PROPERTY);
    }
}
