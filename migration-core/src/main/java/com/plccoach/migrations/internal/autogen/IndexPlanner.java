package com.plccoach.migrations.internal.autogen;

import com.plccoach.migrations.internal.catalog.IndexDef;
import com.plccoach.migrations.internal.catalog.TableDef;
import java.util.Map;
import java.util.Set;

/**
 * Indexes of their own: an index behind a constraint comes and goes with the constraint, and one
 * on a dropped table or rebuilt view goes with its owner. An index made on a table that already
 * exists is marked, so {@link Autogenerator} can move it to a revision that builds it CONCURRENTLY.
 */
final class IndexPlanner {

    private final PlanDraft plan;

    IndexPlanner(PlanDraft plan) {
        this.plan = plan;
    }

    void dropChanged(Set<String> rebuiltViews) {
        for (Map.Entry<String, IndexDef> e : plan.from().indexes().entrySet()) {
            IndexDef old = e.getValue();
            IndexDef next = plan.to().indexes().get(e.getKey());
            String owner = Sql.keyOf(old.table());
            boolean ownerGoes = !plan.to().tables().containsKey(owner) && plan.from().tables().containsKey(owner)
                    || rebuiltViews.contains(owner);
            if (old.constraint() != null || ownerGoes) {
                continue;
            }
            if (next == null || !next.definition().equals(old.definition()) || next.constraint() != null) {
                plan.add(new Ddl("DROP INDEX " + Sql.qualified(old.schema(), old.name()), null, null, e.getKey()));
            }
        }
    }

    void createChanged(Set<String> rebuiltViews) {
        for (Map.Entry<String, IndexDef> e : plan.to().indexes().entrySet()) {
            IndexDef index = e.getValue();
            IndexDef old = plan.from().indexes().get(e.getKey());
            String owner = Sql.keyOf(index.table());
            boolean ownerRebuilt = rebuiltViews.contains(owner)
                    || (!plan.from().tables().containsKey(owner) && !plan.from().views().containsKey(owner));
            if (index.constraint() != null) {
                continue;
            }
            boolean same = old != null && old.definition().equals(index.definition()) && old.constraint() == null;
            if (same && !ownerRebuilt) {
                continue;
            }
            plan.created("index " + e.getKey());
            TableDef existing = plan.from().tables().get(owner);
            boolean onExistingTable = existing != null && plan.to().tables().containsKey(owner) && !existing.partitioned()
                    && existing.partitionBound() == null;
            plan.add(new Ddl(index.definition(), null, onExistingTable ? e.getKey() : null, null));
        }
    }
}
