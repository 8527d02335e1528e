package com.plccoach.migrations.internal.autogen;

/**
 * One generated statement.
 *
 * @param sql          the statement, without its semicolon
 * @param note         a comment line written above it (why this form), or null
 * @param createsIndex the snapshot key of the index it creates on a table that already exists
 *                     (such statements move to a separate {@code transactional: false} revision), or null
 * @param dropsIndex   the snapshot key of the index it drops, or null
 */
record Ddl(String sql, String note, String createsIndex, String dropsIndex) {

    static Ddl of(String sql) {
        return new Ddl(sql, null, null, null);
    }

    static Ddl noted(String sql, String note) {
        return new Ddl(sql, note, null, null);
    }

    /** As it appears in a revision file. */
    String render() {
        return (note == null ? "" : "-- " + note + "\n") + sql + ";";
    }

    @Override
    public String toString() {
        return render();
    }
}
