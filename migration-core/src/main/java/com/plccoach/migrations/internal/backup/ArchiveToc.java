package com.plccoach.migrations.internal.backup;

import com.plccoach.migrations.BackupException;
import com.plccoach.migrations.PlanReport.Relation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An archive's table of contents as {@code pg_restore --list --verbose} prints it, with each entry's
 * dependencies: what a restore into a database that already holds part of the archive selects from
 * (a missing table and everything that hangs on it: rows, sequences, defaults, constraints, indexes,
 * triggers, comments, foreign keys from other tables) and hands back to pg_restore as {@code -L}.
 */
record ArchiveToc(List<Entry> entries) {

    private static final Pattern LINE = Pattern.compile("^(\\d+); (\\d+) (\\d+) (.*)$");
    private static final Pattern DEPENDS = Pattern.compile("^;\\s*depends on:((?: \\d+)+)\\s*$");
    // longest first, so that "TABLE DATA" is not read as "TABLE"
    private static final List<String> TYPES = List.of("MATERIALIZED VIEW DATA", "SEQUENCE OWNED BY", "FK CONSTRAINT", "SEQUENCE SET",
            "TABLE DATA", "MATERIALIZED VIEW", "INDEX ATTACH", "DEFAULT ACL", "CONSTRAINT", "SEQUENCE", "TRIGGER", "DEFAULT",
            "COMMENT", "INDEX", "TABLE", "VIEW", "ACL");

    /**
     * One entry. For TABLE, SEQUENCE, INDEX and VIEW, {@code name} is the object's; for CONSTRAINT,
     * FK CONSTRAINT and TRIGGER, {@code table} is the table it belongs to and {@code name} its own.
     */
    record Entry(int id, String type, String schema, String table, String name, String line, Set<Integer> dependsOn) {

        Relation relation() {
            return new Relation(schema, name);
        }

        @Override
        public String toString() {
            return type + " " + schema + "." + (table == null ? "" : table + ".") + name;
        }
    }

    ArchiveToc {
        entries = List.copyOf(entries);
    }

    static ArchiveToc read(PgClients clients, Path archive) {
        ClientProcess.Result r = clients.listVerbose(archive);
        if (!r.succeeded()) {
            throw new BackupException("pg_restore cannot list " + archive + ": " + r.errorText() + ".");
        }
        return parse(r.stdout());
    }

    static ArchiveToc parse(String listing) {
        List<Entry> entries = new ArrayList<>();
        for (String raw : listing.split("\n")) {
            String line = raw.stripTrailing();
            Matcher depends = DEPENDS.matcher(line.strip());
            if (depends.matches() && !entries.isEmpty()) {
                Entry last = entries.remove(entries.size() - 1);
                Set<Integer> deps = new HashSet<>(last.dependsOn());
                for (String id : depends.group(1).trim().split(" ")) {
                    deps.add(Integer.parseInt(id));
                }
                entries.add(new Entry(last.id(), last.type(), last.schema(), last.table(), last.name(), last.line(), Set.copyOf(deps)));
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                entries.add(entry(Integer.parseInt(m.group(1)), m.group(4), line));
            }
        }
        return new ArchiveToc(entries);
    }

    private static Entry entry(int id, String description, String line) {
        String type = TYPES.stream().filter(t -> description.startsWith(t + " ")).findFirst().orElse(description.split(" ")[0]);
        String[] words = description.substring(Math.min(description.length(), type.length() + 1)).split(" ");
        String schema = words.length > 0 ? words[0] : "";
        boolean onTable = type.equals("CONSTRAINT") || type.equals("FK CONSTRAINT") || type.equals("TRIGGER");
        String table = onTable && words.length > 2 ? words[1] : null;
        int nameStart = onTable ? 2 : 1;
        String name = words.length > nameStart + 1 ? String.join(" ", List.of(words).subList(nameStart, words.length - 1))
                : words.length > nameStart ? words[nameStart] : "";
        return new Entry(id, type, schema, table, name, line, Set.of());
    }

    List<Entry> tables() {
        return entries.stream().filter(e -> e.type().equals("TABLE")).toList();
    }

    /** True for a whole-database archive: it holds this tool's own state table. */
    boolean holdsStateTable() {
        return tables().stream().anyMatch(e -> e.name().equals("plccoach_version"));
    }

    /** The roots and every entry that depends on one of them, directly or not, in archive order. */
    List<Entry> dependentsOf(Collection<Entry> roots) {
        Set<Integer> selected = new HashSet<>();
        roots.forEach(e -> selected.add(e.id()));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Entry e : entries) {
                if (!selected.contains(e.id()) && e.dependsOn().stream().anyMatch(selected::contains)) {
                    selected.add(e.id());
                    grew = true;
                }
            }
        }
        return entries.stream().filter(e -> selected.contains(e.id())).toList();
    }

    /** The list file pg_restore -L reads: the chosen entries' lines, in archive order. */
    static String listFile(List<Entry> chosen) {
        StringBuilder out = new StringBuilder();
        chosen.forEach(e -> out.append(e.line()).append('\n'));
        return out.toString();
    }
}
