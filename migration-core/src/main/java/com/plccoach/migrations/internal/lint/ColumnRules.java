package com.plccoach.migrations.internal.lint;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which column definitions rewrite a table: a type change PostgreSQL cannot do as a relabel, and a
 * new column whose default must be computed per row (PostgreSQL 11+ stores a non-volatile default
 * once, in the catalog).
 */
final class ColumnRules {

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("charactervarying", "varchar"), Map.entry("character", "bpchar"), Map.entry("char", "bpchar"),
            Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("int8", "bigint"), Map.entry("int2", "smallint"),
            Map.entry("decimal", "numeric"), Map.entry("bitvarying", "varbit"), Map.entry("bool", "boolean"),
            Map.entry("float8", "doubleprecision"), Map.entry("float4", "real"),
            Map.entry("timestamptz", "timestampwithtimezone"), Map.entry("timestampwithouttimezone", "timestamp"));

    private static final Pattern TYPE = Pattern.compile("([a-z_ ]+?)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?(\\[\\])?");

    /** Functions PostgreSQL marks volatile that people use as defaults. */
    private static final Set<String> VOLATILE = Set.of("random", "gen_random_uuid", "uuid_generate_v1", "uuid_generate_v1mc",
            "uuid_generate_v4", "uuidv4", "uuidv7", "clock_timestamp", "timeofday", "nextval", "setseed", "txid_current");

    /** Immutable or stable functions (and type names written as calls in casts): a default made of them is stored once. */
    private static final Set<String> NOT_VOLATILE = Set.of("now", "transaction_timestamp", "statement_timestamp", "lower",
            "upper", "coalesce", "nullif", "greatest", "least", "cast", "concat", "length", "date_trunc", "timezone",
            "make_interval", "make_date", "to_timestamp", "to_date", "to_char", "abs", "round", "jsonb_build_object",
            "json_build_object", "jsonb_build_array", "json_build_array", "to_jsonb", "to_json", "array", "row",
            "current_setting", "varchar", "numeric", "decimal", "char", "character", "bpchar", "timestamp", "timestamptz",
            "time", "timetz", "interval", "bit", "varbit", "vector", "halfvec", "float", "array_fill", "string_to_array");

    private static final Pattern CALL = Pattern.compile("(?<![\\w$.:])(?<!::\\s?)([a-z_][\\w$]*)\\s*\\(");
    private static final Pattern DEFAULT = Pattern.compile("(?i)\\bDEFAULT\\s+(.+?)(?=\\s+(?:NOT\\s+NULL|NULL|CHECK|REFERENCES"
            + "|CONSTRAINT|PRIMARY|UNIQUE|COLLATE|GENERATED)\\b|$)");

    private ColumnRules() {
    }

    /** The type in a canonical spelling, so that {@code character varying(20)} equals {@code varchar(20)}. */
    static String canonicalType(String type) {
        String t = type.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
        Matcher m = TYPE.matcher(t);
        if (!m.matches()) {
            return SqlText.typeKey(t);
        }
        String base = m.group(1).replace(" ", "");
        base = ALIASES.getOrDefault(base, base);
        return base + (m.group(2) == null ? "" : "(" + m.group(2) + (m.group(3) == null ? "" : "," + m.group(3)) + ")")
                + (m.group(4) == null ? "" : "[]");
    }

    /**
     * Why changing a column from {@code from} to {@code to} rewrites the table, or empty when it
     * only relabels it. An unknown old type counts as a rewrite: the lint cannot prove otherwise.
     */
    static Optional<String> rewrite(String from, String to, boolean customUsing) {
        String target = canonicalType(to);
        if (customUsing) {
            return Optional.of("its USING expression computes every row anew");
        }
        if (from == null) {
            return Optional.of("the lint does not know the old type (the table was not created by these revisions), so it"
                    + " cannot prove the change is a mere relabel");
        }
        String source = canonicalType(from);
        if (source.equals(target) || relabels(source, target)) {
            return Optional.empty();
        }
        return Optional.of(source + " to " + target + " is not binary compatible, so every row is rewritten");
    }

    private static boolean relabels(String from, String to) {
        Matcher f = TYPE.matcher(from);
        Matcher t = TYPE.matcher(to);
        if (!f.matches() || !t.matches() || f.group(4) != null || t.group(4) != null) {
            return false;
        }
        String fb = f.group(1);
        String tb = t.group(1);
        Integer fn = f.group(2) == null ? null : Integer.valueOf(f.group(2));
        Integer tn = t.group(2) == null ? null : Integer.valueOf(t.group(2));
        boolean textual = fb.equals("varchar") || fb.equals("text");
        if (textual && (tb.equals("text") || (tb.equals("varchar") && tn == null))) {
            return true;
        }
        if ((fb.equals("varchar") && tb.equals("varchar")) || (fb.equals("varbit") && tb.equals("varbit"))) {
            return fn != null && (tn == null || tn >= fn);
        }
        if (fb.equals("numeric") && tb.equals("numeric")) {
            return tn == null || (fn != null && tn >= fn && java.util.Objects.equals(f.group(3), t.group(3)));
        }
        return fb.equals("cidr") && tb.equals("inet");
    }

    /**
     * Why adding a column defined as {@code definition} (type and constraints, after its name)
     * rewrites the table, or empty when it does not.
     */
    static Optional<String> rewritingAddition(String definition) {
        String d = definition.toLowerCase(Locale.ROOT);
        if (d.matches("(small|big)?serial[248]?\\b.*")) {
            return Optional.of("a serial column's default, nextval(), is volatile");
        }
        if (d.matches(".*\\bgenerated\\b.*\\bas\\s+identity\\b.*")) {
            return Optional.of("an identity column fills every existing row from its sequence");
        }
        if (d.matches(".*\\bgenerated\\s+always\\s+as\\b.*\\bstored\\b.*")) {
            return Optional.of("a stored generated column is computed for every existing row");
        }
        Matcher m = DEFAULT.matcher(definition);
        if (!m.find()) {
            return Optional.empty();
        }
        String expression = m.group(1).strip();
        Matcher call = CALL.matcher(expression.toLowerCase(Locale.ROOT).replaceAll("'(?:[^']|'')*'", "''"));
        while (call.find()) {
            String function = call.group(1);
            if (VOLATILE.contains(function)) {
                return Optional.of("DEFAULT " + expression + " is volatile");
            }
            if (!NOT_VOLATILE.contains(function)) {
                return Optional.of("DEFAULT " + expression + " calls " + function + "(), which the lint cannot prove is not"
                        + " volatile (a function is VOLATILE unless declared otherwise)");
            }
        }
        return Optional.empty();
    }

    /** The type part of a column definition (what comes before DEFAULT, NOT NULL, constraints...). */
    static String typeOf(String definition) {
        Matcher m = Pattern.compile("(?i)^(.+?)(?=\\s+(?:DEFAULT|NOT\\s+NULL|NULL|CHECK|REFERENCES|CONSTRAINT|PRIMARY|UNIQUE"
                + "|COLLATE|GENERATED)\\b|$)").matcher(definition.strip());
        return m.find() ? m.group(1).strip() : definition.strip();
    }
}
