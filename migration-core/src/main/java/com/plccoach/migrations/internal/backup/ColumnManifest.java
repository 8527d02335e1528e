package com.plccoach.migrations.internal.backup;

import com.plccoach.migrations.PlanReport.Relation;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The list of column files of a backup, kept beside the archive as {@code <archive>.columns}: for
 * each dropped column, its table, its primary key and the CSV file (key columns, then the column)
 * that COPY wrote.
 */
record ColumnManifest(List<Entry> entries) {

    /** @param type the column's SQL type; null in manifests written before types were recorded */
    record Entry(Relation table, String column, List<String> key, String file, String type) {
        Entry {
            key = List.copyOf(key);
        }
    }

    ColumnManifest {
        entries = List.copyOf(entries);
    }

    static Path pathFor(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".columns");
    }

    void write(Path path) throws IOException {
        Properties p = new Properties();
        p.setProperty("count", Integer.toString(entries.size()));
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            p.setProperty(i + ".schema", e.table().schema());
            p.setProperty(i + ".table", e.table().name());
            p.setProperty(i + ".column", e.column());
            p.setProperty(i + ".file", e.file());
            p.setProperty(i + ".keys", Integer.toString(e.key().size()));
            if (e.type() != null) {
                p.setProperty(i + ".type", e.type());
            }
            for (int k = 0; k < e.key().size(); k++) {
                p.setProperty(i + ".key." + k, e.key().get(k));
            }
        }
        try (Writer w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            p.store(w, "plccoach column backup: dropped columns with their primary keys");
        }
    }

    static ColumnManifest read(Path path) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        int count = Integer.parseInt(p.getProperty("count", "0"));
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> key = new ArrayList<>();
            int keys = Integer.parseInt(p.getProperty(i + ".keys", "0"));
            for (int k = 0; k < keys; k++) {
                key.add(p.getProperty(i + ".key." + k));
            }
            entries.add(new Entry(new Relation(p.getProperty(i + ".schema"), p.getProperty(i + ".table")),
                    p.getProperty(i + ".column"), key, p.getProperty(i + ".file"), p.getProperty(i + ".type")));
        }
        return new ColumnManifest(entries);
    }
}
