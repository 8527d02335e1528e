package com.plccoach.migrations.internal.script;

import com.plccoach.migrations.RevisionFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Cuts a revision part into statements the way psql would: a {@code ;} ends a statement only
 * outside strings ({@code '...'}, {@code E'...'} with backslash escapes), quoted identifiers,
 * dollar quotes ({@code $tag$...$tag$}), line comments, nested block comments and SQL-standard
 * function bodies ({@code BEGIN ATOMIC ... END}). A {@code COPY ... FROM stdin} statement takes the
 * lines after it, up to {@code \.}, as its data. Each statement keeps the file line where it starts,
 * so an error can point at it.
 */
public final class SqlSplitter {

    private static final Pattern COPY_FROM_STDIN =
            Pattern.compile("(?is)^COPY\\s.*\\bFROM\\s+STDIN\\b.*");
    private static final Pattern ROUTINE_START =
            Pattern.compile("(?is)^CREATE\\s+(OR\\s+REPLACE\\s+)?(FUNCTION|PROCEDURE)\\b.*");

    private final String sql;
    private final String location;
    private final int firstLine;
    private int pos;
    private int line;

    private SqlSplitter(String sql, int firstLine, String location) {
        this.sql = sql;
        this.firstLine = firstLine;
        this.location = location;
        this.line = firstLine;
    }

    /**
     * Splits {@code sql}, whose first character is on line {@code firstLine} of {@code location}.
     *
     * @throws RevisionFileException for an unterminated string, identifier, comment or COPY data, naming where it starts
     */
    public static List<SqlStatement> split(String sql, int firstLine, String location) {
        if (sql == null || sql.isBlank()) {
            return List.of();
        }
        return new SqlSplitter(sql, firstLine, location).run();
    }

