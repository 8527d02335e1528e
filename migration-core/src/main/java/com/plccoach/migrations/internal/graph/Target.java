package com.plccoach.migrations.internal.graph;

import java.util.List;

/**
 * What a target string resolved to. {@code revisions} empty means base; then {@code baseRoots} says
 * whose base: null for the whole graph ({@code base}), or the roots of one branch when the target was
 * {@code label@base} or a move that walked down past a root, so a downgrade to it reverts only what
 * is built on those roots.
 */
record Target(String spec, List<Integer> revisions, List<Integer> baseRoots) {

    Target {
        revisions = List.copyOf(revisions);
        baseRoots = baseRoots == null ? null : List.copyOf(baseRoots);
    }

    static Target of(String spec, List<Integer> revisions) {
        return new Target(spec, revisions, null);
    }

    static Target baseOf(String spec, List<Integer> roots) {
        return new Target(spec, List.of(), roots);
    }

    boolean isBase() {
        return revisions.isEmpty();
    }

    @Override
    public String toString() {
        return spec + " -> " + (isBase() ? "base" + (baseRoots == null ? "" : " of " + baseRoots) : revisions.toString());
    }
}
