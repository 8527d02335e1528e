package com.plccoach.migrations.internal.lint;

import java.util.Arrays;
import java.util.Optional;

/**
 * The lock-hazard rules, each with a stable name (squawk's where squawk has the same rule, so teams
 * moving from it keep their vocabulary) and the safer form to suggest.
 */
public enum LintRule {

    REQUIRE_CONCURRENT_INDEX_CREATION("require-concurrent-index-creation", true,
            "CREATE INDEX without CONCURRENTLY takes a SHARE lock: every INSERT, UPDATE and DELETE on the table waits for the whole build",
            "CREATE INDEX CONCURRENTLY in a revision of its own with `-- transactional: false`"),
    DISALLOWED_UNIQUE_CONSTRAINT("disallowed-unique-constraint", true,
            "ADD UNIQUE/PRIMARY KEY builds its index under an ACCESS EXCLUSIVE lock: reads and writes wait for the whole build",
            "CREATE UNIQUE INDEX CONCURRENTLY (transactional: false), then ADD CONSTRAINT ... UNIQUE USING INDEX"),
    ADDING_FOREIGN_KEY_CONSTRAINT("adding-foreign-key-constraint", true,
            "ADD FOREIGN KEY without NOT VALID checks every row while writes to both tables wait",
            "ADD CONSTRAINT ... FOREIGN KEY ... NOT VALID, then ALTER TABLE ... VALIDATE CONSTRAINT in a later revision"),
    CONSTRAINT_MISSING_NOT_VALID("constraint-missing-not-valid", true,
            "ADD CHECK without NOT VALID scans every row under an ACCESS EXCLUSIVE lock",
            "ADD CONSTRAINT ... CHECK (...) NOT VALID, then ALTER TABLE ... VALIDATE CONSTRAINT in a later revision"),
    ADDING_NOT_NULLABLE_FIELD("adding-not-nullable-field", true,
            "SET NOT NULL scans every row under an ACCESS EXCLUSIVE lock unless a validated CHECK (col IS NOT NULL) proves it",
            "ADD CONSTRAINT c CHECK (col IS NOT NULL) NOT VALID; VALIDATE CONSTRAINT c (a later revision); then SET NOT NULL"
                    + " (no scan) and DROP CONSTRAINT c"),
    CHANGING_COLUMN_TYPE("changing-column-type", true,
            "this type change rewrites the table and its indexes under an ACCESS EXCLUSIVE lock",
            "add a column of the new type, backfill it in batches, switch the code, drop the old column (expand, migrate,"
                    + " contract); varchar(n) to text or to a larger varchar does not rewrite"),
    ADDING_FIELD_WITH_DEFAULT("adding-field-with-default", true,
            "a column with a volatile default (or a serial, identity or stored generated column) rewrites the table under an"
                    + " ACCESS EXCLUSIVE lock",
            "add the column without the default (or with a constant one), SET DEFAULT for new rows, backfill old rows in batches"),
    RENAMING_COLUMN("renaming-column", false,
            "renaming a column breaks the running version of the application, which still uses the old name",
            "expand, migrate, contract: add the new column, write both, backfill, switch reads, drop the old one later"),
    RENAMING_TABLE("renaming-table", false,
            "renaming a table breaks the running version of the application, which still uses the old name",
            "expand, migrate, contract: create the new table (or a view under the old name), move the code, drop the old name later"),
    BAN_DROP_COLUMN("ban-drop-column", false,
            "dropping a column breaks the running version of the application if it still reads or writes it",
            "first deploy code that no longer uses the column, then drop it in a later release (contract)"),
    BAN_DROP_TABLE("ban-drop-table", false,
            "dropping a table breaks the running version of the application if it still uses it, and loses its rows",
            "first deploy code that no longer uses the table, then drop it in a later release (contract)"),
    LOCK_HELD_DURING_LONG_WORK("lock-held-during-long-work", true,
            "this long work runs while the transaction still holds a lock taken earlier, so that table stays blocked until commit",
            "put the statement that takes the lock and the long work in separate revisions (transactionPerRevision, or a"
                    + " `transactional: false` revision for the long work)"),
    BAN_CONCURRENT_INDEX_CREATION_IN_TRANSACTION("ban-concurrent-index-creation-in-transaction", false,
            "CONCURRENTLY cannot run inside a transaction block, and this revision runs in one",
            "move it to a revision of its own with `-- transactional: false`"),
    BACKFILL_IN_TRANSACTION("backfill-in-transaction", true,
            "this statement changes every matching row of an existing table in one transaction: the rows stay locked, and"
                    + " the table's other locks stay held, until the whole revision commits",
            "a batched backfill: a revision with `-- transactional: false` and `-- batch_size: 10000` whose statement changes"
                    + " one bounded batch (WHERE id IN (SELECT id ... WHERE col IS NULL LIMIT ${batch_size})); it runs until it"
                    + " changes no row"),
    UNKNOWN_RULE("unknown-rule", false,
            "a `-- plccoach:allow` comment names a rule that does not exist, so it exempts nothing",
            "use one of the rule names of docs/big-tables.md");

    private final String ruleName;
    private final boolean sizeMatters;
    private final String why;
    private final String saferForm;

    LintRule(String ruleName, boolean sizeMatters, String why, String saferForm) {
        this.ruleName = ruleName;
        this.sizeMatters = sizeMatters;
        this.why = why;
        this.saferForm = saferForm;
    }

    /** The stable name, as findings and {@code -- plccoach:allow} use it. */
    public String ruleName() {
        return ruleName;
    }

    /**
     * Whether the hazard is the time a lock is held (then an empty table has none); renames and drops
     * hurt running code whatever the table holds.
     */
    public boolean sizeMatters() {
        return sizeMatters;
    }

    public String why() {
        return why;
    }

    public String saferForm() {
        return saferForm;
    }

    public static Optional<LintRule> named(String name) {
        return Arrays.stream(values()).filter(r -> r.ruleName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return ruleName;
    }
}
