package com.plccoach.migrations.internal.autogen;

import com.plccoach.migrations.internal.catalog.ColumnDef;
import com.plccoach.migrations.internal.catalog.TableDef;
import com.plccoach.migrations.internal.catalog.ViewDef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Views and materialized views. A view that may read something that changes (a table, column,
 * type or function named in its definition, or another view being rebuilt) is dropped and created
 * again, because PostgreSQL refuses to alter what a view reads. Views are dropped dependents
 * first and created in the reverse order.
 */
final class ViewPlanner {

    private final PlanDraft plan;
    private final Set<String> rebuilt;

    ViewPlanner(PlanDraft plan) {
        this.plan = plan;
        this.rebuilt = toRebuild();
    }

    /** Keys of the views present before that are dropped: those that change, and those reading something that does. */
    Set<String> rebuilt() {
        return rebuilt;
    }

    private Set<String> toRebuild() {
        Set<String> touched = new TreeSet<>();
        for (Map.Entry<String, TableDef> e : plan.from().tables().entrySet()) {
            TableDef next = plan.to().tables().get(e.getKey());
            if (next == null || columnsRewritten(e.getValue(), next)) {
                touched.add(e.getValue().name());
            }
        }
        plan.from().types().forEach((k, t) -> {
            if (!t.equals(plan.to().types().get(k))) {
                touched.add(t.name());
            }
        });
        plan.from().functions().forEach((k, f) -> {
            if (!f.equals(plan.to().functions().get(k))) {
                touched.add(f.name());
            }
        });
        Set<String> changed = new TreeSet<>();
        plan.from().views().forEach((k, v) -> {
            ViewDef next = plan.to().views().get(k);
            if (next == null || !sameBody(v, next)) {
                changed.add(k);
                touched.add(v.name());
            }
        });
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<String, ViewDef> e : plan.from().views().entrySet()) {
                if (!changed.contains(e.getKey()) && mentionsAny(e.getValue(), touched)) {
                    changed.add(e.getKey());
                    touched.add(e.getValue().name());
                    grew = true;
                }
            }
        }
        return changed;
    }

    private static boolean sameBody(ViewDef a, ViewDef b) {
        return a.materialized() == b.materialized() && a.definition().equals(b.definition()) && a.columns().equals(b.columns())
                && a.options().equals(b.options());
    }

    /** A column dropped, or its type, collation or generation changed: PostgreSQL refuses that under a view. */
    private static boolean columnsRewritten(TableDef old, TableDef next) {
        for (ColumnDef c : old.columns()) {
            ColumnDef n = next.column(c.name());
            if (n == null || !n.type().equals(c.type()) || !Objects.equals(n.collation(), c.collation())
                    || TablePlanner.regenerated(c, n)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentionsAny(ViewDef view, Set<String> names) {
        String text = view.definition() + " " + String.join(" ", view.columns());
        for (String name : names) {
            if (Pattern.compile("(?<![A-Za-z0-9_$])" + Pattern.quote(name) + "(?![A-Za-z0-9_$])").matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    void dropRebuilt() {
        List<String> order = order(plan.from().views(), rebuilt);
        for (int i = order.size() - 1; i >= 0; i--) {
            ViewDef v = plan.from().views().get(order.get(i));
            plan.add(Ddl.of("DROP " + (v.materialized() ? "MATERIALIZED VIEW " : "VIEW ") + Sql.qualified(v.schema(), v.name())));
        }
    }

    void createAddedAndRebuilt() {
        Set<String> wanted = new TreeSet<>();
        plan.to().views().forEach((k, v) -> {
            if (!plan.from().views().containsKey(k) || rebuilt.contains(k)) {
                wanted.add(k);
            }
        });
        for (String key : order(plan.to().views(), wanted)) {
            ViewDef v = plan.to().views().get(key);
            plan.created("view " + key);
            String options = v.options().isEmpty() ? "" : " WITH (" + String.join(", ", v.options()) + ")";
            String body = v.definition().strip();
            if (body.endsWith(";")) {
                body = body.substring(0, body.length() - 1);
            }
            plan.add(Ddl.of("CREATE " + (v.materialized() ? "MATERIALIZED VIEW " : "VIEW ") + Sql.qualified(v.schema(), v.name())
                    + options + " AS\n" + body));
        }
    }

    /** The given views, each after the views its definition names. */
    private static List<String> order(Map<String, ViewDef> views, Set<String> keys) {
        List<String> order = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        for (String key : keys) {
            place(key, views, keys, placed, order, new TreeSet<>());
        }
        return order;
    }

    private static void place(String key, Map<String, ViewDef> views, Set<String> keys, Set<String> placed, List<String> order,
                              Set<String> visiting) {
        if (placed.contains(key) || !visiting.add(key)) {
            return;
        }
        ViewDef view = views.get(key);
        for (String other : keys) {
            if (!other.equals(key) && mentionsAny(view, Set.of(views.get(other).name()))) {
                place(other, views, keys, placed, order, visiting);
            }
        }
        placed.add(key);
        order.add(key);
    }
}
