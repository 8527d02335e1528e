package com.plccoach.migrations;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A list fit for one log line, however long the plan: its size and the first few names,
 * "37 tables: public.a, public.b, public.c and 34 more". The JSON results keep every name.
 */
public final class ShortList {

    /** How many names a summary shows. */
    public static final int SHOWN = 3;
    /** No single item (a query, a path) may stretch a line past this. */
    static final int ITEM_CHARS = 80;

    private ShortList() {
    }

    /** "37 tables: a, b, c and 34 more", "1 table: a", "no tables". */
    public static String of(Collection<?> items, String singular, String plural) {
        if (items.isEmpty()) {
            return "no " + plural;
        }
        return items.size() + " " + (items.size() == 1 ? singular : plural) + ": " + names(items);
    }

    /** Like {@link #of(Collection, String, String)}, naming only the first {@code shown} items. */
    public static String of(Collection<?> items, String singular, String plural, int shown) {
        if (items.isEmpty()) {
            return "no " + plural;
        }
        return items.size() + " " + (items.size() == 1 ? singular : plural) + ": " + names(items, shown);
    }

    /** "a, b, c and 34 more"; all of them when there are at most {@link #SHOWN} + 1. */
    public static String names(Collection<?> items) {
        return names(items, SHOWN);
    }

    private static String names(Collection<?> items, int shown) {
        List<String> all = new ArrayList<>();
        items.forEach(item -> all.add(clip(String.valueOf(item))));
        if (all.size() <= shown + 1) {
            return String.join(", ", all);
        }
        return String.join(", ", all.subList(0, shown)) + " and " + (all.size() - shown) + " more";
    }

    /** One item cut to {@link #ITEM_CHARS} characters on one line: a query or a path must not stretch a log line. */
    public static String clip(String text) {
        String one = text.replaceAll("\\s+", " ").strip();
        return one.length() <= ITEM_CHARS ? one : one.substring(0, ITEM_CHARS - 3) + "...";
    }
}
