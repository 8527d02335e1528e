package com.plccoach.migrations.internal.autogen;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts SQL text into statements at top-level semicolons, skipping quotes, dollar quotes and
 * comments. Used to run {@code transactional: false} scripts one statement at a time on a scratch
 * database (PostgreSQL refuses CREATE INDEX CONCURRENTLY inside a multi-statement query).
 */
final class StatementSplitter {

    private StatementSplitter() {
    }

    /** A statement and the 1-based line of the text where it starts. */
    record Piece(String sql, int line) {
    }

    static List<Piece> split(String sql) {
        List<Piece> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int start = 0;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            int end = i + 1;
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                end = indexOrEnd(sql, "\n", i);
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                end = indexOrEnd(sql, "*/", i + 2) + 2;
            } else if (c == '\'' || c == '"') {
                boolean backslash = c == '\'' && i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e');
                end = i + 1;
                while (end < n) {
                    char d = sql.charAt(end);
                    if (backslash && d == '\\') {
                        end += 2;
                        continue;
                    }
                    if (d == c) {
                        if (end + 1 < n && sql.charAt(end + 1) == c) {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                end = Math.min(n, end + 1);
            } else if (c == '$') {
                int close = sql.indexOf('$', i + 1);
                String tag = close < 0 ? null : sql.substring(i, close + 1);
                if (tag != null && tag.matches("\\$([A-Za-z_][A-Za-z0-9_]*)?\\$")) {
                    end = indexOrEnd(sql, tag, close + 1) + tag.length();
                }
            } else if (c == ';') {
                add(out, current, sql, start);
                current.setLength(0);
                i++;
                start = i;
                continue;
            }
            end = Math.min(end, n);
            current.append(sql, i, end);
            i = end;
        }
        add(out, current, sql, start);
        // offsets to lines in one pass
        List<Piece> lined = new ArrayList<>(out.size());
        int line = 1;
        int at = 0;
        for (Piece p : out) {
            for (; at < p.line() && at < n; at++) {
                if (sql.charAt(at) == '\n') {
                    line++;
                }
            }
            lined.add(new Piece(p.sql(), line));
        }
        return lined;
    }

    private static int indexOrEnd(String sql, String what, int from) {
        int at = sql.indexOf(what, from);
        return at < 0 ? sql.length() : at;
    }

    private static void add(List<Piece> out, StringBuilder statement, String sql, int start) {
        String raw = statement.toString();
        String text = raw.strip();
        // leading comment lines belong to no statement: an error names the line of the statement itself
        while (text.startsWith("--")) {
            int newline = text.indexOf('\n');
            text = newline < 0 ? "" : text.substring(newline + 1).strip();
        }
        if (text.isEmpty()) {
            return;
        }
        int offset = start + raw.indexOf(text);
        out.add(new Piece(text, offset));
    }
}
