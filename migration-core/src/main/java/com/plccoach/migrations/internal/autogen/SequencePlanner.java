package com.plccoach.migrations.internal.autogen;

import com.plccoach.migrations.internal.catalog.SequenceDef;
import java.util.Map;
import java.util.Objects;

/**
 * Sequences: made before the tables whose defaults call them, owned by their column once the
 * column exists, and dropped after the tables that used them.
 */
final class SequencePlanner {

    private final PlanDraft plan;

    SequencePlanner(PlanDraft plan) {
        this.plan = plan;
    }

    void createAndAlter() {
        for (Map.Entry<String, SequenceDef> e : plan.to().sequences().entrySet()) {
            SequenceDef s = e.getValue();
            SequenceDef old = plan.from().sequences().get(e.getKey());
            String options = " AS " + s.dataType() + " INCREMENT BY " + s.increment() + " MINVALUE " + s.min() + " MAXVALUE " + s.max()
                    + " START WITH " + s.start() + " CACHE " + s.cache() + (s.cycle() ? " CYCLE" : " NO CYCLE");
            if (old == null) {
                plan.add(Ddl.of("CREATE SEQUENCE " + Sql.qualified(s.schema(), s.name()) + options));
                plan.created("sequence " + e.getKey());
            } else if (!sameOptions(old, s)) {
                plan.add(Ddl.of("ALTER SEQUENCE " + Sql.qualified(s.schema(), s.name()) + options));
            }
        }
    }

    private static boolean sameOptions(SequenceDef a, SequenceDef b) {
        return a.dataType().equals(b.dataType()) && a.start() == b.start() && a.increment() == b.increment() && a.min() == b.min()
                && a.max() == b.max() && a.cache() == b.cache() && a.cycle() == b.cycle();
    }

    void own() {
        for (Map.Entry<String, SequenceDef> e : plan.to().sequences().entrySet()) {
            SequenceDef s = e.getValue();
            SequenceDef old = plan.from().sequences().get(e.getKey());
            if (old == null ? s.ownedBy() != null : !Objects.equals(old.ownedBy(), s.ownedBy())) {
                String owner = s.ownedBy() == null ? "NONE" : ownerColumn(s);
                plan.add(Ddl.of("ALTER SEQUENCE " + Sql.qualified(s.schema(), s.name()) + " OWNED BY " + owner));
            }
        }
    }

    private static String ownerColumn(SequenceDef s) {
        int dot = s.ownedBy().lastIndexOf('.');
        return Sql.qualified(s.schema(), s.ownedBy().substring(0, dot)) + "." + Sql.ident(s.ownedBy().substring(dot + 1));
    }

    void dropRemoved() {
        for (Map.Entry<String, SequenceDef> e : plan.from().sequences().entrySet()) {
            if (!plan.to().sequences().containsKey(e.getKey())) {
                SequenceDef s = e.getValue();
                // a serial sequence went away with its column or table
                plan.add(Ddl.of("DROP SEQUENCE " + (s.ownedBy() != null ? "IF EXISTS " : "") + Sql.qualified(s.schema(), s.name())));
            }
        }
    }
}
