package com.plccoach.migrations.internal.safety;

import com.plccoach.migrations.Advice;
import com.plccoach.migrations.DataLossException;
import com.plccoach.migrations.PlanReport;
import com.plccoach.migrations.PlanReport.DataLoss;
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
        List<DataLoss> losses = report.dataLoss();
        if (losses.isEmpty() || allowDataLoss) {
            return null;
        }
        return "the " + report.direction().name().toLowerCase() + " to " + report.target() + " would destroy data: "
                + losses.stream().limit(REFUSAL_SHOWN).map(DataLoss::toString).collect(Collectors.joining("; "))
                // a message as long as the plan is unreadable; the plan report and its JSON list every loss
                + (losses.size() > REFUSAL_SHOWN ? "; and " + (losses.size() - REFUSAL_SHOWN) + " more (the plan report lists them all)" : "")
                + ". Nothing was changed. Save what you need, then run again with " + advice.set("allowDataLoss", "true") + " to accept the loss";
    }

    /**
     * The report with the verdict the run would give: its refusal for data loss, or, when the analysis could not
     * lock what a statement touches, that it cannot tell (what the guard cannot see is never counted as safe).
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
        return report.withRefusal(refusal);
    }

    /** Throws {@link DataLossException} when the plan would destroy data and that is not allowed. */
    public void check(PlanReport report) {
        refuse(report);
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
        String refusal = refusal(report);
        if (refusal != null) {
            throw new DataLossException("Refused: " + refusal + ".");
        }
    }

    @Override
    public String toString() {
        return "DataLossGuard[allowDataLoss=" + allowDataLoss + "]";
    }
}
