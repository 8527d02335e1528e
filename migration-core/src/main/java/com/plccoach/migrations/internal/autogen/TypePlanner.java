package com.plccoach.migrations.internal.autogen;

import com.plccoach.migrations.internal.catalog.ColumnDef;
import com.plccoach.migrations.internal.catalog.TableDef;
import com.plccoach.migrations.internal.catalog.TypeDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Enums, domains and composite types: made before anything that uses them (enums first, since a
 * domain or composite may be built on one), altered in place where PostgreSQL can, and dropped
 * after their users, in the reverse order.
 */
final class TypePlanner {

    private final PlanDraft plan;
    /** Enums renamed aside by a rebuild: dropped with the leftovers, once no column uses them. */
    private final List<String> retiredTypes = new ArrayList<>();

    TypePlanner(PlanDraft plan) {
        this.plan = plan;
    }

    void createAndAlter() {
        for (TypeDef.Kind kind : List.of(TypeDef.Kind.ENUM, TypeDef.Kind.DOMAIN, TypeDef.Kind.COMPOSITE)) {
            for (Map.Entry<String, TypeDef> e : plan.to().types().entrySet()) {
                TypeDef t = e.getValue();
                if (t.typeKind() != kind) {
                    continue;
                }
                TypeDef old = plan.from().types().get(e.getKey());
                if (old == null) {
                    create(t);
                } else if (old.typeKind() != t.typeKind() || !Objects.equals(old.baseType(), t.baseType())) {
                    plan.add(Ddl.noted("DROP TYPE " + Sql.type(old), "the type changes kind or base type: it is dropped and made again"));
                    create(t);
                } else if (!old.equals(t)) {
                    alter(old, t);
                }
            }
        }
    }

    private void create(TypeDef t) {
        plan.created("type " + t.schema() + "." + t.name());
        switch (t.typeKind()) {
            case ENUM -> plan.add(Ddl.of("CREATE TYPE " + Sql.type(t) + " AS ENUM (" + String.join(", ",
                    t.elements().stream().map(Sql::literal).toList()) + ")"));
            case COMPOSITE -> plan.add(Ddl.of("CREATE TYPE " + Sql.type(t) + " AS (" + String.join(", ", t.elements()) + ")"));
            case DOMAIN -> {
                StringBuilder sql = new StringBuilder("CREATE DOMAIN " + Sql.type(t) + " AS " + t.baseType());
                if (t.defaultValue() != null) {
                    sql.append(" DEFAULT ").append(t.defaultValue());
                }
                if (t.notNull()) {
                    sql.append(" NOT NULL");
                }
                t.constraints().forEach((name, def) -> sql.append(" CONSTRAINT ").append(Sql.ident(name)).append(' ').append(def));
                plan.add(Ddl.of(sql.toString()));
            }
        }
    }

    private void alter(TypeDef old, TypeDef t) {
        String name = Sql.type(t);
        switch (t.typeKind()) {
            case ENUM -> alterEnum(old, t);
            case COMPOSITE -> {
                Map<String, String> was = attributes(old.elements());
                Map<String, String> now = attributes(t.elements());
                was.forEach((attr, def) -> {
                    if (!now.containsKey(attr)) {
                        plan.add(Ddl.of("ALTER TYPE " + name + " DROP ATTRIBUTE " + attr));
                    } else if (!now.get(attr).equals(def)) {
                        plan.add(Ddl.of("ALTER TYPE " + name + " ALTER ATTRIBUTE " + attr + " TYPE " + now.get(attr)));
                    }
                });
                now.forEach((attr, def) -> {
                    if (!was.containsKey(attr)) {
                        plan.add(Ddl.of("ALTER TYPE " + name + " ADD ATTRIBUTE " + attr + " " + def));
                    }
                });
            }
            case DOMAIN -> {
                if (!Objects.equals(old.defaultValue(), t.defaultValue())) {
                    plan.add(Ddl.of("ALTER DOMAIN " + name + (t.defaultValue() == null ? " DROP DEFAULT" : " SET DEFAULT " + t.defaultValue())));
                }
                if (old.notNull() != t.notNull()) {
                    plan.add(Ddl.of("ALTER DOMAIN " + name + (t.notNull() ? " SET NOT NULL" : " DROP NOT NULL")));
                }
                old.constraints().forEach((c, def) -> {
                    if (!def.equals(t.constraints().get(c))) {
                        plan.add(Ddl.of("ALTER DOMAIN " + name + " DROP CONSTRAINT " + Sql.ident(c)));
                    }
                });
                t.constraints().forEach((c, def) -> {
                    if (!def.equals(old.constraints().get(c))) {
                        plan.add(Ddl.of("ALTER DOMAIN " + name + " ADD CONSTRAINT " + Sql.ident(c) + " " + def));
                    }
                });
            }
        }
    }

