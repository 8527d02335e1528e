package com.plccoach.migrations.internal.lint;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code -- plccoach:allow RULE[, RULE...]} comments directly above a statement (in the run of
 * comment lines that ends on the line before it), so a justification may sit beside or above them.
 */
final class Allowances {

    private static final Pattern ALLOW = Pattern.compile("^\\s*--\\s*plccoach:allow\\s+([\\w-]+(?:\\s*,\\s*[\\w-]+)*)");

    /** One name an allow comment gave, with the file line it is on. */
    record Allowed(String rule, int line) {
    }

    private final String[] lines;
    private final int firstLine;

    /** Over a revision part whose first line is line {@code firstLine} of its file. */
    Allowances(String part, int firstLine) {
        this.lines = part == null ? new String[0] : part.split("\r?\n|\r", -1);
        this.firstLine = firstLine;
    }

    /** The rule names allowed for the statement starting on file line {@code statementLine}. */
    List<Allowed> above(int statementLine) {
        List<Allowed> allowed = new ArrayList<>();
        for (int index = statementLine - firstLine - 1; index >= 0 && index < lines.length; index--) {
            String text = lines[index].strip();
            if (!text.startsWith("--")) {
                break;
            }
            Matcher m = ALLOW.matcher(text);
            if (m.find()) {
                for (String name : m.group(1).split("\\s*,\\s*")) {
                    allowed.add(new Allowed(name, firstLine + index));
                }
            }
        }
        return allowed;
    }

    static Set<String> names(List<Allowed> allowed) {
        Set<String> names = new LinkedHashSet<>();
        allowed.forEach(a -> names.add(a.rule()));
        return names;
    }

    @Override
    public String toString() {
        return "Allowances[from line " + firstLine + ", " + lines.length + " lines]";
    }
}
