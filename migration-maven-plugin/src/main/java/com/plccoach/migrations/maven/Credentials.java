package com.plccoach.migrations.maven;

import com.plccoach.migrations.Migrator;
import java.util.Properties;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * The Maven side of the password chain: {@code -Dplccoach.password} and a decrypted settings.xml
 * server. Both are read here rather than injected as parameters, because Maven prints injected
 * parameter values under {@code -X}. The rest (URL, PGPASSWORD, ~/.pgpass, passwordCommand) is the
 * core's, shared with services that embed it.
 */
@Named
@Singleton
public class Credentials {

    static final String PASSWORD_PROPERTY = "plccoach.password";
    static final String URL_PROPERTY = "plccoach.url";

    private final SettingsDecrypter decrypter;

    @Inject
    public Credentials(SettingsDecrypter decrypter) {
        this.decrypter = decrypter;
    }

    /** Sets the password (and, from a settings.xml server, the user unless one was given) on the builder. */
    Migrator.Builder password(Migrator.Builder builder, MavenSession session, String serverId, boolean userGiven)
            throws MojoExecutionException, MojoFailureException {
        String password = property(session, PASSWORD_PROPERTY);
        if (password == null && serverId != null && !serverId.isBlank()) {
            Server server = decryptedServer(session, serverId);
            password = server.getPassword();
            if (!userGiven && server.getUsername() != null) {
                builder.user(server.getUsername());
            }
        }
        return builder.password(password);
    }

    /** A property from the command line, the JVM, or the pom (or a settings.xml profile), first non-empty one. */
    String property(MavenSession session, String name) {
        MavenProject project = session.getCurrentProject();
        for (Properties properties : new Properties[] {session.getUserProperties(), session.getSystemProperties(),
                project == null ? new Properties() : project.getProperties()}) {
            String value = properties.getProperty(name);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }

    private Server decryptedServer(MavenSession session, String serverId) throws MojoExecutionException, MojoFailureException {
        Server server = session.getSettings().getServer(serverId);
        if (server == null) {
            throw new MojoFailureException("plccoach.serverId is '" + serverId + "' but settings.xml has no <server> with that id: "
                    + "add <server><id>" + serverId + "</id><username>...</username><password>...</password></server> "
                    + "to ~/.m2/settings.xml (encrypt the password with `mvn --encrypt-password`), or drop plccoach.serverId");
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        if (!result.getProblems().isEmpty()) {
            // problems name the server and what failed (master password missing, bad cipher), never the secret
            throw new MojoExecutionException("Cannot decrypt the password of settings.xml server '" + serverId + "': "
                    + result.getProblems().get(0).getMessage() + ". Check ~/.m2/settings-security.xml and the encrypted password");
        }
        return result.getServer();
    }

    @Override
    public String toString() {
        return "Credentials[" + decrypter.getClass().getSimpleName() + "]";
    }
}
