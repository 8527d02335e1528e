package com.plccoach.migrations.internal.lint;

import com.plccoach.migrations.LintFinding;
import com.plccoach.migrations.internal.script.Revision;
import com.plccoach.migrations.internal.script.SqlSplitter;
import com.plccoach.migrations.internal.script.SqlStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Lints revisions without a database. Reads every revision in the order an upgrade from base runs
 * them, so that what earlier revisions did (column types, tables they created, validated checks) is
 * known, and reports only the revisions {@code reported} selects (the pending ones, or the file just
 * written). Statements run in one transaction as the runner groups them: consecutive transactional
 * revisions share one unless {@code transactionPerRevision}; a {@code transactional: false} revision
 * commits each statement.
 */
public final class Linter {

    /** A lock taken earlier in the open transaction: what held it, since when. */
    private record Held(String table, LockMode mode, int line, String revision) {
    }

    private final boolean transactionPerRevision;
    private final StatementAnalyzer analyzer = new StatementAnalyzer();
    private final List<Held> held = new ArrayList<>();
    private final Set<String> createdInTransaction = new HashSet<>();
    private final List<LintFinding> findings = new ArrayList<>();

    private Linter(boolean transactionPerRevision) {
        this.transactionPerRevision = transactionPerRevision;
    }

    /**
     * The findings of the revisions {@code reported} selects, in file order.
     *
     * @param ordered every revision, parents first (as an upgrade from base runs them)
     */
    public static List<LintFinding> lint(List<Revision> ordered, Predicate<Revision> reported, boolean transactionPerRevision) {
        Linter linter = new Linter(transactionPerRevision);
        boolean previousTransactional = false;
        for (Revision revision : ordered) {
            if (!revision.transactional() || !previousTransactional || transactionPerRevision) {
                linter.held.clear();
                linter.createdInTransaction.clear();
            }
            linter.revision(revision, reported.test(revision));
            previousTransactional = revision.transactional();
        }
        return List.copyOf(linter.findings);
    }

    private void revision(Revision revision, boolean report) {
        analyzer.startRevision();
        Allowances allowances = new Allowances(revision.upSql(), revision.upLine());
        for (SqlStatement statement : SqlSplitter.split(revision.upSql(), revision.upLine(), revision.location())) {
            List<Allowances.Allowed> allowed = allowances.above(statement.line());
            Effects effects = analyzer.analyze(SqlText.normalize(statement.sql()));
            if (report) {
                report(revision, statement, effects, allowed);
            }
            if (!revision.transactional()) {
                continue; // each statement commits: nothing it locks outlives it
            }
            for (Effects.Lock lock : effects.locks) {
                if (lock.mode().blocksWrites() && !analyzer.isNew(lock.table()) && !createdInTransaction.contains(lock.table())) {
                    held.add(new Held(lock.table(), lock.mode(), statement.line(), revision.id()));
                }
            }
            for (int i = 0; i < effects.locks.size(); i++) {
                if (analyzer.isNew(effects.locks.get(i).table())) {
                    createdInTransaction.add(effects.locks.get(i).table());
                }
            }
        }
    }

    private void report(Revision revision, SqlStatement statement, Effects effects, List<Allowances.Allowed> allowed) {
        Set<String> exempt = Allowances.names(allowed);
        for (Allowances.Allowed a : allowed) {
            if (LintRule.named(a.rule()).isEmpty()) {
                add(revision, a.line(), LintRule.UNKNOWN_RULE, null, "`-- plccoach:allow " + a.rule() + "` names no rule");
            }
        }
        for (Effects.Hit hit : effects.hits) {
            boolean applies = switch (hit.rule()) {
                case BAN_CONCURRENT_INDEX_CREATION_IN_TRANSACTION, BACKFILL_IN_TRANSACTION -> revision.transactional();
                default -> true;
            };
            if (applies && !exempt.contains(hit.rule().ruleName())) {
                add(revision, statement.line(), hit.rule(), hit.table(), hit.detail());
            }
        }
        if (!revision.transactional() || exempt.contains(LintRule.LOCK_HELD_DURING_LONG_WORK.ruleName())) {
            return;
        }
        for (Effects.Work work : effects.work) {
            LockMode own = effects.ownLock(work.table());
            held.stream()
                    .filter(h -> !(h.table().equals(work.table()) && own != null && own.compareTo(h.mode()) >= 0))
                    .findFirst()
                    .ifPresent(h -> add(revision, statement.line(), LintRule.LOCK_HELD_DURING_LONG_WORK, work.table(),
                            work.what() + " runs while the " + h.mode() + " lock on " + h.table() + " taken at line " + h.line()
                                    + (h.revision().equals(revision.id()) ? "" : " of revision " + h.revision())
                                    + " is held: " + h.table() + " is blocked until the transaction commits"));
        }
    }

    private void add(Revision revision, int line, LintRule rule, String table, String detail) {
        String problem = detail == null || rule == LintRule.LOCK_HELD_DURING_LONG_WORK ? (detail == null ? rule.why() : detail)
                : rule.why() + " (" + detail + ")";
        findings.add(new LintFinding(rule.ruleName(), revision.id(), revision.location(), line, table, problem,
                rule.saferForm(), -1, -1));
    }

    @Override
    public String toString() {
        return "Linter[" + findings.size() + " finding(s)]";
    }
}
