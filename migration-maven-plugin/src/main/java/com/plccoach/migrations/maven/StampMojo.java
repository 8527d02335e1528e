package com.plccoach.migrations.maven;

import com.plccoach.migrations.Fleet;
import com.plccoach.migrations.Migrator;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Sets the database's state to the target without running any revision, and records it in the history. */
@Mojo(name = "stamp", requiresProject = false, threadSafe = true)
public class StampMojo extends AbstractFleetMojo {

    /** The state to record, required: head, base, a revision id or any target. */
    @Parameter(property = "plccoach.target", required = true) private String target;
    /** Forget the whole recorded state first (for a state table that no longer matches the graph). */
    @Parameter(property = "plccoach.purge", defaultValue = "false") private boolean purge;
    /** How long to wait for another runner's migration lock, as 5m, 30s or ISO-8601. */
    @Parameter(property = "plccoach.lockWait", defaultValue = "5m") private String lockWait;

    @Inject
    public StampMojo(Credentials credentials) {
        super(credentials);
    }

    @Override
    protected Object run() throws MojoExecutionException, MojoFailureException {
        // the core logs the summary (heads before and after)
        Migrator migrator = builder().lockWait(duration("plccoach.lockWait", lockWait)).build();
        Fleet fleet = fleet(migrator);
        return fleet != null ? fleet.stamp(target, purge).requireSuccess() : migrator.stamp(target, purge);
    }
}