    private List<SqlStatement> run() {
        List<SqlStatement> statements = new ArrayList<>();
        int start = -1;
        int startLine = 0;
        int beginDepth = 0;
        boolean routine = false;
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '-' && peek(1) == '-') {
                skipLineComment();
            } else if (c == '/' && peek(1) == '*') {
                skipBlockComment();
            } else if (c == ';' && beginDepth == 0) {
                if (start >= 0) {
                    String text = sql.substring(start, pos).strip();
                    pos++;
                    statements.add(finish(text, startLine));
                    start = -1;
                    routine = false;
                } else {
                    pos++;
                }
            } else {
                if (start < 0) {
                    start = pos;
                    startLine = line;
                }
                if (c == '\'') {
                    skipString(false);
                } else if ((c == 'E' || c == 'e') && peek(1) == '\'' && !identifierCharBefore(pos)) {
                    pos++;
                    skipString(true);
                } else if (c == '"') {
                    skipQuotedIdentifier();
                } else if (c == '$' && !identifierCharBefore(pos) && dollarTagAt(pos) != null) {
                    skipDollarQuoted(dollarTagAt(pos));
                } else if (isIdentifierStart(c) && !identifierCharBefore(pos)) {
                    int wordStart = pos;
                    while (pos < sql.length() && isIdentifierPart(sql.charAt(pos))) {
                        pos++;
                    }
                    String word = sql.substring(wordStart, pos).toUpperCase(Locale.ROOT);
                    if (wordStart == start) {
                        routine = false;
                    }
                    if (!routine && (word.equals("FUNCTION") || word.equals("PROCEDURE"))) {
                        routine = ROUTINE_START.matcher(sql.substring(start, pos)).matches();
                    }
                    // psql's rule: inside CREATE FUNCTION/PROCEDURE, BEGIN (and CASE within it) opens a block END closes
                    if (routine && (word.equals("BEGIN") || (word.equals("CASE") && beginDepth > 0))) {
                        beginDepth++;
                    } else if (routine && word.equals("END") && beginDepth > 0) {
                        beginDepth--;
                    }
                } else {
                    pos++;
                }
            }
        }
        if (start >= 0) {
            statements.add(finish(sql.substring(start).strip(), startLine));
        }
        return statements;
    }

    private SqlStatement finish(String text, int startLine) {
        if (!COPY_FROM_STDIN.matcher(text).matches()) {
            return new SqlStatement(text, startLine);
        }
        // the data starts on the line after the COPY statement, as psql reads it
        int dataStart = sql.indexOf('\n', pos);
        if (dataStart < 0) {
            throw unterminatedCopy(startLine);
        }
        dataStart++;
        line++;
        StringBuilder data = new StringBuilder();
        int cursor = dataStart;
        while (cursor < sql.length()) {
            int end = sql.indexOf('\n', cursor);
            String dataLine = end < 0 ? sql.substring(cursor) : sql.substring(cursor, end);
            String stripped = dataLine.endsWith("\r") ? dataLine.substring(0, dataLine.length() - 1) : dataLine;
            if (stripped.equals("\\.")) {
                pos = end < 0 ? sql.length() : end + 1;
                line += end < 0 ? 0 : 1;
                return new SqlStatement(text, startLine, data.toString());
            }
            data.append(stripped).append('\n');
            if (end < 0) {
                break;
            }
            cursor = end + 1;
            line++;
        }
        throw unterminatedCopy(startLine);
    }

    private RevisionFileException unterminatedCopy(int startLine) {
        return new RevisionFileException(location + ":" + startLine + ": the data of COPY ... FROM stdin is not ended by a line "
                + "holding only \\. ; add that line after the last data row");
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < sql.length() ? sql.charAt(i) : '\0';
    }

    private void skipLineComment() {
        while (pos < sql.length() && sql.charAt(pos) != '\n') {
            pos++;
        }
    }

    private void skipBlockComment() {
        int startLine = line;
        int depth = 0;
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (c == '/' && peek(1) == '*') {
                depth++;
                pos += 2;
            } else if (c == '*' && peek(1) == '/') {
                depth--;
                pos += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                if (c == '\n') {
                    line++;
                }
                pos++;
            }
        }
        throw unterminated("block comment /*", startLine, "close it with */");
    }

    private void skipString(boolean backslashEscapes) {
        int startLine = line;
        pos++; // opening quote
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (c == '\n') {
                line++;
            }
            if (backslashEscapes && c == '\\') {
                if (peek(1) == '\n') {
                    line++;
                }
                pos += 2;
            } else if (c == '\'') {
                if (peek(1) == '\'') {
                    pos += 2;
                } else {
                    pos++;
                    return;
                }
            } else {
                pos++;
            }
        }
        throw unterminated("string literal", startLine, "close it with '");
    }

    private void skipQuotedIdentifier() {
        int startLine = line;
        pos++;
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (c == '\n') {
                line++;
            }
            if (c == '"') {
                if (peek(1) == '"') {
                    pos += 2;
                } else {
                    pos++;
                    return;
                }
            } else {
                pos++;
            }
        }
        throw unterminated("quoted identifier", startLine, "close it with \"");
    }

    /** The whole {@code $tag$} starting at {@code at}, or null when it is not a dollar quote (e.g. {@code $1}). */
    private String dollarTagAt(int at) {
        int i = at + 1;
        if (i < sql.length() && sql.charAt(i) == '$') {
            return "$$";
        }
        if (i >= sql.length() || !isIdentifierStart(sql.charAt(i))) {
            return null;
        }
        while (i < sql.length() && isIdentifierPart(sql.charAt(i)) && sql.charAt(i) != '$') {
            i++;
        }
        return i < sql.length() && sql.charAt(i) == '$' ? sql.substring(at, i + 1) : null;
    }

    private void skipDollarQuoted(String tag) {
        int startLine = line;
        int end = sql.indexOf(tag, pos + tag.length());
        if (end < 0) {
            throw unterminated("dollar-quoted string " + tag, startLine, "close it with " + tag);
        }
        int after = end + tag.length();
        for (int i = pos; i < after; i++) {
            if (sql.charAt(i) == '\n') {
                line++;
            }
        }
        pos = after;
    }

    private RevisionFileException unterminated(String what, int startLine, String fix) {
        return new RevisionFileException(location + ":" + startLine + ": " + what + " is never closed; " + fix);
    }

    private boolean identifierCharBefore(int at) {
        return at > 0 && (isIdentifierPart(sql.charAt(at - 1)));
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_' || c > 127;
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 127;
    }

    @Override
    public String toString() {
        return "SqlSplitter[" + location + ":" + firstLine + "]";
    }
}
