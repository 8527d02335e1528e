package com.plccoach.migrations;

import java.util.List;

/**
 * A target that does not name exactly one place in the graph: unknown, ambiguous, several heads, past
 * base or head, a move in the wrong direction. Besides its message it carries the target as typed and
 * the revisions the problem is about (the candidates of a prefix, the heads of an ambiguous move), so
 * that a caller can offer them without parsing the message.
 */
public class TargetException extends MigrationException {

    private final String target;
    private final List<String> revisions;

    public TargetException(String message) {
        this(null, List.of(), message);
    }

    public TargetException(String message, Throwable cause) {
        super(message, cause);
        this.target = null;
        this.revisions = List.of();
    }

    public TargetException(String target, List<String> revisions, String message) {
        super(message);
        this.target = target;
        this.revisions = List.copyOf(revisions);
    }

    /** The target names several heads where one revision is needed. */
    public static TargetException severalHeads(String target, List<String> heads, String message) {
        return new TargetException(target, heads, message);
    }

    /** A prefix that starts several ids. */
    public static TargetException ambiguousPrefix(String target, List<String> candidates, String message) {
        return new TargetException(target, candidates, message);
    }

    /**
     * No revision is named so: one wording for a target as typed and for an id a file or command gave.
     *
     * @param target the target as typed; {@code name} is the part of it that names no revision
     */
    public static TargetException unknownRevision(String target, String name) {
        String in = name.equals(target) ? "" : " in target '" + target + "'";
        return new TargetException(target, List.of(), "unknown revision '" + name + "'" + in
                + ": no revision id is or starts with it, and no branch label is named so; the history lists the revisions");
    }

    /** A relative move that goes the other way than the command ({@code upgrade -1}, {@code downgrade +1}). */
    public static TargetException wrongDirection(String target, String message) {
        return new TargetException(target, List.of(), message);
    }

    /** The target as typed; null when the failure did not come from a target string. */
    public String target() {
        return target;
    }

    /** The revision ids the failure is about (candidates, heads); empty when there are none. */
    public List<String> revisions() {
        return revisions;
    }

    /**
     * The graph has several heads where one was needed: one wording for every path (a new revision,
     * autogenerate, check), naming the heads, why one was needed and the ways out. Its {@link #revisions()}
     * are the heads.
     *
     * @param why       what needed a single head, e.g. "so the new revision's parent is not obvious"; null for none
     * @param otherwise another way out besides merging, e.g. "give the parent"; null for none
     */
    public static TargetException severalHeads(List<String> heads, String why, String otherwise, Advice advice) {
        return severalHeads(null, heads, "the graph has " + heads.size() + " heads (" + String.join(", ", heads) + ")"
                + (why == null ? "" : ", " + why) + ": join them with " + advice.run("merge")
                + (otherwise == null ? "" : ", or " + otherwise));
    }
}
