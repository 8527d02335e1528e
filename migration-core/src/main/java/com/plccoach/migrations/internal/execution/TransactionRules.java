package com.plccoach.migrations.internal.execution;

import com.plccoach.migrations.internal.script.SqlStatement;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Statements PostgreSQL refuses inside a transaction block, and those that would end ours. */
final class TransactionRules {

    private record Rule(Pattern pattern, String what) {
    }

    private static final List<Rule> REFUSED_IN_TRANSACTION = List.of(
            rule("CREATE\\s+(UNIQUE\\s+)?INDEX\\s+CONCURRENTLY\\b", "CREATE INDEX CONCURRENTLY"),
            rule("DROP\\s+INDEX\\s+CONCURRENTLY\\b", "DROP INDEX CONCURRENTLY"),
            rule("REINDEX\\b.*\\bCONCURRENTLY\\b", "REINDEX CONCURRENTLY"),
            rule("REINDEX\\s+(\\([^)]*\\)\\s*)?(DATABASE|SYSTEM)\\b", "REINDEX DATABASE/SYSTEM"),
            rule("VACUUM\\b", "VACUUM"),
            rule("ALTER\\s+SYSTEM\\b", "ALTER SYSTEM"),
            rule("(CREATE|DROP)\\s+DATABASE\\b", "CREATE/DROP DATABASE"),
            rule("ALTER\\s+DATABASE\\b.*\\bSET\\s+TABLESPACE\\b", "ALTER DATABASE ... SET TABLESPACE"),
            rule("(CREATE|DROP)\\s+TABLESPACE\\b", "CREATE/DROP TABLESPACE"),
            rule("(CREATE|DROP)\\s+SUBSCRIPTION\\b", "CREATE/DROP SUBSCRIPTION"),
            rule("CLUSTER\\s*$", "CLUSTER without a table"),
            rule("ALTER\\s+TABLE\\b.*\\bDETACH\\s+PARTITION\\b.*\\bCONCURRENTLY\\b", "ALTER TABLE ... DETACH PARTITION CONCURRENTLY"));

    private static final Pattern TRANSACTION_CONTROL =
            Pattern.compile("(?is)^(BEGIN|COMMIT|ROLLBACK|END|ABORT|START\\s+TRANSACTION|SAVEPOINT|RELEASE|PREPARE\\s+TRANSACTION)\\b.*");

    private TransactionRules() {
    }

    private static Rule rule(String regex, String what) {
        return new Rule(Pattern.compile("(?is)^" + regex + ".*"), what);
    }

    /** The kind of statement PostgreSQL would refuse in a transaction block, if this is one. */
    static Optional<String> refusedInTransaction(SqlStatement statement) {
        String sql = statement.sql();
        for (Rule rule : REFUSED_IN_TRANSACTION) {
            if (rule.pattern().matcher(sql).matches()) {
                return Optional.of(rule.what());
            }
        }
        return Optional.empty();
    }

    /** Whether the statement would begin, end or split the runner's transaction. */
    static boolean controlsTransaction(SqlStatement statement) {
        return TRANSACTION_CONTROL.matcher(statement.sql()).matches();
    }
}
