package com.plccoach.migrations.internal.execution;

import com.plccoach.migrations.Advice;
import com.plccoach.migrations.Direction;
import com.plccoach.migrations.IrreversibleRevisionException;
import com.plccoach.migrations.RevisionFileException;
import com.plccoach.migrations.internal.graph.Plan;
import com.plccoach.migrations.internal.script.Revision;
import com.plccoach.migrations.internal.script.SqlSplitter;
import com.plccoach.migrations.internal.script.SqlStatement;
import com.plccoach.migrations.internal.script.StatementRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A plan with every revision split once and checked once: the value the run path hands from step
 * to step (back up, run, guard, record) and that {@code plan} analyses. {@link #of(Plan)} is the one
 * place that refuses an irreversible downgrade or a statement that could not run where it stands.
 */
public record PreparedPlan(Direction direction, String target, List<PreparedRevision> revisions) {

    public PreparedPlan {
        revisions = List.copyOf(revisions);
    }

    /** Splits and checks the plan; throws before anything runs when it could not run through, saying what to type. */
    public static PreparedPlan of(Plan plan, Advice advice) {
        List<Revision> irreversible = plan.direction() == Direction.DOWNGRADE
                ? plan.steps().stream().filter(r -> !r.reversible()).toList()
                : List.of();
        if (!irreversible.isEmpty()) {
            Revision first = irreversible.get(0);
            throw new IrreversibleRevisionException("Cannot downgrade to " + plan.target() + ": revision " + first.id() + " ("
                    + first.location() + ") has no -- //@UNDO part, so it cannot be reverted"
                    + (irreversible.size() > 1 ? " (nor can " + irreversible.subList(1, irreversible.size()) + ")" : "")
                    + ". Nothing was changed. Downgrade to " + first.id() + " or a later revision instead, or add a down part "
                    + "after a -- //@UNDO line to " + first.location() + " and rerun (if you reverted it by hand, record that "
                    + "with " + advice.run("stamp", "target", "<revision>", "purge", "false") + ").");
        }
        boolean up = plan.direction() == Direction.UPGRADE;
        List<PreparedRevision> revisions = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Revision revision : plan.steps()) {
            List<SqlStatement> statements = SqlSplitter.split(up ? revision.upSql() : revision.downSql(),
                    up ? revision.upLine() : revision.downLine(), revision.location());
            if (revision.transactional()) {
                statements.forEach(statement -> problem(revision, statement, advice).ifPresent(problems::add));
            }
            revisions.add(new PreparedRevision(revision, plan.direction(), statements));
        }
        if (!problems.isEmpty()) {
            throw new RevisionFileException("Nothing was run: " + String.join("\n", problems));
        }
        return new PreparedPlan(plan.direction(), plan.target(), revisions);
    }

    private static Optional<String> problem(Revision revision, SqlStatement statement, Advice advice) {
        Optional<String> refused = StatementRules.refusedInTransaction(statement);
        if (refused.isPresent()) {
            return Optional.of(revision.location() + ":" + statement.line() + ": " + refused.get() + " cannot run "
                    + "inside a transaction block, but revision " + revision.id() + " is transactional. Add the header line "
                    + "`-- transactional: false` to it (it then runs alone, statement by statement, outside a transaction), "
                    + "or move the statement to a revision of its own so marked.");
        }
        if (StatementRules.controlsTransaction(statement)) {
            String word = StatementRules.withoutLeadingComments(statement.sql()).split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
            return Optional.of(revision.location() + ":" + statement.line() + ": " + word + " would end the "
                    + "transaction the runner wraps revision " + revision.id() + " in. Remove it: each run is one "
                    + "transaction (or one per revision with " + advice.set("transactionPerRevision", "true") + ").");
        }
        return Optional.empty();
    }

    public boolean isEmpty() {
        return revisions.isEmpty();
    }

    public int size() {
        return revisions.size();
    }

    @Override
    public String toString() {
        return direction.name().toLowerCase() + " to " + target + ": " + revisions.stream().map(PreparedRevision::id).toList();
    }
}
