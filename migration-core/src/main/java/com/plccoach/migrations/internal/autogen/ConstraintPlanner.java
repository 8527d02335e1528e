package com.plccoach.migrations.internal.autogen;

import com.plccoach.migrations.internal.catalog.ConstraintDef;
import com.plccoach.migrations.internal.catalog.TableDef;
import java.util.Map;

/**
 * Table constraints: dropped when they change or go, added (NOT VALID first where existing rows
 * would be checked under a lock), validated when only their validation changes. Trigger
 * constraints come with their triggers, and a partition's copies of its parent's with the partition.
 */
final class ConstraintPlanner {

    private final PlanDraft plan;

    ConstraintPlanner(PlanDraft plan) {
        this.plan = plan;
    }

    void dropChanged() {
        // foreign keys first: they may lean on a unique or primary key dropped next
        for (boolean foreign : new boolean[] {true, false}) {
            for (Map.Entry<String, TableDef> e : plan.from().tables().entrySet()) {
                TableDef next = plan.to().tables().get(e.getKey());
                for (ConstraintDef c : e.getValue().constraints().values()) {
                    if (isForeign(c) != foreign || "TRIGGER".equals(c.type()) || inherited(e.getValue(), c)) {
                        continue;
                    }
                    ConstraintDef wanted = next == null ? null : next.constraints().get(c.name());
                    boolean dropsWithTable = next == null && !foreign;
                    if (!dropsWithTable && (wanted == null || !sameBody(c, wanted) || (c.validated() && !wanted.validated()))) {
                        plan.add(Ddl.of("ALTER TABLE " + Sql.table(e.getValue()) + " DROP CONSTRAINT " + Sql.ident(c.name())));
                    }
                }
            }
        }
    }

    void addChanged() {
        for (boolean foreign : new boolean[] {false, true}) {
            for (Map.Entry<String, TableDef> e : plan.to().tables().entrySet()) {
                TableDef t = e.getValue();
                TableDef old = plan.from().tables().get(e.getKey());
                for (ConstraintDef c : t.constraints().values()) {
                    if (isForeign(c) != foreign || "TRIGGER".equals(c.type()) || inherited(t, c)) {
                        continue;
                    }
                    ConstraintDef was = old == null ? null : old.constraints().get(c.name());
                    if (was != null && sameBody(was, c) && (was.validated() || !c.validated())) {
                        if (!was.validated() && c.validated()) {
                            plan.add(Ddl.of("ALTER TABLE " + Sql.table(t) + " VALIDATE CONSTRAINT " + Sql.ident(c.name())));
                        }
                        continue;
                    }
                    add(t, c, old != null);
                }
            }
        }
    }

    private void add(TableDef t, ConstraintDef c, boolean tableExisted) {
        plan.created("constraint " + t.schema() + "." + t.name() + "." + c.name());
        String add = "ALTER TABLE " + Sql.table(t) + " ADD CONSTRAINT " + Sql.ident(c.name()) + " ";
        String body = body(c);
        boolean checked = isForeign(c) || "CHECK".equals(c.type());
        if (checked && !c.validated()) {
            plan.add(Ddl.of(add + body + " NOT VALID"));
        } else if (checked && tableExisted) {
            plan.add(Ddl.noted(add + body + " NOT VALID", (isForeign(c) ? "adding-foreign-key-constraint" : "constraint-missing-not-valid")
                    + ": NOT VALID here, VALIDATE in the transactional: false revision after this one, so existing rows are"
                    + " checked without blocking writes"));
            plan.add(Ddl.of("ALTER TABLE " + Sql.table(t) + " VALIDATE CONSTRAINT " + Sql.ident(c.name())));
        } else if (tableExisted && ("UNIQUE".equals(c.type()) || "PRIMARY KEY".equals(c.type()))) {
            plan.add(Ddl.noted(add + body, "disallowed-unique-constraint: builds its index under an ACCESS EXCLUSIVE lock; on a"
                    + " big table build it first with CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ... USING INDEX"));
        } else {
            plan.add(Ddl.of(add + body));
        }
    }

    private static boolean isForeign(ConstraintDef c) {
        return "FOREIGN KEY".equals(c.type());
    }

    /** A partition's copy of its parent's constraint comes with the partition. */
    private boolean inherited(TableDef t, ConstraintDef c) {
        if (t.partitionBound() == null) {
            return false;
        }
        String parent = t.partitionBound().split(" ", 2)[0];
        TableDef p = plan.to().tables().getOrDefault(Sql.keyOf(parent), plan.from().tables().get(Sql.keyOf(parent)));
        return p != null && p.constraints().values().stream().anyMatch(pc -> pc.definition().equals(c.definition()));
    }

    private static boolean sameBody(ConstraintDef a, ConstraintDef b) {
        return a.type().equals(b.type()) && body(a).equals(body(b));
    }

    /** pg_get_constraintdef without the NOT VALID it appends to an unvalidated constraint. */
    private static String body(ConstraintDef c) {
        String def = c.definition();
        return def.endsWith(" NOT VALID") ? def.substring(0, def.length() - " NOT VALID".length()) : def;
    }
}
