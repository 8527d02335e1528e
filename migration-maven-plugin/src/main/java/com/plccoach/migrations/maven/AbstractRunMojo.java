package com.plccoach.migrations.maven;

import com.plccoach.migrations.BackupMode;
import com.plccoach.migrations.Direction;
import com.plccoach.migrations.Migrator;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** Settings of the goals that run revisions (upgrade, downgrade) or analyse them (plan). */
abstract class AbstractRunMojo extends AbstractDatabaseMojo {

    /** Commit after each revision instead of running the whole plan in one transaction. */
    @Parameter(property = "plccoach.transactionPerRevision", defaultValue = "false")
    protected boolean transactionPerRevision;

    /** How many times a transaction that plccoach.lockTimeout struck runs again, after growing pauses (0.5 s, 1 s, 2 s...); each retry logs who holds the lock. */
    @Parameter(property = "plccoach.lockRetries", defaultValue = "3")
    protected int lockRetries;

    /** The pause between two batches of a batched backfill (a revision with -- batch_size: N), e.g. 100ms, to let replicas and other writers keep up. */
    @Parameter(property = "plccoach.batchPause", defaultValue = "0s")
    protected String batchPause;

    /** Let a plan drop tables that hold rows or columns that hold values. */
    @Parameter(property = "plccoach.allowDataLoss", defaultValue = "false")
    protected boolean allowDataLoss;

    /** What to back up before a downgrade: full (the whole database), affected (only what the plan destroys) or none. */
    @Parameter(property = "plccoach.backup", defaultValue = "full")
    protected String backup;

    /** Directory of backup archives (default ~/.plccoach/backups). */
    @Parameter(property = "plccoach.backupDir")
    protected File backupDir;

    /** The pg_dump binary (found on PATH by default). */
    @Parameter(property = "plccoach.pgDump", defaultValue = "pg_dump")
    protected String pgDump;

    /** The pg_restore binary, used to check every archive (found on PATH by default). */
    @Parameter(property = "plccoach.pgRestore", defaultValue = "pg_restore")
    protected String pgRestore;

    /** Print the SQL that would run, state-table statements included, instead of running it; a target from:to needs no database. */
    @Parameter(property = "plccoach.sql", defaultValue = "false")
    protected boolean sql;

    /** With plccoach.sql, write the SQL to this file instead of the build output. */
    @Parameter(property = "plccoach.sqlFile")
    protected File sqlFile;

    @Override
    protected Migrator.Builder builder() throws MojoExecutionException, MojoFailureException {
        BackupMode mode;
        try {
            mode = BackupMode.parse(backup);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("plccoach.backup: " + e.getMessage());
        }
        return super.builder()
                .transactionPerRevision(transactionPerRevision)
                .lockRetries(lockRetries)
                .batchPause(Durations.parse("plccoach.batchPause", batchPause))
                .allowDataLoss(allowDataLoss)
                .backupMode(mode)
                .backupDir(backupDir == null ? null : backupDir.toPath())
                .pgDump(pgDump)
                .pgRestore(pgRestore);
    }

    /** In offline mode prints (or writes) the SQL and returns true; otherwise does nothing. */
    protected boolean printSql(Migrator migrator, Direction direction, String target) throws MojoExecutionException {
        if (!sql) {
            return false;
        }
        String text = direction == Direction.UPGRADE ? migrator.upgradeSql(target) : migrator.downgradeSql(target);
        if (sqlFile == null) {
            text.lines().forEach(this::info);
            return true;
        }
        try {
            if (sqlFile.getParentFile() != null) {
                Files.createDirectories(sqlFile.getParentFile().toPath());
            }
            Files.writeString(sqlFile.toPath(), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write plccoach.sqlFile " + sqlFile + ": " + e.getMessage(), e);
        }
        info("Wrote the " + direction.name().toLowerCase() + " SQL to " + sqlFile);
        return true;
    }
}
