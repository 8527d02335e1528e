package com.plccoach.migrations.internal.script;

import java.util.Locale;

/**
 * PostgreSQL identifiers both ways: quoted for SQL the tool writes, and the name a token of a
 * revision's SQL stands for (a quoted token keeps its case, a plain one folds to lower case, as the
 * server reads it). The one place for both, so every floor quotes and reads names alike.
 */
public final class Identifiers {

    private Identifiers() {
    }

    /** {@code "name"}, with inner double quotes doubled. */
    public static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** The name an identifier token stands for: {@code "Mixed"} is {@code Mixed}, {@code Mixed} is {@code mixed}. */
    public static String name(String token) {
        if (token.startsWith("\"")) {
            return token.substring(1, token.length() - 1).replace("\"\"", "\"");
        }
        return token.toLowerCase(Locale.ROOT);
    }
}
