package com.plccoach.migrations.internal.lint;

import java.util.ArrayList;
import java.util.List;

/**
 * What one statement does, as far as the rules care: the hazards it shows by itself, the table
 * locks it takes and the long work (scan, rewrite, index build, backfill) it does on a table.
 */
final class Effects {

    /** A hazard of the statement itself; {@code detail} says what in it (e.g. which default). */
    record Hit(LintRule rule, String table, String detail) {
    }

    /** A lock PostgreSQL takes for the statement and keeps until the transaction ends. */
    record Lock(String table, LockMode mode) {
    }

    /** Work whose time grows with the table: the longer it runs, the longer earlier locks are held. */
    record Work(String table, String what) {
    }

    final List<Hit> hits = new ArrayList<>();
    final List<Lock> locks = new ArrayList<>();
    final List<Work> work = new ArrayList<>();

    void hit(LintRule rule, String table, String detail) {
        hits.add(new Hit(rule, table, detail));
    }

    void lock(String table, LockMode mode) {
        locks.add(new Lock(table, mode));
    }

    void work(String table, String what) {
        work.add(new Work(table, what));
    }

    /** The strongest lock this statement itself takes on {@code table}, or null. */
    LockMode ownLock(String table) {
        return locks.stream().filter(l -> l.table().equals(table)).map(Lock::mode)
                .max(Enum::compareTo).orElse(null);
    }

    @Override
    public String toString() {
        return "Effects[hits=" + hits + ", locks=" + locks + ", work=" + work + "]";
    }
}
