package com.plccoach.migrations.internal.autogen;

import com.plccoach.migrations.internal.catalog.ExtensionDef;
import com.plccoach.migrations.internal.catalog.SchemaDef;

/**
 * Schemas and the extensions installed into them: made before everything else, since any object
 * may live in the one or use the other, and dropped after everything else.
 */
final class SchemaPlanner {

    private final PlanDraft plan;

    SchemaPlanner(PlanDraft plan) {
        this.plan = plan;
    }

    void createAndUpdate() {
        for (SchemaDef s : plan.to().schemas().values()) {
            if (!plan.from().schemas().containsKey(s.name())) {
                plan.add(Ddl.of("CREATE SCHEMA " + Sql.ident(s.name())));
                plan.created("schema " + s.name());
            }
        }
        for (ExtensionDef x : plan.to().extensions().values()) {
            ExtensionDef old = plan.from().extensions().get(x.name());
            if (old == null) {
                plan.add(Ddl.of("CREATE EXTENSION IF NOT EXISTS " + Sql.ident(x.name()) + " WITH SCHEMA " + Sql.ident(x.schema())
                        + " VERSION " + Sql.literal(x.version())));
            } else if (!old.schema().equals(x.schema())) {
                plan.add(Ddl.of("ALTER EXTENSION " + Sql.ident(x.name()) + " SET SCHEMA " + Sql.ident(x.schema())));
            }
            if (old != null && !old.version().equals(x.version())) {
                plan.add(Ddl.of("ALTER EXTENSION " + Sql.ident(x.name()) + " UPDATE TO " + Sql.literal(x.version())));
            }
        }
    }

    void dropRemoved() {
        for (ExtensionDef x : plan.from().extensions().values()) {
            if (!plan.to().extensions().containsKey(x.name())) {
                plan.add(Ddl.of("DROP EXTENSION " + Sql.ident(x.name())));
            }
        }
        for (SchemaDef s : plan.from().schemas().values()) {
            if (!plan.to().schemas().containsKey(s.name())) {
                plan.add(Ddl.of("DROP SCHEMA " + Sql.ident(s.name())));
            }
        }
    }
}
