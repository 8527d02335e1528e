package com.plccoach.migrations.maven;

import com.plccoach.migrations.Migrator;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Goals that talk to a database. The password is deliberately not a parameter: Maven prints every
 * parameter's value under {@code -X}, so {@code plccoach.password} is read from the properties here,
 * and a {@code settings.xml} server is decrypted here; the rest of the chain (URL, PGPASSWORD,
 * ~/.pgpass, passwordCommand) is the core's, shared with services that embed it.
 */
abstract class AbstractDatabaseMojo extends AbstractPlccoachMojo {

    static final String PASSWORD_PROPERTY = "plccoach.password";
    static final String URL_PROPERTY = "plccoach.url";

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

    /** PostgreSQL lock_timeout for every revision, as 10s, 500ms, 2m or ISO-8601 (PT10S). */
    @Parameter(property = "plccoach.lockTimeout", defaultValue = "10s")
    protected String lockTimeout;

    /** How long to wait for another runner's migration lock, as 5m, 30s or ISO-8601. */
    @Parameter(property = "plccoach.lockWait", defaultValue = "5m")
    protected String lockWait;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${project}", readonly = true)
    protected MavenProject project;

    @Component
    protected SettingsDecrypter settingsDecrypter;

    @Override
    protected Migrator.Builder builder() throws MojoExecutionException, MojoFailureException {
        Migrator.Builder builder = super.builder()
                .url(configuredUrl())
                .user(user)
                .passwordCommand(passwordCommand)
                .schema(schema)
                .lockTimeout(Durations.parse("plccoach.lockTimeout", lockTimeout))
                .lockWait(Durations.parse("plccoach.lockWait", lockWait));
        String password = passwordProperty();
        if (password == null && serverId != null && !serverId.isBlank()) {
            Server server = decryptedServer();
            password = server.getPassword();
            if (user == null && server.getUsername() != null) {
                builder.user(server.getUsername());
            }
        }
        return builder.password(password);
    }

    /** {@code <url>} of the configuration, else {@code -Dplccoach.url} (or that property of a settings.xml profile or the pom). */
    protected String configuredUrl() {
        return url != null && !url.isBlank() ? url : property(URL_PROPERTY);
    }

    private String passwordProperty() {
        return property(PASSWORD_PROPERTY);
    }

    /** Read here rather than injected, because Maven prints injected parameter values under -X. */
    private String property(String name) {
        for (Properties properties : new Properties[] {session.getUserProperties(), session.getSystemProperties(),
                project == null ? new Properties() : project.getProperties()}) {
            String value = properties.getProperty(name);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }

    private Server decryptedServer() throws MojoExecutionException, MojoFailureException {
        Server server = session.getSettings().getServer(serverId);
        if (server == null) {
            throw new MojoFailureException("plccoach.serverId is '" + serverId + "' but settings.xml has no <server> with that id: "
                    + "add <server><id>" + serverId + "</id><username>...</username><password>...</password></server> "
                    + "to ~/.m2/settings.xml (encrypt the password with `mvn --encrypt-password`), or drop plccoach.serverId");
        }
        SettingsDecryptionResult result = settingsDecrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        if (!result.getProblems().isEmpty()) {
            // problems name the server and what failed (master password missing, bad cipher), never the secret
            throw new MojoExecutionException("Cannot decrypt the password of settings.xml server '" + serverId + "': "
                    + result.getProblems().get(0).getMessage() + ". Check ~/.m2/settings-security.xml and the encrypted password");
        }
        return result.getServer();
    }
}
