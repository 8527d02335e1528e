package com.plccoach.migrations.internal.safety;

import com.plccoach.migrations.Advice;
import com.plccoach.migrations.BackupMode;
import com.plccoach.migrations.DataLossException;
import com.plccoach.migrations.PlanReport;
import com.plccoach.migrations.internal.execution.PreparedPlan;
import com.plccoach.migrations.internal.execution.PreparedRevision;
import com.plccoach.migrations.internal.script.Revision;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A backup covers only what is destroyed in the transaction that took it: its SHARE locks end when
 * that transaction commits, and a row written after that and before a later transaction drops the
 * table is in no archive. Holding the locks on a second connection cannot close the gap (the run's
 * own DROP would wait for them), so a downgrade that destroys backed-up objects after its first
 * transaction (a {@code transactional: false} revision, or {@code transactionPerRevision}) is
 * refused before anything runs, saying how to run it so that it is covered.
 */
final class BackupCoverage {

    private BackupCoverage() {
    }

    static void check(PreparedPlan plan, PlanReport report, BackupMode mode, boolean transactionPerRevision, Advice advice) {
        if (mode == BackupMode.NONE || plan.revisions().isEmpty()) {
            return;
        }
        Set<String> firstTransaction = firstTransaction(plan.revisions().stream().map(PreparedRevision::revision).toList(),
                transactionPerRevision);
        List<String> uncovered = new ArrayList<>();
        String firstUncovered = null;
        for (PlanReport.RevisionReport revision : report.revisions()) {
            if (firstTransaction.contains(revision.revision())) {
                continue;
            }
            for (PlanReport.StatementReport statement : revision.statements()) {
                List<String> destroyed = new ArrayList<>();
                statement.droppedTables().forEach(t -> destroyed.add("table " + t.relation()));
                statement.droppedColumns().forEach(c -> destroyed.add("column " + c.relation() + "." + c.column()));
                statement.rewrites().stream().filter(PlanReport.Rewrite::truncated).forEach(r -> destroyed.add("table " + r.relation() + " (truncated)"));
                for (String object : destroyed) {
                    uncovered.add(object + " by revision " + revision.revision() + " line " + statement.line());
                    firstUncovered = firstUncovered == null ? revision.revision() : firstUncovered;
                }
            }
        }
        if (uncovered.isEmpty()) {
            return;
        }
        Revision first = plan.revisions().get(0).revision();
        String why = !first.transactional()
                ? "its first reverted revision " + first.id() + " is transactional: false, so the backup's transaction commits before anything is destroyed"
                : advice.set("transactionPerRevision", "true") + " commits the backup's transaction with revision " + first.id();
        throw new DataLossException("Refused: the downgrade to " + plan.target() + " would destroy " + uncovered + " after the "
                + "transaction that takes the backup has committed (" + why + "); rows written in between would be in no backup. "
                + "Downgrade in steps, first with " + advice.run("downgrade", "target", firstUncovered) + " and then on"
                + (transactionPerRevision ? ", or run without " + advice.set("transactionPerRevision", "true") : "")
                + ", so that what is destroyed is destroyed in the transaction that backed it up; or, having saved the data another "
                + "way, run it with " + advice.set("backup", "none") + ". Nothing was changed.");
    }

    /** The revisions reverted in the run's first transaction, which also takes the backup. */
    private static Set<String> firstTransaction(List<Revision> steps, boolean transactionPerRevision) {
        Set<String> ids = new HashSet<>();
        for (Revision step : steps) {
            if (!step.transactional() || transactionPerRevision && !ids.isEmpty()) {
                break;
            }
            ids.add(step.id());
        }
        return ids;
    }
}
