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

    private ShortList() {
    }

    /** "37 tables: a, b, c and 34 more", "1 table: a", "no tables". */
    public static String of(Collection<?> items, String singular, String plural) {
        if (items.isEmpty()) {
            return "no " + plural;
        }
        return items.size() + " " + (items.size() == 1 ? singular : plural) + ": " + names(items);
    }

    /** "a, b, c and 34 more"; all of them when there are at most {@link #SHOWN} + 1. */
    public static String names(Collection<?> items) {
        List<String> all = new ArrayList<>();
        items.forEach(item -> all.add(String.valueOf(item)));
        if (all.size() <= SHOWN + 1) {
            return String.join(", ", all);
        }
        return String.join(", ", all.subList(0, SHOWN)) + " and " + (all.size() - SHOWN) + " more";
    }
}
