package com.plccoach.migrations.internal.safety;

import com.plccoach.migrations.Advice;
import com.plccoach.migrations.DataLossException;
import com.plccoach.migrations.PlanReport;
import com.plccoach.migrations.PlanReport.DataLoss;
import com.plccoach.migrations.internal.script.SqlStatement;
import com.plccoach.migrations.internal.script.StatementRules;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses a plan that would drop or empty a table with rows or drop a column with values, unless
 * the user said data loss is acceptable. Empty objects pass: dropping them loses nothing.
 */
public final class DataLossGuard {

    private static final int SHOWN = 10;
    private static final int REFUSAL_SHOWN = 3;

    static final String NOTHING_CHANGED = "Nothing was changed";
    private static final Logger LOG = LoggerFactory.getLogger(DataLossGuard.class);

    private final boolean allowDataLoss;
    private final Advice advice;

    /** @param advice how the refusal words the switch that accepts the loss */
    public DataLossGuard(boolean allowDataLoss, Advice advice) {
        this.allowDataLoss = allowDataLoss;
        this.advice = advice;
    }

    public boolean allowsLoss() {
        return allowDataLoss;
    }

    /** Why the report's plan would be refused; null when it may run. */
    public String refusal(PlanReport report) {
        return refusal(report, NOTHING_CHANGED);
    }

    /**
     * As {@link #refusal(PlanReport)}, {@code changed} saying what the refusal leaves: "Nothing was changed", or what a
     * {@code transactional: false} revision had committed before the refused statement.
     */
    String refusal(PlanReport report, String changed) {
        List<DataLoss> losses = report.dataLoss();
        if (losses.isEmpty() || allowDataLoss) {
            return null;
        }
        return "the " + report.direction().name().toLowerCase() + " to " + report.target() + " would destroy data: "
                + losses.stream().limit(REFUSAL_SHOWN).map(DataLoss::toString).collect(Collectors.joining("; "))
                // a message as long as the plan is unreadable; the plan report and its JSON list every loss
                + (losses.size() > REFUSAL_SHOWN ? "; and " + (losses.size() - REFUSAL_SHOWN) + " more (the plan report lists them all)" : "")
                + ". " + changed + ". Save what you need, then run again with " + advice.set("allowDataLoss", "true") + " to accept the loss";
    }

    /**
     * Why a statement the guard cannot watch (it cannot run inside a transaction, so what it destroys can neither be read
     * before it commits nor rolled back) is refused; null when data loss is allowed, and then it runs unchecked.
     *
     * @param where   "revision 003 (003.sql line 7)"
     * @param changed what the refusal leaves, as for {@link #refusal(PlanReport, String)}
     */
    String uncheckable(String where, SqlStatement statement, String changed) {
        if (allowDataLoss) {
            return null;
        }
        String why = StatementRules.refusedInTransaction(statement).map(what -> "is a " + what + ", which cannot run inside a "
                + "transaction block").orElse("commits or rolls back inside itself, which it cannot do inside a transaction block");
        return where + " can destroy data and " + why + ", so the guard cannot read what it destroys before it commits. " + changed
                + ". Move what it destroys into statements that can run in a transaction (the guard then counts it), or, having "
                + "saved what you need, run again with " + advice.set("allowDataLoss", "true") + " to run it unchecked";
    }

    /**
     * The report with the verdict the run would give: its refusal for data loss, or, when the analysis could not
     * lock what a statement touches, that it cannot tell, or the refusal of a statement that can destroy data and cannot
     * run in a transaction (what the guard cannot see is never counted as safe).
     */
    public PlanReport judge(PlanReport report) {
        String refusal = refusal(report);
        if (refusal == null) {
            refusal = report.revisions().stream().flatMap(r -> r.statements().stream()
                            .filter(s -> s.outcome() == PlanReport.Outcome.BLOCKED)
                            .map(s -> "revision " + r.revision() + " line " + s.line() + " could not be analysed: " + s.detail()))
                    .findFirst().map(blocked -> blocked + "; the run would wait up to the lock timeout (" + advice.setting("lockTimeout")
                            + ") and then fail, or go on when the lock is released; run " + advice.run("plan") + " again then").orElse(null);
        }
        if (refusal == null) {
            refusal = report.revisions().stream().flatMap(r -> r.statements().stream()
                            .filter(s -> s.outcome() == PlanReport.Outcome.NOT_ANALYSED)
                            .map(s -> new SqlStatement(s.sql(), s.line()))
                            .filter(s -> StatementRules.canDestroyData(s) && !StatementRules.controlsTransaction(s)
                                    && !StatementRules.keepsRowsOutsideTransaction(s))
                            .map(s -> uncheckable("revision " + r.revision() + " (" + r.location() + " line " + s.line() + ")", s,
                                    "The run would refuse it before it runs")))
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        }
        return report.withRefusal(refusal);
    }

    /** Throws {@link DataLossException} when the plan would destroy data and that is not allowed. */
    public void check(PlanReport report) {
        check(report, NOTHING_CHANGED);
    }

    /** As {@link #check(PlanReport)}, the refusal saying {@code changed} (see {@link #refusal(PlanReport, String)}). */
    void check(PlanReport report, String changed) {
        refuse(report, changed);
        if (allowDataLoss && !report.dataLoss().isEmpty()) {
            List<DataLoss> losses = report.dataLoss();
            LOG.warn("plccoach.allowDataLoss is set: the {} to {} destroys {}", report.direction().name().toLowerCase(),
                    report.target(), losses.size() + " object(s) holding data:");
            // one line per loss, so that no line grows with the plan; the plan lists them all
            losses.stream().limit(SHOWN).forEach(loss -> LOG.warn("  destroys {}", loss));
            if (losses.size() > SHOWN) {
                LOG.warn("  and {} more: {} lists them all", losses.size() - SHOWN, advice.run("plan"));
            }
        }
    }

    /**
     * As {@link #check(PlanReport)} without the warnings of an allowed loss: for the real run of a downgrade,
     * whose forecast has already said, once, what the allowed loss destroys.
     */
    public void refuse(PlanReport report) {
        refuse(report, NOTHING_CHANGED);
    }

    void refuse(PlanReport report, String changed) {
        String refusal = refusal(report, changed);
        if (refusal != null) {
            throw new DataLossException("Refused: " + refusal + ".");
        }
    }

    @Override
    public String toString() {
        return "DataLossGuard[allowDataLoss=" + allowDataLoss + "]";
    }
}