    /** Labels only added, old order kept: ADD VALUE. Otherwise the type is made again and each column converted through text. */
    private void alterEnum(TypeDef old, TypeDef t) {
        List<String> labels = t.elements();
        if (labels.containsAll(old.elements()) && labels.stream().filter(old.elements()::contains).toList().equals(old.elements())) {
            for (int i = 0; i < labels.size(); i++) {
                String label = labels.get(i);
                if (!old.elements().contains(label)) {
                    String where = i == 0 ? " BEFORE " + Sql.literal(labels.get(1)) : " AFTER " + Sql.literal(labels.get(i - 1));
                    plan.add(Ddl.noted("ALTER TYPE " + Sql.type(t) + " ADD VALUE " + Sql.literal(label) + where,
                            i == 0 && old.elements().isEmpty() ? null : "new enum labels cannot be used in the transaction that adds them"));
                }
            }
            return;
        }
        String retired = t.name() + "__old";
        plan.add(Ddl.noted("ALTER TYPE " + Sql.type(t) + " RENAME TO " + Sql.ident(retired),
                "enum labels are removed or reordered: the type is made again and its columns converted through text"));
        create(t);
        convertColumns(t);
        retiredTypes.add(Sql.qualified(t.schema(), retired));
    }

    /**
     * Moves each kept column of the rebuilt enum to the new type; its default is dropped first, as it
     * holds the old type. A column's type reads as format_type prints it, which is how {@link Sql#type}
     * writes it: bare in public, which is on the search path, else qualified.
     */
    private void convertColumns(TypeDef t) {
        for (Map.Entry<String, TableDef> e : plan.from().tables().entrySet()) {
            TableDef next = plan.to().tables().get(e.getKey());
            if (next == null) {
                continue;
            }
            for (ColumnDef c : e.getValue().columns()) {
                ColumnDef n = next.column(c.name());
                boolean usesType = c.type().equals(Sql.type(t)) || c.type().equals(Sql.type(t) + "[]");
                if (n == null || !usesType || !n.type().equals(c.type())) {
                    continue;
                }
                String column = "ALTER TABLE " + Sql.table(next) + " ALTER COLUMN " + Sql.ident(c.name());
                if (c.defaultValue() != null) {
                    plan.add(Ddl.of(column + " DROP DEFAULT"));
                    plan.defaultDropped(c.displayName());
                }
                plan.add(Ddl.of(column + " TYPE " + c.type() + " USING " + Sql.ident(c.name()) + "::text::" + c.type()));
                if (c.defaultValue() != null && Objects.equals(n.defaultValue(), c.defaultValue())) {
                    plan.add(Ddl.of(column + " SET DEFAULT " + c.defaultValue()));
                }
            }
        }
    }

    private static Map<String, String> attributes(List<String> elements) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String element : elements) {
            int space = element.startsWith("\"") ? element.indexOf('"', 1) + 1 : element.indexOf(' ');
            map.put(element.substring(0, space), element.substring(space + 1));
        }
        return map;
    }

    void dropRemoved() {
        for (String retired : retiredTypes) {
            plan.add(Ddl.of("DROP TYPE " + retired));
        }
        for (TypeDef.Kind kind : List.of(TypeDef.Kind.COMPOSITE, TypeDef.Kind.DOMAIN, TypeDef.Kind.ENUM)) {
            for (Map.Entry<String, TypeDef> e : plan.from().types().entrySet()) {
                if (e.getValue().typeKind() == kind && !plan.to().types().containsKey(e.getKey())) {
                    plan.add(Ddl.of("DROP TYPE " + Sql.type(e.getValue())));
                }
            }
        }
    }
}
