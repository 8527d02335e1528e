package com.plccoach.migrations.internal.safety;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which statements must not be run by the analysis: those PostgreSQL refuses inside a transaction
 * block, and transaction control, which would end the transaction that is meant to be rolled back.
 */
public final class TransactionRules {

    private record Rule(Pattern pattern, String reason) {
    }

    private static final String NOT_IN_TX = " cannot run inside a transaction block, so it is not analysed; check it by hand";

    private static final List<Rule> RULES = List.of(
            rule("(begin|start\\s+transaction|commit|end|rollback|abort|savepoint|release|prepare\\s+transaction)\\b.*",
                    "transaction control is not run by the analysis: it would end the transaction that is rolled back"),
            rule("create\\s+(unique\\s+)?index\\s+concurrently\\b.*", "CREATE INDEX CONCURRENTLY" + NOT_IN_TX),
            rule("drop\\s+index\\s+concurrently\\b.*", "DROP INDEX CONCURRENTLY" + NOT_IN_TX),
            rule("reindex\\b.*\\bconcurrently\\b.*", "REINDEX CONCURRENTLY" + NOT_IN_TX),
            rule("reindex\\s+(\\(.*\\)\\s*)?(database|system)\\b.*", "REINDEX DATABASE/SYSTEM" + NOT_IN_TX),
            rule("alter\\s+table\\b.*\\bdetach\\s+partition\\b.*\\bconcurrently\\b.*", "DETACH PARTITION CONCURRENTLY" + NOT_IN_TX),
            rule("vacuum\\b.*", "VACUUM" + NOT_IN_TX),
            rule("(create|drop)\\s+database\\b.*", "CREATE/DROP DATABASE" + NOT_IN_TX),
            rule("(create|drop)\\s+tablespace\\b.*", "CREATE/DROP TABLESPACE" + NOT_IN_TX),
            rule("alter\\s+database\\b.*\\bset\\s+tablespace\\b.*", "ALTER DATABASE SET TABLESPACE" + NOT_IN_TX),
            rule("alter\\s+system\\b.*", "ALTER SYSTEM" + NOT_IN_TX),
            rule("(create|drop)\\s+subscription\\b.*", "CREATE/DROP SUBSCRIPTION" + NOT_IN_TX),
            rule("cluster\\s*;?\\s*", "CLUSTER without a table" + NOT_IN_TX),
            rule("discard\\s+all\\b.*", "DISCARD ALL" + NOT_IN_TX));

    private TransactionRules() {
    }

    private static Rule rule(String regex, String reason) {
        return new Rule(Pattern.compile(regex, Pattern.DOTALL), reason);
    }

    /** Why the statement is not run by the analysis; empty when it can be. */
    public static Optional<String> whyNotAnalysable(String sql) {
        String text = withoutLeadingComments(sql).toLowerCase(Locale.ROOT);
        return RULES.stream().filter(r -> r.pattern().matcher(text).matches()).map(Rule::reason).findFirst();
    }

    static String withoutLeadingComments(String sql) {
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
