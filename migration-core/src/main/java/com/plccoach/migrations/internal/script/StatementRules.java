package com.plccoach.migrations.internal.script;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one list of what a statement is, read from its text: whether PostgreSQL refuses it inside a
 * transaction block, whether it would end the runner's transaction, and whether it can destroy data.
 * The runner, the guard, the analysis and the offline script all ask here, so they never disagree.
 */
public final class StatementRules {

    /** @param keepsRows whether it is known to remove no row and no value, so the guard, which cannot watch it, may let it run */
    private record Rule(Pattern pattern, String what, boolean keepsRows) {
    }

    private static final List<Rule> REFUSED_IN_TRANSACTION = List.of(
            rule("create\\s+(unique\\s+)?index\\s+concurrently\\b", "CREATE INDEX CONCURRENTLY"),
            rule("drop\\s+index\\s+concurrently\\b", "DROP INDEX CONCURRENTLY"),
            rule("reindex\\b.*\\bconcurrently\\b", "REINDEX CONCURRENTLY"),
            rule("reindex\\s+(\\([^)]*\\)\\s*)?(database|system)\\b", "REINDEX DATABASE/SYSTEM"),
            rule("vacuum\\b", "VACUUM"),
            rule("alter\\s+system\\b", "ALTER SYSTEM"),
            rule("create\\s+database\\b", "CREATE/DROP DATABASE"),
            losingRows("drop\\s+database\\b", "CREATE/DROP DATABASE"),
            rule("alter\\s+database\\b.*\\bset\\s+tablespace\\b", "ALTER DATABASE ... SET TABLESPACE"),
            rule("(create|drop)\\s+tablespace\\b", "CREATE/DROP TABLESPACE"),
            rule("(create|drop)\\s+subscription\\b", "CREATE/DROP SUBSCRIPTION"),
            rule("cluster\\s*;?\\s*$", "CLUSTER without a table"),
            rule("discard\\s+all\\b", "DISCARD ALL"),
            rule("alter\\s+table\\b.*\\bdetach\\s+partition\\b.*\\bconcurrently\\b", "ALTER TABLE ... DETACH PARTITION CONCURRENTLY"));

    private static final Pattern TRANSACTION_CONTROL =
            Pattern.compile("(?is)^(begin|commit|rollback|end|abort|start\\s+transaction|savepoint|release|prepare\\s+transaction)\\b.*");

    /**
     * Statements that can only add: they run as they are, unwatched. An ALTER TABLE is one only when
     * none of its actions drops, changes a type (USING may compute anything) or detaches; a CREATE
     * only when it does not replace a rule or trigger (their bodies run later, on other statements).
     * Everything else (DROP, TRUNCATE, DELETE, DO, SELECT of a function, CALL, ...) is watched.
     */
    private static final Pattern CANNOT_DESTROY = Pattern.compile("(?is)^("
            + "create\\s+(?!(or\\s+replace\\s+)?(rule|trigger|constraint\\s+trigger)\\b)"
            + "|insert\\s+into\\b(?!.*\\bselect\\b.*\\(.*)"
            + "|comment\\s+on\\b|grant\\b|revoke\\b|set\\s|reset\\b|analyze\\b|copy\\s+\\S+(\\s*\\([^)]*\\))?\\s+from\\s+stdin\\b"
            + "|alter\\s+(table|index|sequence|view|type|domain|function|schema)\\b(?!.*\\b(drop|type|detach|using)\\b)"
            + ").*");

    /**
     * {@code DELETE FROM [ONLY] table [[AS] alias] [RETURNING ...]}: no WHERE, no USING, so it deletes every row, as a
     * TRUNCATE does. Group 2 is the table as written (quoted or not, maybe schema-qualified).
     */
    private static final Pattern UNFILTERED_DELETE = Pattern.compile("(?is)^delete\\s+from\\s+(only\\s+)?("
            + "(?:\"(?:[^\"]|\"\")+\"|[a-z_][a-z0-9_$]*)(?:\\s*\\.\\s*(?:\"(?:[^\"]|\"\")+\"|[a-z_][a-z0-9_$]*))?)\\s*\\*?"
            + "(?:\\s+(?:as\\s+)?(?!returning\\b|where\\b|using\\b)(?:\"(?:[^\"]|\"\")+\"|[a-z_][a-z0-9_$]*))?"
            // USING without WHERE joins every row to every row of the other tables: all go as soon as one of them has a row
            + "(?:\\s+using\\b(?:(?!\\bwhere\\b|\\breturning\\b).)+)?"
            + "\\s*(?:returning\\b.*)?;?\\s*$");

