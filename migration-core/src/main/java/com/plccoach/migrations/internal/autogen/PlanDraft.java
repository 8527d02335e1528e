package com.plccoach.migrations.internal.autogen;

import com.plccoach.migrations.internal.catalog.SchemaSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The statements planned so far between two snapshots, written to by each object kind's planner
 * in the order {@link MigrationPlanner} calls them. It also remembers what the statements
 * (re)create, because a comment on a fresh object is set whatever the old one said, and which
 * column defaults an enum rebuild already dropped, because dropping one twice fails.
 */
final class PlanDraft {

    private final SchemaSnapshot from;
    private final SchemaSnapshot to;
    private final List<Ddl> statements = new ArrayList<>();
    private final Set<String> created = new TreeSet<>();
    private final Set<String> defaultsDropped = new TreeSet<>();

    PlanDraft(SchemaSnapshot from, SchemaSnapshot to) {
        this.from = from;
        this.to = to;
    }

    SchemaSnapshot from() {
        return from;
    }

    SchemaSnapshot to() {
        return to;
    }

    void add(Ddl statement) {
        statements.add(statement);
    }

    /** @param key the object's kind and snapshot key, as in {@code "table public.users"} */
    void created(String key) {
        created.add(key);
    }

    boolean isCreated(String key) {
        return created.contains(key);
    }

    void defaultDropped(String columnDisplayName) {
        defaultsDropped.add(columnDisplayName);
    }

    boolean isDefaultDropped(String columnDisplayName) {
        return defaultsDropped.contains(columnDisplayName);
    }

    List<Ddl> statements() {
        return List.copyOf(statements);
    }
}
