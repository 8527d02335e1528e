package com.plccoach.migrations;

import java.util.List;

/** A target that does not name exactly one place in the graph: unknown, ambiguous, several heads, past base or head. */
public class TargetException extends MigrationException {

    public TargetException(String message) {
        super(message);
    }

    public TargetException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The graph has several heads where one was needed: one wording for every path (a target, a new
     * revision, autogenerate, check), naming the heads, why one was needed and the ways out.
     *
     * @param why       what needed a single head, e.g. "so the new revision's parent is not obvious"; null for none
     * @param otherwise another way out besides merging, e.g. "give the parent"; null for none
     */
    public static TargetException severalHeads(List<String> heads, String why, String otherwise, Advice advice) {
        TargetException e = new TargetException("the graph has " + heads.size() + " heads (" + String.join(", ", heads) + ")"
                + (why == null ? "" : ", " + why) + ": join them with " + advice.run("merge")
                + (otherwise == null ? "" : ", or " + otherwise));
        e.heads = List.copyOf(heads);
        return e;
    }

    /** The heads a {@link #severalHeads} failure names; empty for other target failures. */
    public List<String> heads() {
        return heads;
    }

    private List<String> heads = List.of();
}
