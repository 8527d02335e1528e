package com.plccoach.migrations.internal.autogen;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The proven output of autogenerate: the main revision, and the statements of the optional second
 * {@code transactional: false} revision that builds indexes on existing tables CONCURRENTLY.
 *
 * @param changes one sentence per difference from the current schema to the desired one
 */
public record GeneratedRevisions(List<String> changes, List<Ddl> up, List<Ddl> down, List<Ddl> concurrentUp,
                                 List<Ddl> concurrentDown) {

    public GeneratedRevisions {
        changes = List.copyOf(changes);
        up = List.copyOf(up);
        down = List.copyOf(down);
        concurrentUp = List.copyOf(concurrentUp);
        concurrentDown = List.copyOf(concurrentDown);
    }

    static GeneratedRevisions none() {
        return new GeneratedRevisions(List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public boolean hasConcurrentRevision() {
        return !concurrentUp.isEmpty();
    }

    /** The body of the main revision file: up part, {@code -- //@UNDO}, down part. */
    public String body() {
        return body(up, down);
    }

    public String concurrentBody() {
        return body(concurrentUp, concurrentDown);
    }

    private static String body(List<Ddl> up, List<Ddl> down) {
        return render(up) + "\n-- //@UNDO\n\n" + render(down);
    }

    private static String render(List<Ddl> statements) {
        return statements.isEmpty() ? "" : statements.stream().map(Ddl::render).collect(Collectors.joining("\n\n")) + "\n";
    }

    String preview() {
        String main = body();
        return hasConcurrentRevision() ? main + "\n-- second revision (transactional: false):\n" + concurrentBody() : main;
    }
}
