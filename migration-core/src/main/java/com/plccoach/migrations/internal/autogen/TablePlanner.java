package com.plccoach.migrations.internal.autogen;

import com.plccoach.migrations.internal.catalog.ColumnDef;
import com.plccoach.migrations.internal.catalog.SchemaSnapshot;
import com.plccoach.migrations.internal.catalog.TableDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Tables and their columns: dropped, created, and altered in place. A column that vanishes is
 * dropped, never renamed, since nothing in two snapshots tells a rename from a drop and an add.
 */
final class TablePlanner {

    private final PlanDraft plan;

    TablePlanner(PlanDraft plan) {
        this.plan = plan;
    }

    void dropRemoved() {
        // partitions before their parents; foreign keys between dropped tables went with the constraints
        List<TableDef> dropped = onlyIn(plan.from(), plan.to());
        dropped.sort((a, b) -> Boolean.compare(b.partitionBound() != null, a.partitionBound() != null));
        for (TableDef t : dropped) {
            plan.add(Ddl.noted("DROP TABLE " + Sql.table(t), "ban-drop-table: " + t.displayName() + " is not in the target schema;"
                    + " drop it once no running code uses it"));
        }
    }

    void createAdded() {
        List<TableDef> added = onlyIn(plan.to(), plan.from());
        // parents before partitions
        added.sort((a, b) -> Boolean.compare(a.partitionBound() != null, b.partitionBound() != null));
        for (TableDef t : added) {
            plan.created("table " + t.schema() + "." + t.name());
            t.columns().forEach(c -> plan.created("column " + c.displayName()));
            StringBuilder sql = new StringBuilder("CREATE " + (t.unlogged() ? "UNLOGGED " : "") + "TABLE " + Sql.table(t));
            if (t.partitionBound() != null) {
                sql.append(" PARTITION OF ").append(t.partitionBound());
            } else {
                sql.append(" (");
                for (int i = 0; i < t.columns().size(); i++) {
                    sql.append(i == 0 ? "\n    " : ",\n    ").append(columnDefinition(t.columns().get(i)));
                }
                sql.append("\n)");
            }
            if (t.partitioned()) {
                sql.append(" PARTITION BY ").append(t.partitionKey());
            }
            if (!t.options().isEmpty()) {
                sql.append(" WITH (").append(String.join(", ", t.options())).append(')');
            }
            plan.add(Ddl.of(sql.toString()));
            if (t.rowSecurity()) {
                plan.add(Ddl.of("ALTER TABLE " + Sql.table(t) + " ENABLE ROW LEVEL SECURITY"));
            }
        }
    }

    /** The tables of one snapshot that the other lacks, in key order. */
    private static List<TableDef> onlyIn(SchemaSnapshot side, SchemaSnapshot other) {
        List<TableDef> tables = new ArrayList<>();
        side.tables().forEach((k, t) -> {
            if (!other.tables().containsKey(k)) {
                tables.add(t);
            }
        });
        return tables;
    }

    private static String columnDefinition(ColumnDef c) {
        StringBuilder sql = new StringBuilder(Sql.ident(c.name()) + " " + c.type());
        if (c.collation() != null) {
            sql.append(" COLLATE ").append(Sql.ident(c.collation()));
        }
        if (c.generated() != null) {
            sql.append(" GENERATED ALWAYS AS (").append(c.defaultValue()).append(") STORED");
        } else if (c.defaultValue() != null) {
            sql.append(" DEFAULT ").append(c.defaultValue());
        }
        if (c.identity() != null) {
            sql.append(" GENERATED ").append(c.identity()).append(" AS IDENTITY");
        }
        if (c.notNull()) {
            sql.append(" NOT NULL");
        }
        return sql.toString();
    }

    void alterKept() {
        for (Map.Entry<String, TableDef> e : plan.to().tables().entrySet()) {
            TableDef old = plan.from().tables().get(e.getKey());
            if (old != null) {
                alterTable(old, e.getValue());
            }
        }
    }

