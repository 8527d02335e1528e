package com.plccoach.migrations;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The one entry point: everything the tool does, for a service that migrates at start-up and for
 * the Maven goals alike. Methods take and return plain values and never print; progress is logged
 * through SLF4J. Instances are immutable and may be shared.
 *
 * <pre>
 * Migrator migrator = Migrator.builder()
 *         .url("jdbc:postgresql://localhost:5432/plccoach")
 *         .user("plccoach").password(secret)
 *         .scripts(ScriptSource.classpath("db/revisions"))
 *         .build();
 * migrator.upgrade("head");
 * </pre>
 */
public final class Migrator {

    private final MigratorConfig config;

    private Migrator(MigratorConfig config) {
        this.config = config;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Migrator of(MigratorConfig config) {
        return new Migrator(config);
    }

    public MigratorConfig config() {
        return config;
    }

    /** Applies every revision the target needs that is not applied yet, parents first. */
    public MigrationResult upgrade(String target) {
        throw notYet("upgrade", 4);
    }

    /** Analyses, guards, backs up, then reverts every applied revision the target does not need, children first. */
    public MigrationResult downgrade(String target) {
        throw notYet("downgrade", 4);
    }

    /** Sets the state to the target without running any revision; with purge, first forgets the whole state. */
    public MigrationResult stamp(String target, boolean purge) {
        throw notYet("stamp", 4);
    }

    /** The applied heads and revisions. */
    public CurrentState current() {
        throw notYet("current", 4);
    }

    /** Heads of the graph, with no database. */
    public List<RevisionInfo> heads() {
        throw notYet("heads", 3);
    }

    /** Branch points of the graph: revisions with more than one child. */
    public List<RevisionInfo> branches() {
        throw notYet("branches", 3);
    }

    /** One revision, by any target that names exactly one. */
    public RevisionInfo show(String revision) {
        throw notYet("show", 3);
    }

    // Stubs the Maven goals (issue #6) call; their owners replace the bodies and may refine the types.

    /** Every revision, newest first, optionally limited to a range {@code a:b}; with no database. */
    public List<RevisionInfo> history(String range) {
        throw notYet("history", 3);
    }

    /** Writes a new revision file into the scripts directory; parent null for the current head. */
    public RevisionInfo newRevision(String message, String parent, String branchLabel) {
        throw notYet("newRevision", 3);
    }

    /** Writes a merge revision of the given revisions (all heads when empty). */
    public RevisionInfo merge(List<String> revisions, String message) {
        throw notYet("merge", 3);
    }

    /** Fails on graph errors, drift, missing files, several heads (unless allowed); returns the pending revisions. */
    public List<String> check(boolean multipleHeads) {
        throw notYet("check", 4);
    }

    /** The SQL an upgrade (or downgrade) to the target would run, state-table statements included. */
    public String sql(Direction direction, String target) {
        throw notYet("sql", 4);
    }

    /** The analysis report of the plan to the target, upgrade or downgrade. */
    public Object plan(String target) {
        throw notYet("plan", 5);
    }

    /** Brings back an archive taken before a downgrade, and records it. */
    public Object restore(Path archive) {
        throw notYet("restore", 5);
    }

    /** Every revision up, down and up again on a scratch database, comparing schemas. */
    public Object verify() {
        throw notYet("verify", 7);
    }

    @Override
    public String toString() {
        return "Migrator[" + config + "]";
    }

    private static UnsupportedOperationException notYet(String what, int issue) {
        return new UnsupportedOperationException(what + " is not implemented yet (issue #" + issue + ")");
    }

    /** Collects the settings of a {@link MigratorConfig}; {@link #build()} fixes them. */
    public static final class Builder {
        private String url;
        private String user;
        private String password;
        private String passwordCommand;
        private DataSource dataSource;
        private ScriptSource scripts;
        private String schema;
        private final Map<String, String> placeholders = new LinkedHashMap<>();
        private boolean transactionPerRevision;
        private Duration lockTimeout;
        private Duration lockWait;
        private boolean allowDataLoss;
        private BackupMode backupMode;
        private Path backupDir;
        private String pgDump;
        private String pgRestore;
        private String verifyUrl;
        private String applicationName;

        private Builder() {
        }

        public Builder url(String url) { this.url = url; return this; }
        public Builder user(String user) { this.user = user; return this; }
        public Builder password(String password) { this.password = password; return this; }
        public Builder passwordCommand(String command) { this.passwordCommand = command; return this; }
        public Builder dataSource(DataSource dataSource) { this.dataSource = dataSource; return this; }
        public Builder scripts(ScriptSource scripts) { this.scripts = scripts; return this; }
        public Builder schema(String schema) { this.schema = schema; return this; }
        public Builder placeholder(String name, String value) { placeholders.put(name, value); return this; }
        public Builder placeholders(Map<String, String> values) { placeholders.putAll(values); return this; }
        public Builder transactionPerRevision(boolean perRevision) { this.transactionPerRevision = perRevision; return this; }
        public Builder lockTimeout(Duration timeout) { this.lockTimeout = timeout; return this; }
        public Builder lockWait(Duration wait) { this.lockWait = wait; return this; }
        public Builder allowDataLoss(boolean allow) { this.allowDataLoss = allow; return this; }
        public Builder backupMode(BackupMode mode) { this.backupMode = mode; return this; }
        public Builder backupDir(Path dir) { this.backupDir = dir; return this; }
        public Builder pgDump(String binary) { this.pgDump = binary; return this; }
        public Builder pgRestore(String binary) { this.pgRestore = binary; return this; }
        public Builder verifyUrl(String url) { this.verifyUrl = url; return this; }
        public Builder applicationName(String name) { this.applicationName = name; return this; }

        public MigratorConfig config() {
            return new MigratorConfig(url, user, password, passwordCommand, dataSource, scripts, schema, placeholders,
                    transactionPerRevision, lockTimeout, lockWait, allowDataLoss, backupMode, backupDir, pgDump, pgRestore,
                    verifyUrl, applicationName);
        }

        public Migrator build() {
            return new Migrator(config());
        }
    }
}
