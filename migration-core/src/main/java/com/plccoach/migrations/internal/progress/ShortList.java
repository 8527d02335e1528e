package com.plccoach.migrations.internal.progress;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A list fit for one log line: its size, the first few items, and how many more there are
 * ("37 tables: public.a, public.b, public.c and 34 more"), so that no line grows with the plan.
 * The complete list belongs in the result objects, never in the log.
 */
public final class ShortList {

    /** How many items a line names before "and N more". */
    public static final int SHOWN = 3;
    /** No single item (a query, a path) may stretch a line past this. */
    static final int ITEM_CHARS = 80;

    private ShortList() {
    }

    /** {@code noun} is the plural ("tables"); one item reads "1 tables: x" only if the caller picks such a noun. */
    public static String of(String noun, Collection<?> items) {
        return of(noun, items, SHOWN);
    }

    public static String of(String noun, Collection<?> items, int shown) {
        List<String> texts = items.stream().map(i -> clip(Objects.toString(i))).toList();
        if (texts.isEmpty()) {
            return "no " + noun;
        }
        StringBuilder line = new StringBuilder().append(texts.size()).append(' ').append(noun).append(": ");
        line.append(String.join(", ", texts.subList(0, Math.min(shown, texts.size()))));
        if (texts.size() > shown) {
            line.append(" and ").append(texts.size() - shown).append(" more");
        }
        return line.toString();
    }

    /** One item cut to {@link #ITEM_CHARS}, on one line. */
    public static String clip(String text) {
        String one = text.replaceAll("\\s+", " ").strip();
        return one.length() <= ITEM_CHARS ? one : one.substring(0, ITEM_CHARS - 3) + "...";
    }
}