    private void alterTable(TableDef old, TableDef t) {
        String alter = "ALTER TABLE " + Sql.table(t);
        if (old.unlogged() != t.unlogged()) {
            plan.add(Ddl.of(alter + (t.unlogged() ? " SET UNLOGGED" : " SET LOGGED")));
        }
        if (old.rowSecurity() != t.rowSecurity()) {
            plan.add(Ddl.of(alter + (t.rowSecurity() ? " ENABLE" : " DISABLE") + " ROW LEVEL SECURITY"));
        }
        if (!old.options().equals(t.options())) {
            List<String> reset = old.options().stream().map(o -> o.substring(0, o.indexOf('=')))
                    .filter(k -> t.options().stream().noneMatch(o -> o.startsWith(k + "="))).toList();
            if (!reset.isEmpty()) {
                plan.add(Ddl.of(alter + " RESET (" + String.join(", ", reset) + ")"));
            }
            if (!t.options().isEmpty()) {
                plan.add(Ddl.of(alter + " SET (" + String.join(", ", t.options()) + ")"));
            }
        }
        if (t.partitionBound() != null) {
            return; // a partition's columns are its parent's
        }
        for (ColumnDef c : old.columns()) {
            ColumnDef n = t.column(c.name());
            if (n == null) {
                plan.add(Ddl.noted(alter + " DROP COLUMN " + Sql.ident(c.name()),
                        "ban-drop-column: column " + c.displayName() + " is not in the target schema: dropped, not renamed"));
            } else if (regenerated(c, n)) {
                plan.add(Ddl.noted(alter + " DROP COLUMN " + Sql.ident(c.name()),
                        "ban-drop-column: a generation expression cannot be altered in place: the column is dropped and"
                                + " added again"));
            }
        }
        for (ColumnDef n : t.columns()) {
            ColumnDef c = old.column(n.name());
            if (c == null || regenerated(c, n)) {
                String note = n.notNull() && n.defaultValue() == null && n.identity() == null
                        ? "NOT NULL without a default fails if " + t.displayName() + " has rows: give it a default first" : null;
                plan.add(Ddl.noted(alter + " ADD COLUMN " + columnDefinition(n), note));
                plan.created("column " + n.displayName());
            } else if (!c.equals(n)) {
                alterColumn(alter + " ALTER COLUMN " + Sql.ident(n.name()), c, n);
            }
        }
    }

    /** Generated on one side only, or by another expression: PostgreSQL cannot alter that in place. */
    static boolean regenerated(ColumnDef old, ColumnDef next) {
        return !Objects.equals(next.generated(), old.generated())
                || (next.generated() != null && !Objects.equals(next.defaultValue(), old.defaultValue()));
    }

    private void alterColumn(String alter, ColumnDef c, ColumnDef n) {
        boolean retyped = !c.type().equals(n.type()) || !Objects.equals(c.collation(), n.collation());
        boolean defaultChanges = !Objects.equals(c.defaultValue(), n.defaultValue());
        if (c.identity() != null && n.identity() == null) {
            plan.add(Ddl.of(alter + " DROP IDENTITY"));
        }
        if (c.defaultValue() != null && (defaultChanges || retyped) && c.identity() == null
                && !plan.isDefaultDropped(c.displayName())) {
            plan.add(Ddl.of(alter + " DROP DEFAULT"));
        }
        if (retyped) {
            plan.add(Ddl.noted(alter + " TYPE " + n.type() + (n.collation() == null ? "" : " COLLATE " + Sql.ident(n.collation()))
                    + " USING " + Sql.ident(n.name()) + "::" + n.type(), "changing-column-type: rewrites the table and its indexes under an ACCESS EXCLUSIVE lock"
                    + " unless the new type is binary compatible (varchar(n) to text or a larger varchar)"));
        }
        if (n.defaultValue() != null && (defaultChanges || retyped)) {
            plan.add(Ddl.of(alter + " SET DEFAULT " + n.defaultValue()));
        }
        if (c.notNull() && !n.notNull()) {
            plan.add(Ddl.of(alter + " DROP NOT NULL"));
        } else if (!c.notNull() && n.notNull()) {
            plan.add(Ddl.noted(alter + " SET NOT NULL", "adding-not-nullable-field: scans the table under an ACCESS EXCLUSIVE lock; fails if a row"
                    + " holds NULL"));
        }
        if (c.identity() == null && n.identity() != null) {
            plan.add(Ddl.of(alter + " ADD GENERATED " + n.identity() + " AS IDENTITY"));
        } else if (c.identity() != null && n.identity() != null && !c.identity().equals(n.identity())) {
            plan.add(Ddl.of(alter + " SET GENERATED " + n.identity()));
        }
    }
}
