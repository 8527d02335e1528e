package com.plccoach.migrations.maven;

import java.util.ArrayList;
import java.util.List;

/** Rows of text in aligned columns, the last column left ragged. */
final class Table {

    private final List<String[]> rows = new ArrayList<>();

    Table row(String... cells) {
        rows.add(cells);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    List<String> lines() {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < row.length - 1; i++) {
                widths[i] = Math.max(widths[i], cell(row, i).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i < row.length - 1 ? String.format("%-" + Math.max(1, widths[i]) + "s  ", cell(row, i)) : cell(row, i));
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    private static String cell(String[] row, int i) {
        return row[i] == null ? "" : row[i];
    }
}
