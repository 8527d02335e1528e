package com.plccoach.migrations.internal.lint;

import com.plccoach.migrations.LintFinding;
import com.plccoach.migrations.internal.script.Revision;
import java.util.ArrayList;
import java.util.List;

/** Chains of revisions written in a test: 001 creates the tables the others change, only the last one is reported. */
final class Lints {

    static final String BASE = """
            CREATE TABLE users (id bigint PRIMARY KEY, email varchar(100), name text, score numeric(10,2), age int);
            CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, total numeric(12,2));""";

    private final List<Revision> revisions = new ArrayList<>();
    private boolean transactionPerRevision;

    static Lints chain() {
        return new Lints().then(BASE);
    }

    Lints then(String up) {
        return add(up, true);
    }

    Lints thenNonTransactional(String up) {
        return add(up, false);
    }

    Lints transactionPerRevision() {
        transactionPerRevision = true;
        return this;
    }

    private Lints add(String up, boolean transactional) {
        String id = String.format("%03d", revisions.size() + 1);
        List<String> parents = revisions.isEmpty() ? List.of() : List.of(revisions.get(revisions.size() - 1).id());
        // the up part starts on line 6 of the file, after a five-line header
        revisions.add(new Revision(id, parents, List.of(), List.of(), "m", "2025-11-13 01:00:00", transactional, up, 6, null, 0,
                "revisions/" + id + ".sql", "x"));
        return this;
    }

    /** The findings of the last revision. */
    List<LintFinding> findings() {
        String last = revisions.get(revisions.size() - 1).id();
        return Linter.lint(revisions, r -> r.id().equals(last), transactionPerRevision);
    }

    List<String> rules() {
        return findings().stream().map(LintFinding::rule).toList();
    }

    static List<String> rulesOf(String up) {
        return chain().then(up).rules();
    }

    static List<String> rulesOfNonTransactional(String up) {
        return chain().thenNonTransactional(up).rules();
    }
}
