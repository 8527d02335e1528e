package com.plccoach.migrations.internal.script;

/**
 * One statement of a revision part, as the splitter cut it.
 *
 * @param line     1-based line of the revision file where the statement starts
 * @param copyData for {@code COPY ... FROM stdin}, the data lines that followed it; null otherwise
 */
public record SqlStatement(String sql, int line, String copyData) {

    public SqlStatement(String sql, int line) {
        this(sql, line, null);
    }

    @Override
    public String toString() {
        String oneLine = sql.strip().replaceAll("\\s+", " ");
        return "line " + line + ": " + (oneLine.length() > 80 ? oneLine.substring(0, 77) + "..." : oneLine);
    }
}
