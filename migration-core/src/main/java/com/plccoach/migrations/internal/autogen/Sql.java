package com.plccoach.migrations.internal.autogen;

import com.plccoach.migrations.internal.catalog.FunctionDef;
import com.plccoach.migrations.internal.catalog.TableDef;
import com.plccoach.migrations.internal.catalog.TypeDef;
import java.util.Set;
import java.util.regex.Pattern;

/** Names and literals in generated DDL: an identifier bare when PostgreSQL would read it back unchanged, else double-quoted. */
final class Sql {

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");
    /** Reserved words (and a few type-function names) that must be quoted as identifiers. */
    private static final Set<String> RESERVED = Set.of("all", "analyse", "analyze", "and", "any", "array", "as", "asc",
            "asymmetric", "authorization", "binary", "both", "case", "cast", "check", "collate", "collation", "column",
            "concurrently", "constraint", "create", "cross", "current_catalog", "current_date", "current_role",
            "current_schema", "current_time", "current_timestamp", "current_user", "default", "deferrable", "desc",
            "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign", "freeze", "from", "full",
            "grant", "group", "having", "ilike", "in", "initially", "inner", "intersect", "into", "is", "isnull", "join",
            "lateral", "leading", "left", "like", "limit", "localtime", "localtimestamp", "natural", "not", "notnull",
            "null", "offset", "on", "only", "or", "order", "outer", "overlaps", "placing", "primary", "references",
            "returning", "right", "select", "session_user", "similar", "some", "symmetric", "system_user", "table",
            "tablesample", "then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "verbose",
            "when", "where", "window", "with");

    private Sql() {
    }

    static String ident(String name) {
        if (PLAIN.matcher(name).matches() && !RESERVED.contains(name)) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** {@code schema.name}, with the schema left out for {@code public} so the SQL reads like hand-written SQL. */
    static String qualified(String schema, String name) {
        return "public".equals(schema) ? ident(name) : ident(schema) + "." + ident(name);
    }

    /** A snapshot key ({@code schema.name}) or display name ({@code name} for public, {@code schema.name}) as SQL. */
    static String fromDisplay(String displayName) {
        int dot = displayName.indexOf('.');
        return dot < 0 ? ident(displayName) : qualified(displayName.substring(0, dot), displayName.substring(dot + 1));
    }

    /** The snapshot key of a display name: {@code users} is {@code public.users}. */
    static String keyOf(String displayName) {
        return displayName.indexOf('.') < 0 ? "public." + displayName : displayName;
    }

    static String literal(String text) {
        return text == null ? "NULL" : "'" + text.replace("'", "''") + "'";
    }

    static String table(TableDef t) {
        return qualified(t.schema(), t.name());
    }

    static String type(TypeDef t) {
        return qualified(t.schema(), t.name());
    }

    /** A function or procedure as DROP and COMMENT ON name it: kind, name and argument types. */
    static String routine(FunctionDef f) {
        String kind = "procedure".equals(f.functionKind()) ? "PROCEDURE " : "FUNCTION ";
        return kind + qualified(f.schema(), f.name()) + "(" + f.arguments() + ")";
    }
}
