package com.plccoach.migrations.internal.autogen;

import com.plccoach.migrations.internal.catalog.FunctionDef;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Functions and procedures, made with the CREATE OR REPLACE text pg_get_functiondef gives. Aggregates
 * are left alone: the snapshot holds only their result type, nothing to replay.
 */
final class FunctionPlanner {

    private static final Pattern SQL_LANGUAGE = Pattern.compile("(?im)^\\s*LANGUAGE\\s+sql\\b");
    private static final Pattern RETURNS = Pattern.compile("(?m)^\\s*RETURNS\\s+(.*)$");

    private final PlanDraft plan;

    FunctionPlanner(PlanDraft plan) {
        this.plan = plan;
    }

    /** Bodies PostgreSQL does not check when they are made: before the tables, whose defaults and checks may call them. */
    void createNonSqlBodies() {
        createOrReplace(false);
    }

    /** SQL-language bodies are checked against the tables they read, so they come after the tables. */
    void createSqlBodies() {
        createOrReplace(true);
    }

    private void createOrReplace(boolean sqlLanguage) {
        for (Map.Entry<String, FunctionDef> e : plan.to().functions().entrySet()) {
            FunctionDef f = e.getValue();
            if (SQL_LANGUAGE.matcher(f.definition()).find() != sqlLanguage || "aggregate".equals(f.functionKind())) {
                continue;
            }
            FunctionDef old = plan.from().functions().get(e.getKey());
            if (old != null && old.definition().equals(f.definition())) {
                continue;
            }
            if (old != null && !returns(old).equals(returns(f))) {
                plan.add(Ddl.noted("DROP " + Sql.routine(old), "the result type changes, which CREATE OR REPLACE cannot do"));
            }
            plan.add(Ddl.of(f.definition().strip()));
        }
    }

    private static String returns(FunctionDef f) {
        var m = RETURNS.matcher(f.definition());
        return m.find() ? m.group(1).strip() : "";
    }

    void dropRemoved() {
        for (Map.Entry<String, FunctionDef> e : plan.from().functions().entrySet()) {
            if (!plan.to().functions().containsKey(e.getKey()) && !"aggregate".equals(e.getValue().functionKind())) {
                plan.add(Ddl.of("DROP " + Sql.routine(e.getValue())));
            }
        }
    }
}
