package com.plccoach.migrations.maven;

import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.VerifyReport;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * On a scratch database (created and dropped), runs every revision up, down and up again and
 * compares catalog snapshots: fails naming what a downgrade leaves behind or fails to restore.
 */
@Mojo(name = "verify", requiresProject = false, threadSafe = true)
public class VerifyMojo extends AbstractDatabaseMojo {

    /** Server on which to create the scratch database (default: the server of plccoach.url); its credentials are the configured ones. */
    @Parameter(property = "plccoach.verifyUrl") private String verifyUrl;

    @Inject
    public VerifyMojo(Credentials credentials) {
        super(credentials);
    }

    @Override
    protected Object run() throws MojoExecutionException, MojoFailureException {
        Migrator migrator = builder().verifyUrl(verifyUrl).build();
        VerifyReport report = migrator.verify();
        // the core logs the summary; the build fails naming each downgrade that does not restore the schema
        report.revisions().forEach(check -> info(check.toString()));
        report.requireClean(migrator.config().advice());
        return report;
    }
}
