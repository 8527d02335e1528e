package com.plccoach.migrations.internal.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement read for what it destroys, without running it: which objects it drops (by name, as
 * written), which columns, which tables it empties, and whether it cascades. Null from
 * {@link #parse} means the statement cannot be read this way (a DO block, a function call).
 */
record DropStatement(Kind kind, List<String> names, List<String> columns, boolean cascade, boolean only) {

    enum Kind {
        /** Relations: tables, views, sequences, indexes, foreign tables. */
        RELATION,
        SCHEMA,
        TYPE,
        EXTENSION,
        /** ALTER TABLE: {@code names} holds the table, {@code columns} the columns it drops (possibly none). */
        ALTER_TABLE,
        TRUNCATE,
        /** Destroys no table or column (DELETE, UPDATE, DROP FUNCTION without CASCADE, ...). */
        NOTHING
    }

    static final String IDENT = "(?:\"(?:[^\"]|\"\")+\"|[\\p{L}_][\\p{L}\\p{N}_$]*)";
    private static final String NAME = IDENT + "(?:\\s*\\.\\s*" + IDENT + ")?";
    private static final Pattern DROP = Pattern.compile("(?is)^drop\\s+(table|foreign\\s+table|view|materialized\\s+view|sequence|index"
            + "|schema|type|domain|extension)\\s+(if\\s+exists\\s+)?(.*?)\\s*(cascade|restrict)?\\s*;?\\s*$");
    private static final Pattern DROP_OTHER = Pattern.compile("(?is)^drop\\s+(?!owned\\b).*");
    private static final Pattern ALTER_TABLE = Pattern.compile("(?is)^alter\\s+table\\s+(if\\s+exists\\s+)?(only\\s+)?(" + NAME + ")\\s*\\*?\\s+(.*?);?\\s*$");
    private static final Pattern DROP_COLUMN = Pattern.compile("(?is)^drop\\s+(column\\s+)?(if\\s+exists\\s+)?(" + IDENT + ")\\s*(cascade|restrict)?\\s*$");
    private static final Pattern TRUNCATE = Pattern.compile("(?is)^truncate\\s+(table\\s+)?(only\\s+)?(.*?)"
            + "(\\s+(restart|continue)\\s+identity)?\\s*(cascade|restrict)?\\s*;?\\s*$");
    private static final Pattern ROWS_ONLY = Pattern.compile("(?is)^(delete|update|insert|merge)\\b.*");

    static DropStatement parse(String sql) {
        Matcher m = DROP.matcher(sql);
        if (m.matches()) {
            String what = m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            Kind kind = switch (what) {
                case "schema" -> Kind.SCHEMA;
                case "type", "domain" -> Kind.TYPE;
                case "extension" -> Kind.EXTENSION;
                default -> Kind.RELATION;
            };
            List<String> names = names(m.group(3));
            return names == null ? null : new DropStatement(kind, names, List.of(), m.group(4) != null
                    && m.group(4).equalsIgnoreCase("cascade"), false);
        }
        m = ALTER_TABLE.matcher(sql);
        if (m.matches()) {
            List<String> columns = new ArrayList<>();
            boolean cascade = false;
            for (String action : splitTopLevel(m.group(4))) {
                Matcher c = DROP_COLUMN.matcher(action.strip());
                if (c.matches() && !c.group(3).equalsIgnoreCase("constraint")) {
                    columns.add(c.group(3));
                    cascade |= c.group(4) != null && c.group(4).equalsIgnoreCase("cascade");
                }
            }
            return new DropStatement(Kind.ALTER_TABLE, List.of(m.group(3)), columns, cascade, m.group(2) != null);
        }
        m = TRUNCATE.matcher(sql);
        if (m.matches()) {
            List<String> names = names(m.group(3));
            return names == null ? null : new DropStatement(Kind.TRUNCATE, names, List.of(),
                    m.group(6) != null && m.group(6).equalsIgnoreCase("cascade"), m.group(2) != null);
        }
        if (ROWS_ONLY.matcher(sql).matches() || DROP_OTHER.matcher(sql).matches() && !sql.toLowerCase(Locale.ROOT).matches("(?s).*\\bcascade\\s*;?\\s*$")) {
            return new DropStatement(Kind.NOTHING, List.of(), List.of(), false, false);
        }
        return null;
    }

    /** Names separated by commas; null when something else stands there. */
    private static List<String> names(String list) {
        List<String> names = new ArrayList<>();
        for (String part : splitTopLevel(list)) {
            String name = part.strip();
            if (!name.matches("(?s)" + NAME)) {
                return null;
            }
            names.add(name);
        }
        return names.isEmpty() ? null : names;
    }

    /** Splits at commas outside parentheses and quotes. */
    static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        boolean string = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"' && !string) {
                quoted = !quoted;
            } else if (ch == '\'' && !quoted) {
                string = !string;
            } else if (!quoted && !string) {
                if (ch == '(') {
                    depth++;
                } else if (ch == ')') {
                    depth--;
                } else if (ch == ',' && depth == 0) {
                    parts.add(text.substring(start, i));
                    start = i + 1;
                }
            }
        }
        parts.add(text.substring(start));
        return parts;
    }
}
