package com.plccoach.migrations.internal.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The little lexing the rules need on top of the splitter: a statement without its comments and with
 * its whitespace collapsed (strings and quoted identifiers kept), commas and parentheses at the top
 * level, and identifiers as PostgreSQL folds them.
 */
final class SqlText {

    /** One identifier, quoted or not, optionally schema-qualified. */
    static final String NAME = "(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][\\w$]*)(?:\\s*\\.\\s*(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][\\w$]*))?";

    private SqlText() {
    }

    /** The statement without comments, whitespace runs as one space, stripped. */
    static String normalize(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                while (i < sql.length() && sql.charAt(i) != '\n') {
                    i++;
                }
                out.append(' ');
            } else if (c == '/' && i + 1 < sql.length() && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
                out.append(' ');
            } else if (c == '\'' || c == '"') {
                int end = i + 1;
                while (end < sql.length()) {
                    if (sql.charAt(end) == c) {
                        if (end + 1 < sql.length() && sql.charAt(end + 1) == c) {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                out.append(sql, i, Math.min(end + 1, sql.length()));
                i = end + 1;
            } else if (Character.isWhitespace(c)) {
                out.append(' ');
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString().replaceAll(" +", " ").strip();
    }

    /** Pieces of {@code text} between commas that are outside parentheses and quotes. */
    static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i).strip());
                start = i + 1;
            }
        }
        parts.add(text.substring(start).strip());
        return parts;
    }

    /** Index of the parenthesis closing the one at {@code open}, or -1. */
    static int closing(String text, int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A table or column name as PostgreSQL folds it: unquoted parts lower-cased, quotes removed, and
     * the {@code public.} schema dropped so that {@code users} and {@code public.users} are one table.
     */
    static String canonical(String name) {
        List<String> parts = new ArrayList<>();
        for (String part : name.split("\\s*\\.\\s*(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            String p = part.strip();
            parts.add(p.startsWith("\"") ? p.substring(1, p.length() - 1).replace("\"\"", "\"") : p.toLowerCase(Locale.ROOT));
        }
        if (parts.size() == 2 && parts.get(0).equals("public")) {
            parts.remove(0);
        }
        return String.join(".", parts);
    }

    /** The text of a type name as the rules compare it: lower case, no spaces. */
    static String typeKey(String type) {
        return type.toLowerCase(Locale.ROOT).replace(" ", "").replace("\"", "");
    }
}
