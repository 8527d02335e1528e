package com.plccoach.migrations.internal.autogen;

import com.plccoach.migrations.internal.catalog.CatalogObject;
import com.plccoach.migrations.internal.catalog.ColumnDef;
import com.plccoach.migrations.internal.catalog.SchemaSnapshot;
import com.plccoach.migrations.internal.catalog.TableDef;
import com.plccoach.migrations.internal.catalog.TypeDef;
import java.util.Objects;

/**
 * COMMENT ON for every kind, last, once every object is there. An object this plan (re)created
 * has no comment yet, whatever its old self had, so its comment is set whenever it has one.
 */
final class CommentPlanner {

    private final PlanDraft plan;

    CommentPlanner(PlanDraft plan) {
        this.plan = plan;
    }

    void setChanged() {
        SchemaSnapshot from = plan.from();
        SchemaSnapshot to = plan.to();
        to.schemas().forEach((k, s) -> comment("schema " + k, from.schemas().get(k), s, "SCHEMA " + Sql.ident(s.name())));
        to.types().forEach((k, t) -> comment("type " + k, from.types().get(k), t,
                (t.typeKind() == TypeDef.Kind.DOMAIN ? "DOMAIN " : "TYPE ") + Sql.type(t)));
        to.sequences().forEach((k, s) -> comment("sequence " + k, from.sequences().get(k), s,
                "SEQUENCE " + Sql.qualified(s.schema(), s.name())));
        to.tables().forEach((k, t) -> {
            TableDef old = from.tables().get(k);
            comment("table " + k, old, t, "TABLE " + Sql.table(t));
            for (ColumnDef c : t.columns()) {
                comment("column " + c.displayName(), old == null ? null : old.column(c.name()), c,
                        "COLUMN " + Sql.table(t) + "." + Sql.ident(c.name()));
            }
            t.constraints().forEach((name, c) -> comment("constraint " + k + "." + name,
                    old == null ? null : old.constraints().get(name), c, "CONSTRAINT " + Sql.ident(name) + " ON " + Sql.table(t)));
        });
        to.indexes().forEach((k, i) -> comment("index " + k, from.indexes().get(k), i, "INDEX " + Sql.qualified(i.schema(), i.name())));
        to.views().forEach((k, v) -> comment("view " + k, from.views().get(k), v,
                (v.materialized() ? "MATERIALIZED VIEW " : "VIEW ") + Sql.qualified(v.schema(), v.name())));
        to.functions().forEach((k, f) -> comment("function " + k, from.functions().get(k), f, Sql.routine(f)));
        to.triggers().forEach((k, t) -> comment("trigger " + k, from.triggers().get(k), t,
                "TRIGGER " + Sql.ident(t.name()) + " ON " + Sql.fromDisplay(t.table())));
    }

    private void comment(String key, CatalogObject old, CatalogObject now, String target) {
        Object wanted = now.properties().get("comment");
        boolean fresh = old == null || plan.isCreated(key);
        Object had = fresh ? null : old.properties().get("comment");
        if (!Objects.equals(wanted, had)) {
            plan.add(Ddl.of("COMMENT ON " + target + " IS " + Sql.literal((String) wanted)));
        }
    }
}
