package com.plccoach.migrations.internal.backup;

import com.plccoach.migrations.Advice;
import com.plccoach.migrations.BackupException;
import com.plccoach.migrations.PlanReport.Relation;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which entries of an archive a restore hands to pg_restore, decided against the target database
 * before anything is written.
 *
 * @param entries       the entries to restore, in archive order
 * @param created       tables created with their rows
 * @param filled        existing empty tables that only get their rows (an affected backup after an upgrade re-created them)
 * @param wholeDatabase every entry, into an empty database (pg_restore without a list)
 */
record RestoreSelection(List<ArchiveToc.Entry> entries, List<Relation> created, List<Relation> filled, boolean wholeDatabase) {

    static final RestoreSelection NOTHING = new RestoreSelection(List.of(), List.of(), List.of(), false);
    private static final Set<String> DATA = Set.of("TABLE DATA", "SEQUENCE SET");

    RestoreSelection {
        entries = List.copyOf(entries);
        created = List.copyOf(created);
        filled = List.copyOf(filled);
    }

    static RestoreSelection everything(ArchiveToc toc) {
        return new RestoreSelection(toc.entries(), toc.tables().stream().map(ArchiveToc.Entry::relation).toList(), List.of(), true);
    }

    /**
     * Missing tables and all that depends on them. Existing tables are left alone, except that an
     * affected archive (which holds only what a downgrade destroyed) fills one that is empty and is
     * refused for one that holds rows. Any object the selection would create that exists already is
     * a conflict: all of them are named and nothing is restored.
     */
    static RestoreSelection choose(Connection connection, ArchiveToc toc, Path archive, Advice advice, boolean affected)
            throws SQLException {
        List<ArchiveToc.Entry> missing = new ArrayList<>();
        List<ArchiveToc.Entry> empty = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        for (ArchiveToc.Entry table : toc.tables()) {
            if (!DatabaseObjects.relationExists(connection, table.relation())) {
                missing.add(table);
            } else if (affected) {
                long rows = DatabaseObjects.rows(connection, table.relation());
                if (rows == 0) {
                    empty.add(table);
                } else {
                    conflicts.add("table " + table.relation() + " already holds " + rows + " rows that the restore would mix with the backup's");
                }
            }
        }
        List<ArchiveToc.Entry> chosen = new ArrayList<>(toc.dependentsOf(missing));
        for (ArchiveToc.Entry entry : chosen) {
            if (missing.stream().anyMatch(t -> t.id() == entry.id())) {
                continue;
            }
            conflict(connection, entry).ifPresent(conflicts::add);
        }
        toc.dependentsOf(empty).stream().filter(e -> DATA.contains(e.type())).forEach(chosen::add);
        if (!conflicts.isEmpty()) {
            throw new BackupException("Refused to restore " + archive + ": " + String.join("; ", conflicts) + ". Drop or rename "
                    + (conflicts.size() == 1 ? "it" : "them") + " (or empty the tables) and run restore again, or restore into a new "
                    + "empty database (createdb, then point " + advice.setting("url") + " at it). Nothing was changed.");
        }
        List<Integer> ids = chosen.stream().map(ArchiveToc.Entry::id).toList();
        List<ArchiveToc.Entry> ordered = toc.entries().stream().filter(e -> ids.contains(e.id())).toList();
        return new RestoreSelection(ordered, missing.stream().map(ArchiveToc.Entry::relation).toList(),
                empty.stream().map(ArchiveToc.Entry::relation).toList(), false);
    }

    /** An object the entry would create that is already there under the same name. */
    private static java.util.Optional<String> conflict(Connection connection, ArchiveToc.Entry entry) throws SQLException {
        switch (entry.type()) {
            case "INDEX", "SEQUENCE", "VIEW", "MATERIALIZED VIEW", "CONSTRAINT" -> {
                // a primary key or unique constraint creates an index of its own name
                Relation relation = entry.relation();
                if (DatabaseObjects.relationExists(connection, relation)) {
                    return java.util.Optional.of(entry.type().toLowerCase() + " " + relation + " exists already (the restore would create it)");
                }
            }
            case "FK CONSTRAINT", "TRIGGER" -> {
                Relation table = new Relation(entry.schema(), entry.table());
                if (DatabaseObjects.tableObjectExists(connection, table, entry.name(), entry.type().equals("TRIGGER"))) {
                    return java.util.Optional.of(entry.type().toLowerCase() + " " + entry.name() + " on " + table + " exists already");
                }
            }
            default -> {
                // rows, defaults, comments and grants of a table the restore creates cannot be there yet
            }
        }
        return java.util.Optional.empty();
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    boolean creates(Relation table) {
        return created.contains(table);
    }

    boolean dataOnly() {
        return created.isEmpty() && !filled.isEmpty();
    }

    List<String> tableNames() {
        List<String> names = new ArrayList<>();
        created.forEach(t -> names.add(t.toString()));
        filled.forEach(t -> names.add(t.toString()));
        return names;
    }
}