    private StatementRules() {
    }

    /**
     * The table a {@code DELETE} without WHERE or USING empties, as written; empty for any other statement. The guard
     * counts its rows as lost, as those of a TRUNCATE: a DELETE with a filter is a change of data, this one is not.
     */
    public static Optional<String> unfilteredDeleteTarget(SqlStatement statement) {
        Matcher m = UNFILTERED_DELETE.matcher(withoutLeadingComments(statement.sql()));
        return m.matches() ? Optional.of(m.group(2)) : Optional.empty();
    }

    private static Rule rule(String regex, String what) {
        return new Rule(Pattern.compile("(?is)^" + regex + ".*"), what, true);
    }

    private static Rule losingRows(String regex, String what) {
        return new Rule(Pattern.compile("(?is)^" + regex + ".*"), what, false);
    }

    /** The kind of statement PostgreSQL refuses in a transaction block, if this is one. */
    public static Optional<String> refusedInTransaction(SqlStatement statement) {
        String sql = withoutLeadingComments(statement.sql());
        return REFUSED_IN_TRANSACTION.stream().filter(r -> r.pattern().matcher(sql).matches()).map(Rule::what).findFirst();
    }

    /**
     * Whether a statement PostgreSQL refuses in a transaction block is known to remove no row and no value: an index
     * dropped or rebuilt, VACUUM, a detached partition (its rows stay, in a table of their own), ... The guard cannot
     * watch such a statement, so only these run unchecked; DROP DATABASE is not one. False for any other statement.
     */
    public static boolean keepsRowsOutsideTransaction(SqlStatement statement) {
        String sql = withoutLeadingComments(statement.sql());
        return REFUSED_IN_TRANSACTION.stream().filter(r -> r.pattern().matcher(sql).matches()).findFirst().map(Rule::keepsRows).orElse(false);
    }

    /** Whether the statement would begin, end or split the runner's transaction. */
    public static boolean controlsTransaction(SqlStatement statement) {
        return TRANSACTION_CONTROL.matcher(withoutLeadingComments(statement.sql())).matches();
    }

    /** False only for statements that can add but never remove: they need no watching. */
    public static boolean canDestroyData(SqlStatement statement) {
        String sql = withoutLeadingComments(statement.sql());
        return !CANNOT_DESTROY.matcher(sql).matches() || sql.toLowerCase(Locale.ROOT).contains("returning");
    }

    /** Whether the statement is a TRUNCATE (its rewrite empties the table, it does not copy it). */
    public static boolean truncates(SqlStatement statement) {
        return withoutLeadingComments(statement.sql()).toLowerCase(Locale.ROOT).startsWith("truncate");
    }

    /** Why the rolled-back analysis does not run the statement; empty when it can. */
    public static Optional<String> whyNotAnalysable(SqlStatement statement) {
        if (controlsTransaction(statement)) {
            return Optional.of("transaction control is not run by the analysis: it would end the transaction that is rolled back");
        }
        return refusedInTransaction(statement)
                .map(what -> what + " cannot run inside a transaction block, so it is not analysed; check it by hand");
    }

    public static String withoutLeadingComments(String sql) {
        String s = sql.strip();
        while (true) {
            if (s.startsWith("--")) {
                int end = s.indexOf('\n');
                s = end < 0 ? "" : s.substring(end + 1).strip();
            } else if (s.startsWith("/*")) {
                int end = s.indexOf("*/");
                s = end < 0 ? "" : s.substring(end + 2).strip();
            } else {
                return s;
            }
        }
    }
}
