package com.plccoach.migrations;

import java.util.Locale;

/**
 * One lock hazard the lint found in a revision (see docs/big-tables.md for every rule).
 *
 * @param rule        the rule's stable name, as {@code -- plccoach:allow RULE} names it
 * @param revision    the revision's id
 * @param location    the revision file, as its script source names it
 * @param line        1-based line of the file where the statement starts
 * @param table       the table the hazard is about, or null when it is about no one table
 * @param problem     what the statement does and why it hurts a busy table
 * @param saferForm   what to write instead
 * @param tableBytes  the table's size on disk with its indexes and TOAST; -1 when no database was asked
 * @param rowEstimate the planner's row estimate (pg_class.reltuples); -1 when unknown
 */
public record LintFinding(String rule, String revision, String location, int line, String table, String problem,
                          String saferForm, long tableBytes, long rowEstimate) {

    /** The same finding with the table's size from the database. */
    public LintFinding withSize(long bytes, long rows) {
        return new LintFinding(rule, revision, location, line, table, problem, saferForm, bytes, rows);
    }

    /** {@code file:line} as editors and CI annotations read it. */
    public String where() {
        return location + ":" + line;
    }

    @Override
    public String toString() {
        String size = tableBytes < 0 ? "" : " [" + table + ": " + humanBytes(tableBytes)
                + (rowEstimate < 0 ? ", rows unknown (never analysed)" : String.format(Locale.ROOT, ", ~%,d rows", rowEstimate)) + "]";
        return where() + ": " + rule + " (revision " + revision + "): " + problem + size + ". Safer: " + saferForm
                + " (or exempt it with `-- plccoach:allow " + rule + "` on the line before, saying why)";
    }

    private static String humanBytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
