package com.plccoach.migrations.internal.execution;

import com.plccoach.migrations.Direction;
import com.plccoach.migrations.IrreversibleRevisionException;
import com.plccoach.migrations.RevisionFileException;
import com.plccoach.migrations.internal.graph.Plan;
import com.plccoach.migrations.internal.script.Revision;
import com.plccoach.migrations.internal.script.SqlSplitter;
import com.plccoach.migrations.internal.script.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Splits every revision of a plan and refuses, before anything runs, a plan that could not run through. */
public final class Preparation {

    private Preparation() {
    }

    static List<PreparedStep> prepare(Plan plan) {
        List<Revision> irreversible = plan.direction() == Direction.DOWNGRADE
                ? plan.steps().stream().filter(r -> !r.reversible()).toList()
                : List.of();
        if (!irreversible.isEmpty()) {
            Revision first = irreversible.get(0);
            throw new IrreversibleRevisionException("Cannot downgrade to " + plan.target() + ": revision " + first.id() + " ("
                    + first.location() + ") has no -- //@UNDO part, so it cannot be reverted"
                    + (irreversible.size() > 1 ? " (nor can " + irreversible.subList(1, irreversible.size()) + ")" : "")
                    + ". Nothing was changed. Downgrade to " + first.id() + " or a later revision instead, or add a down part "
                    + "after a -- //@UNDO line to " + first.location() + " and rerun.");
        }
        List<PreparedStep> steps = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Revision revision : plan.steps()) {
            boolean up = plan.direction() == Direction.UPGRADE;
            List<SqlStatement> statements = SqlSplitter.split(up ? revision.upSql() : revision.downSql(),
                    up ? revision.upLine() : revision.downLine(), revision.location());
            for (SqlStatement statement : statements) {
                if (!revision.transactional()) {
                    continue;
                }
                Optional<String> refused = TransactionRules.refusedInTransaction(statement);
                refused.ifPresent(what -> problems.add(revision.location() + ":" + statement.line() + ": " + what + " cannot run "
                        + "inside a transaction block, but revision " + revision.id() + " is transactional. Add the header line "
                        + "`-- transactional: false` to it (it then runs alone, statement by statement, outside a transaction), "
                        + "or move the statement to a revision of its own so marked."));
                if (refused.isEmpty() && TransactionRules.controlsTransaction(statement)) {
                    problems.add(revision.location() + ":" + statement.line() + ": " + firstWord(statement) + " would end the "
                            + "transaction the runner wraps revision " + revision.id() + " in. Remove it: each run is one "
                            + "transaction (or one per revision with plccoach.transactionPerRevision=true).");
                }
            }
            steps.add(new PreparedStep(revision, plan.direction(), statements));
        }
        if (!problems.isEmpty()) {
            throw new RevisionFileException("Nothing was run: " + String.join("\n", problems));
        }
        return steps;
    }

    private static String firstWord(SqlStatement statement) {
        return statement.sql().split("\\s+", 2)[0].toUpperCase(java.util.Locale.ROOT);
    }
}
