package com.plccoach.migrations.internal.catalog;

/**
 * One way an actual schema differs from the expected one.
 *
 * @param kind     the object's kind, e.g. "index", "column"
 * @param name     its display name, e.g. "messages_conversation_id_idx", "users.nickname"
 * @param property for {@link Change#CHANGED}, the attribute that differs ("default", "type", ...); else null
 * @param expected the expected object (MISSING) or attribute value (CHANGED); null for EXTRA or an absent value
 * @param actual   the actual object (EXTRA) or attribute value (CHANGED); null for MISSING or an absent value
 */
public record Difference(String kind, String name, Change change, String property, Object expected, Object actual) {

    public enum Change { MISSING, EXTRA, CHANGED }

    static Difference missing(CatalogObject expected) {
        return new Difference(expected.kind(), expected.displayName(), Change.MISSING, null, expected, null);
    }

    static Difference extra(CatalogObject actual) {
        return new Difference(actual.kind(), actual.displayName(), Change.EXTRA, null, null, actual);
    }

    static Difference changed(CatalogObject object, String property, Object expected, Object actual) {
        return new Difference(object.kind(), object.displayName(), Change.CHANGED, property, expected, actual);
    }

    /** "index x is missing", "column users.nickname is extra", "default of column sessions.revoked changed from false to none". */
    public String describe() {
        return switch (change) {
            case MISSING -> kind + " " + name + " is missing";
            case EXTRA -> kind + " " + name + " is extra";
            case CHANGED -> property + " of " + kind + " " + name + " changed from " + show(expected) + " to " + show(actual);
        };
    }

    private static String show(Object value) {
        return value == null ? "none" : value.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
