package com.plccoach.migrations.maven;

import com.plccoach.migrations.BackupMode;
import com.plccoach.migrations.Fleet;
import com.plccoach.migrations.Migrator;
import java.io.File;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Reverts every applied revision the target does not need, children first: analyses, refuses to lose data, backs up with pg_dump, reverts. */
@Mojo(name = "downgrade", requiresProject = false, threadSafe = true)
public class DowngradeMojo extends AbstractFleetMojo {

    /** Where to go, required (no default): base, a revision id or unique prefix, -N, id-N, label@head. */
    @Parameter(property = "plccoach.target", required = true) private String target;
    /** Commit after each revision instead of running the whole plan in one transaction. */
    @Parameter(property = "plccoach.transactionPerRevision", defaultValue = "false") private boolean transactionPerRevision;
    /** Let the plan drop tables that hold rows or columns that hold values. */
    @Parameter(property = "plccoach.allowDataLoss", defaultValue = "false") private boolean allowDataLoss;
    /** What to back up first: full (the whole database), affected (only what the plan destroys) or none; any case. */
    @Parameter(property = "plccoach.backup", defaultValue = "full") private BackupMode backup;
    /** Directory of backup archives (default ~/.plccoach/backups). */
    @Parameter(property = "plccoach.backupDir") private File backupDir;
    /** The pg_dump binary (found on PATH by default). */
    @Parameter(property = "plccoach.pgDump", defaultValue = "pg_dump") private String pgDump;
    /** The pg_restore binary, which checks every archive (found on PATH by default). */
    @Parameter(property = "plccoach.pgRestore", defaultValue = "pg_restore") private String pgRestore;
    /** PostgreSQL lock_timeout for every revision, as 10s, 500ms, 2m or ISO-8601 (PT10S). */
    @Parameter(property = "plccoach.lockTimeout", defaultValue = "10s") private String lockTimeout;
    /** How many times a transaction that plccoach.lockTimeout struck runs again, after growing pauses (0.5 s, 1 s, 2 s...); each retry logs who holds the lock. */
    @Parameter(property = "plccoach.lockRetries", defaultValue = "3") private int lockRetries;
    /** How long to wait for another runner's migration lock, as 5m, 30s or ISO-8601. */
    @Parameter(property = "plccoach.lockWait", defaultValue = "5m") private String lockWait;
    /** Print the SQL that would run instead of running it (no backup is taken); a target from:to needs no database. */
    @Parameter(property = "plccoach.sql", defaultValue = "false") private boolean sql;
    /** With plccoach.sql, write the SQL to this file instead of the build output. */
    @Parameter(property = "plccoach.sqlFile") private File sqlFile;

    @Inject
    public DowngradeMojo(Credentials credentials) {
        super(credentials);
    }

    /** Maven converts enums by exact name; the documented values are lower case, so the setter reads any case. */
    public void setBackup(String mode) { this.backup = BackupMode.parse(mode); }

    @Override
    protected Object run() throws MojoExecutionException, MojoFailureException {
        Migrator migrator = builder().transactionPerRevision(transactionPerRevision).allowDataLoss(allowDataLoss).backupMode(backup)
                .backupDir(backupDir == null ? null : backupDir.toPath()).pgDump(pgDump).pgRestore(pgRestore)
                .lockTimeout(duration("plccoach.lockTimeout", lockTimeout)).lockWait(duration("plccoach.lockWait", lockWait)).lockRetries(lockRetries).build();
        Fleet fleet = fleet(migrator); // the core logs a line per revision (per database in a fleet) and the summary with the backup(s) taken
        return fleet != null ? fleet.downgrade(target).requireSuccess()
                : sql ? SqlOutput.write(migrator.downgradeSql(target), sqlFile, getLog(), "downgrade") : migrator.downgrade(target);
    }
}
