package com.plccoach.migrations.internal.autogen;

import com.plccoach.migrations.internal.catalog.TriggerDef;
import java.util.Map;

/**
 * Triggers: dropped first and made last, since each needs both its table and its function. A
 * trigger whose definition changes is dropped and made again; one that is only enabled
 * differently is altered.
 */
final class TriggerPlanner {

    private final PlanDraft plan;

    TriggerPlanner(PlanDraft plan) {
        this.plan = plan;
    }

    void dropChanged() {
        for (Map.Entry<String, TriggerDef> e : plan.from().triggers().entrySet()) {
            TriggerDef next = plan.to().triggers().get(e.getKey());
            TriggerDef old = e.getValue();
            if (next == null || !next.definition().equals(old.definition())) {
                plan.add(Ddl.of("DROP TRIGGER " + Sql.ident(old.name()) + " ON " + Sql.fromDisplay(old.table())));
            }
        }
    }

    void createChanged() {
        for (Map.Entry<String, TriggerDef> e : plan.to().triggers().entrySet()) {
            TriggerDef t = e.getValue();
            TriggerDef old = plan.from().triggers().get(e.getKey());
            boolean recreate = old == null || !old.definition().equals(t.definition());
            if (recreate) {
                plan.created("trigger " + e.getKey());
                plan.add(Ddl.of(t.definition()));
            }
            if ((recreate && !"ENABLED".equals(t.enabled())) || (!recreate && !old.enabled().equals(t.enabled()))) {
                String state = switch (t.enabled()) {
                    case "DISABLED" -> "DISABLE";
                    case "REPLICA" -> "ENABLE REPLICA";
                    case "ALWAYS" -> "ENABLE ALWAYS";
                    default -> "ENABLE";
                };
                plan.add(Ddl.of("ALTER TABLE " + Sql.fromDisplay(t.table()) + " " + state + " TRIGGER " + Sql.ident(t.name())));
            }
        }
    }
}
