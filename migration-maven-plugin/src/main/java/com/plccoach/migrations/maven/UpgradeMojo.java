package com.plccoach.migrations.maven;

import com.plccoach.migrations.Fleet;
import com.plccoach.migrations.Migrator;
import java.io.File;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Applies every revision the target needs that is not applied yet, parents first, in one transaction by default. */
@Mojo(name = "upgrade", requiresProject = false, threadSafe = true)
public class UpgradeMojo extends AbstractFleetMojo {

    /** Where to go: head, heads, a revision id or unique prefix, label@head, +N, head-N, id+N. */
    @Parameter(property = "plccoach.target", defaultValue = "head") private String target;
    /** Commit after each revision instead of running the whole plan in one transaction. */
    @Parameter(property = "plccoach.transactionPerRevision", defaultValue = "false") private boolean transactionPerRevision;
    /** Let a revision drop tables that hold rows or columns that hold values. */
    @Parameter(property = "plccoach.allowDataLoss", defaultValue = "false") private boolean allowDataLoss;
    /** PostgreSQL lock_timeout for every revision, as 10s, 500ms, 2m or ISO-8601 (PT10S). */
    @Parameter(property = "plccoach.lockTimeout", defaultValue = "10s") private String lockTimeout;
    /** How many times a transaction that plccoach.lockTimeout struck runs again, after growing pauses (0.5 s, 1 s, 2 s...); each retry logs who holds the lock. */
    @Parameter(property = "plccoach.lockRetries", defaultValue = "3") private int lockRetries;
    /** The pause between two batches of a batched backfill (a revision with -- batch_size: N), e.g. 100ms, to let replicas and other writers keep up. */
    @Parameter(property = "plccoach.batchPause", defaultValue = "0s") private String batchPause;
    /** How long to wait for another runner's migration lock, as 5m, 30s or ISO-8601. */
    @Parameter(property = "plccoach.lockWait", defaultValue = "5m") private String lockWait;
    /** Print the SQL that would run, state-table statements included, instead of running it; a target from:to needs no database. */
    @Parameter(property = "plccoach.sql", defaultValue = "false") private boolean sql;
    /** With plccoach.sql, write the SQL to this file instead of the build output. */
    @Parameter(property = "plccoach.sqlFile") private File sqlFile;

    @Inject
    public UpgradeMojo(Credentials credentials) {
        super(credentials);
    }

    @Override
    protected Object run() throws MojoExecutionException, MojoFailureException {
        Migrator migrator = builder().transactionPerRevision(transactionPerRevision).allowDataLoss(allowDataLoss)
                .lockTimeout(duration("plccoach.lockTimeout", lockTimeout)).lockWait(duration("plccoach.lockWait", lockWait))
                .lockRetries(lockRetries).batchPause(duration("plccoach.batchPause", batchPause)).build();
        // the core logs a line per revision with its duration, and the summary
        Fleet fleet = fleet(migrator);
        if (fleet != null) {
            return fleet.upgrade(target).requireSuccess();
        }
        return sql ? SqlOutput.write(migrator.upgradeSql(target), sqlFile, getLog(), "upgrade") : migrator.upgrade(target);
    }
}
