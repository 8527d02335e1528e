package com.plccoach.migrations.internal.autogen;

import com.plccoach.migrations.internal.catalog.CatalogObject;
import com.plccoach.migrations.internal.catalog.ColumnDef;
import com.plccoach.migrations.internal.catalog.ConstraintDef;
import com.plccoach.migrations.internal.catalog.ExtensionDef;
import com.plccoach.migrations.internal.catalog.FunctionDef;
import com.plccoach.migrations.internal.catalog.IndexDef;
import com.plccoach.migrations.internal.catalog.SchemaDef;
import com.plccoach.migrations.internal.catalog.SchemaSnapshot;
import com.plccoach.migrations.internal.catalog.SequenceDef;
import com.plccoach.migrations.internal.catalog.TableDef;
import com.plccoach.migrations.internal.catalog.TriggerDef;
import com.plccoach.migrations.internal.catalog.TypeDef;
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
 * The statements that turn one schema into another, in an order PostgreSQL accepts: first what
 * depends on others goes away (triggers, views, foreign keys, constraints, indexes, tables), then
 * what others depend on is made (schemas, extensions, types, sequences, functions, tables,
 * columns), then what depends on it (constraints, foreign keys, views, indexes, triggers), then
 * the leftovers are dropped (functions, sequences, types, extensions, schemas), then comments.
 * The same planner run the other way round gives the down part.
 *
 * <p>Views that may read something that changes (a table, column, type or function named in
 * their definition, or another view being rebuilt) are dropped and created again, because
 * PostgreSQL refuses to alter what a view reads. A column that vanishes is dropped, never renamed.
 */
final class MigrationPlanner {

    private static final Pattern SQL_LANGUAGE = Pattern.compile("(?im)^\\s*LANGUAGE\\s+sql\\b");
    private static final Pattern RETURNS = Pattern.compile("(?m)^\\s*RETURNS\\s+(.*)$");

    private final SchemaSnapshot from;
    private final SchemaSnapshot to;
    private final List<Ddl> out = new ArrayList<>();
    /** Keys of objects (re)created by this plan: their comments are set whatever the old ones were. */
    private final Set<String> created = new TreeSet<>();

    private MigrationPlanner(SchemaSnapshot from, SchemaSnapshot to) {
        this.from = from;
        this.to = to;
    }

    static List<Ddl> plan(SchemaSnapshot from, SchemaSnapshot to) {
        MigrationPlanner planner = new MigrationPlanner(from, to);
        planner.build();
        return List.copyOf(planner.out);
    }

    private void build() {
        Set<String> rebuiltViews = viewsToRebuild();
        dropTriggers();
        dropViews(rebuiltViews);
        dropConstraints();
        dropIndexes(rebuiltViews);
        dropTables();
        createSchemasAndExtensions();
        createAndAlterTypes();
        createAndAlterSequences();
        createFunctions(false);
        createTables();
        alterTables();
        createFunctions(true);
        ownSequences();
        addConstraints();
        createViews(rebuiltViews);
        createIndexes(rebuiltViews);
        dropFunctions();
        dropSequences();
        dropTypes();
        dropExtensionsAndSchemas();
        createTriggers();
        comments();
    }

    // ---------------------------------------------------------------- drops of dependents

    private void dropTriggers() {
        for (Map.Entry<String, TriggerDef> e : from.triggers().entrySet()) {
            TriggerDef next = to.triggers().get(e.getKey());
            TriggerDef old = e.getValue();
            if (next == null || !next.definition().equals(old.definition())) {
                out.add(Ddl.of("DROP TRIGGER " + Sql.ident(old.name()) + " ON " + Sql.fromDisplay(old.table())));
            }
        }
    }

    /** Views present on both sides that must be dropped and created again, and every view that changes. */
    private Set<String> viewsToRebuild() {
        Set<String> touched = new TreeSet<>();
        for (Map.Entry<String, TableDef> e : from.tables().entrySet()) {
            TableDef next = to.tables().get(e.getKey());
            if (next == null || columnsRewritten(e.getValue(), next)) {
                touched.add(e.getValue().name());
            }
        }
        from.types().forEach((k, t) -> {
            if (!t.equals(to.types().get(k))) {
                touched.add(t.name());
            }
        });
        from.functions().forEach((k, f) -> {
            if (!f.equals(to.functions().get(k))) {
                touched.add(f.name());
            }
        });
        Set<String> rebuilt = new TreeSet<>();
        from.views().forEach((k, v) -> {
            ViewDef next = to.views().get(k);
            if (next == null || !sameViewBody(v, next)) {
                rebuilt.add(k);
                touched.add(v.name());
            }
        });
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<String, ViewDef> e : from.views().entrySet()) {
                if (!rebuilt.contains(e.getKey()) && mentionsAny(e.getValue(), touched)) {
                    rebuilt.add(e.getKey());
                    touched.add(e.getValue().name());
                    grew = true;
                }
            }
        }
        return rebuilt;
    }

    private static boolean sameViewBody(ViewDef a, ViewDef b) {
        return a.materialized() == b.materialized() && a.definition().equals(b.definition()) && a.columns().equals(b.columns())
                && a.options().equals(b.options());
    }

    /** A column dropped, or its type, collation or generation changed: PostgreSQL refuses that under a view. */
    private static boolean columnsRewritten(TableDef old, TableDef next) {
        for (ColumnDef c : old.columns()) {
            ColumnDef n = next.column(c.name());
            if (n == null || !n.type().equals(c.type()) || !Objects.equals(n.collation(), c.collation())
                    || !Objects.equals(n.generated(), c.generated())
                    || (c.generated() != null && !Objects.equals(c.defaultValue(), n.defaultValue()))) {
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

    private void dropViews(Set<String> rebuilt) {
        List<String> order = viewOrder(from.views(), rebuilt);
        for (int i = order.size() - 1; i >= 0; i--) {
            ViewDef v = from.views().get(order.get(i));
            out.add(Ddl.of("DROP " + (v.materialized() ? "MATERIALIZED VIEW " : "VIEW ") + Sql.qualified(v.schema(), v.name())));
        }
    }

    /** The given views, each after the views its definition names. */
    private static List<String> viewOrder(Map<String, ViewDef> views, Set<String> keys) {
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

    private void dropConstraints() {
        // foreign keys first: they may lean on a unique or primary key dropped next
        for (boolean foreign : new boolean[] {true, false}) {
            for (Map.Entry<String, TableDef> e : from.tables().entrySet()) {
                TableDef next = to.tables().get(e.getKey());
                for (ConstraintDef c : e.getValue().constraints().values()) {
                    if (isForeign(c) != foreign || "TRIGGER".equals(c.type()) || inherited(e.getValue(), c)) {
                        continue;
                    }
                    ConstraintDef wanted = next == null ? null : next.constraints().get(c.name());
                    boolean dropsWithTable = next == null && !foreign;
                    if (!dropsWithTable && (wanted == null || !sameConstraintBody(c, wanted) || (c.validated() && !wanted.validated()))) {
                        out.add(Ddl.of("ALTER TABLE " + table(e.getValue()) + " DROP CONSTRAINT " + Sql.ident(c.name())));
                    }
                }
            }
        }
    }

    private void dropIndexes(Set<String> rebuiltViews) {
        for (Map.Entry<String, IndexDef> e : from.indexes().entrySet()) {
            IndexDef old = e.getValue();
            IndexDef next = to.indexes().get(e.getKey());
            String owner = Sql.keyOf(old.table());
            boolean ownerGoes = !to.tables().containsKey(owner) && from.tables().containsKey(owner) || rebuiltViews.contains(owner);
            if (old.constraint() != null || ownerGoes) {
                continue;
            }
            if (next == null || !next.definition().equals(old.definition()) || next.constraint() != null) {
                out.add(new Ddl("DROP INDEX " + Sql.qualified(old.schema(), old.name()), null, null, e.getKey()));
            }
        }
    }

    private void dropTables() {
        // partitions before their parents; foreign keys between dropped tables went with dropConstraints
        List<TableDef> dropped = new ArrayList<>();
        from.tables().forEach((k, t) -> {
            if (!to.tables().containsKey(k)) {
                dropped.add(t);
            }
        });
        dropped.sort((a, b) -> Boolean.compare(b.partitionBound() != null, a.partitionBound() != null));
        for (TableDef t : dropped) {
            out.add(Ddl.noted("DROP TABLE " + table(t), "ban-drop-table: " + t.displayName() + " is not in the target schema;"
                    + " drop it once no running code uses it"));
        }
    }

    // ---------------------------------------------------------------- creations of what others need

    private void createSchemasAndExtensions() {
        for (SchemaDef s : to.schemas().values()) {
            if (!from.schemas().containsKey(s.name())) {
                out.add(Ddl.of("CREATE SCHEMA " + Sql.ident(s.name())));
                created.add("schema " + s.name());
            }
        }
        for (ExtensionDef x : to.extensions().values()) {
            ExtensionDef old = from.extensions().get(x.name());
            if (old == null) {
                out.add(Ddl.of("CREATE EXTENSION IF NOT EXISTS " + Sql.ident(x.name()) + " WITH SCHEMA " + Sql.ident(x.schema())
                        + " VERSION " + Sql.literal(x.version())));
            } else if (!old.schema().equals(x.schema())) {
                out.add(Ddl.of("ALTER EXTENSION " + Sql.ident(x.name()) + " SET SCHEMA " + Sql.ident(x.schema())));
            }
            if (old != null && !old.version().equals(x.version())) {
                out.add(Ddl.of("ALTER EXTENSION " + Sql.ident(x.name()) + " UPDATE TO " + Sql.literal(x.version())));
            }
        }
    }

    private void createAndAlterTypes() {
        for (TypeDef.Kind kind : List.of(TypeDef.Kind.ENUM, TypeDef.Kind.DOMAIN, TypeDef.Kind.COMPOSITE)) {
            for (Map.Entry<String, TypeDef> e : to.types().entrySet()) {
                TypeDef t = e.getValue();
                if (t.typeKind() != kind) {
                    continue;
                }
                TypeDef old = from.types().get(e.getKey());
                if (old == null) {
                    createType(t);
                } else if (old.typeKind() != t.typeKind() || !Objects.equals(old.baseType(), t.baseType())) {
                    out.add(Ddl.noted("DROP TYPE " + type(old), "the type changes kind or base type: it is dropped and made again"));
                    createType(t);
                } else if (!old.equals(t)) {
                    alterType(old, t);
                }
            }
        }
    }

    private void createType(TypeDef t) {
        created.add("type " + t.schema() + "." + t.name());
        switch (t.typeKind()) {
            case ENUM -> out.add(Ddl.of("CREATE TYPE " + type(t) + " AS ENUM (" + String.join(", ",
                    t.elements().stream().map(Sql::literal).toList()) + ")"));
            case COMPOSITE -> out.add(Ddl.of("CREATE TYPE " + type(t) + " AS (" + String.join(", ", t.elements()) + ")"));
            case DOMAIN -> {
                StringBuilder sql = new StringBuilder("CREATE DOMAIN " + type(t) + " AS " + t.baseType());
                if (t.defaultValue() != null) {
                    sql.append(" DEFAULT ").append(t.defaultValue());
                }
                if (t.notNull()) {
                    sql.append(" NOT NULL");
                }
                t.constraints().forEach((name, def) -> sql.append(" CONSTRAINT ").append(Sql.ident(name)).append(' ').append(def));
                out.add(Ddl.of(sql.toString()));
            }
        }
    }

    private void alterType(TypeDef old, TypeDef t) {
        String name = type(t);
        switch (t.typeKind()) {
            case ENUM -> alterEnum(old, t);
            case COMPOSITE -> {
                Map<String, String> was = attributes(old.elements());
                Map<String, String> now = attributes(t.elements());
                was.forEach((attr, def) -> {
                    if (!now.containsKey(attr)) {
                        out.add(Ddl.of("ALTER TYPE " + name + " DROP ATTRIBUTE " + attr));
                    } else if (!now.get(attr).equals(def)) {
                        out.add(Ddl.of("ALTER TYPE " + name + " ALTER ATTRIBUTE " + attr + " TYPE " + now.get(attr)));
                    }
                });
                now.forEach((attr, def) -> {
                    if (!was.containsKey(attr)) {
                        out.add(Ddl.of("ALTER TYPE " + name + " ADD ATTRIBUTE " + attr + " " + def));
                    }
                });
            }
            case DOMAIN -> {
                if (!Objects.equals(old.defaultValue(), t.defaultValue())) {
                    out.add(Ddl.of("ALTER DOMAIN " + name + (t.defaultValue() == null ? " DROP DEFAULT" : " SET DEFAULT " + t.defaultValue())));
                }
                if (old.notNull() != t.notNull()) {
                    out.add(Ddl.of("ALTER DOMAIN " + name + (t.notNull() ? " SET NOT NULL" : " DROP NOT NULL")));
                }
                old.constraints().forEach((c, def) -> {
                    if (!def.equals(t.constraints().get(c))) {
                        out.add(Ddl.of("ALTER DOMAIN " + name + " DROP CONSTRAINT " + Sql.ident(c)));
                    }
                });
                t.constraints().forEach((c, def) -> {
                    if (!def.equals(old.constraints().get(c))) {
                        out.add(Ddl.of("ALTER DOMAIN " + name + " ADD CONSTRAINT " + Sql.ident(c) + " " + def));
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
                    out.add(Ddl.noted("ALTER TYPE " + type(t) + " ADD VALUE " + Sql.literal(label) + where,
                            i == 0 && old.elements().isEmpty() ? null : "new enum labels cannot be used in the transaction that adds them"));
                }
            }
            return;
        }
        String retired = t.name() + "__old";
        out.add(Ddl.noted("ALTER TYPE " + type(t) + " RENAME TO " + Sql.ident(retired),
                "enum labels are removed or reordered: the type is made again and its columns converted through text"));
        createType(t);
        for (Map.Entry<String, TableDef> e : from.tables().entrySet()) {
            TableDef next = to.tables().get(e.getKey());
            if (next == null) {
                continue;
            }
            for (ColumnDef c : e.getValue().columns()) {
                ColumnDef n = next.column(c.name());
                boolean usesType = c.type().equals(typeName(t)) || c.type().equals(typeName(t) + "[]");
                if (n == null || !usesType || !n.type().equals(c.type())) {
                    continue;
                }
                String column = "ALTER TABLE " + table(next) + " ALTER COLUMN " + Sql.ident(c.name());
                if (c.defaultValue() != null) {
                    out.add(Ddl.of(column + " DROP DEFAULT"));
                    defaultsDropped.add(c.displayName());
                }
                out.add(Ddl.of(column + " TYPE " + c.type() + " USING " + Sql.ident(c.name()) + "::text::" + c.type()));
                if (c.defaultValue() != null && Objects.equals(n.defaultValue(), c.defaultValue())) {
                    out.add(Ddl.of(column + " SET DEFAULT " + c.defaultValue()));
                }
            }
        }
        retiredTypes.add((("public".equals(t.schema())) ? "" : Sql.ident(t.schema()) + ".") + Sql.ident(retired));
    }

    private final List<String> retiredTypes = new ArrayList<>();
    /** Columns whose default an enum rebuild already dropped. */
    private final Set<String> defaultsDropped = new TreeSet<>();

    private static Map<String, String> attributes(List<String> elements) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (String element : elements) {
            int space = element.startsWith("\"") ? element.indexOf('"', 1) + 1 : element.indexOf(' ');
            map.put(element.substring(0, space), element.substring(space + 1));
        }
        return map;
    }

    private void createAndAlterSequences() {
        for (Map.Entry<String, SequenceDef> e : to.sequences().entrySet()) {
            SequenceDef s = e.getValue();
            SequenceDef old = from.sequences().get(e.getKey());
            String options = " AS " + s.dataType() + " INCREMENT BY " + s.increment() + " MINVALUE " + s.min() + " MAXVALUE " + s.max()
                    + " START WITH " + s.start() + " CACHE " + s.cache() + (s.cycle() ? " CYCLE" : " NO CYCLE");
            if (old == null) {
                out.add(Ddl.of("CREATE SEQUENCE " + Sql.qualified(s.schema(), s.name()) + options));
                created.add("sequence " + e.getKey());
            } else if (!sameSequenceOptions(old, s)) {
                out.add(Ddl.of("ALTER SEQUENCE " + Sql.qualified(s.schema(), s.name()) + options));
            }
        }
    }

    private static boolean sameSequenceOptions(SequenceDef a, SequenceDef b) {
        return a.dataType().equals(b.dataType()) && a.start() == b.start() && a.increment() == b.increment() && a.min() == b.min()
                && a.max() == b.max() && a.cache() == b.cache() && a.cycle() == b.cycle();
    }

    /** SQL-language bodies are checked against the tables they read, so they come after the tables; others before. */
    private void createFunctions(boolean sqlLanguage) {
        for (Map.Entry<String, FunctionDef> e : to.functions().entrySet()) {
            FunctionDef f = e.getValue();
            if (SQL_LANGUAGE.matcher(f.definition()).find() != sqlLanguage || "aggregate".equals(f.functionKind())) {
                continue;
            }
            FunctionDef old = from.functions().get(e.getKey());
            if (old != null && old.definition().equals(f.definition())) {
                continue;
            }
            if (old != null && !returns(old).equals(returns(f))) {
                out.add(Ddl.noted("DROP " + routine(old), "the result type changes, which CREATE OR REPLACE cannot do"));
            }
            out.add(Ddl.of(f.definition().strip()));
        }
    }

    private static String returns(FunctionDef f) {
        var m = RETURNS.matcher(f.definition());
        return m.find() ? m.group(1).strip() : "";
    }

    // ---------------------------------------------------------------- tables and columns

    private void createTables() {
        List<TableDef> added = new ArrayList<>();
        to.tables().forEach((k, t) -> {
            if (!from.tables().containsKey(k)) {
                added.add(t);
            }
        });
        // parents before partitions
        added.sort((a, b) -> Boolean.compare(a.partitionBound() != null, b.partitionBound() != null));
        for (TableDef t : added) {
            created.add("table " + t.schema() + "." + t.name());
            t.columns().forEach(c -> created.add("column " + c.displayName()));
            StringBuilder sql = new StringBuilder("CREATE " + (t.unlogged() ? "UNLOGGED " : "") + "TABLE " + table(t));
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
            out.add(Ddl.of(sql.toString()));
            if (t.rowSecurity()) {
                out.add(Ddl.of("ALTER TABLE " + table(t) + " ENABLE ROW LEVEL SECURITY"));
            }
        }
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

    private void alterTables() {
        for (Map.Entry<String, TableDef> e : to.tables().entrySet()) {
            TableDef old = from.tables().get(e.getKey());
            if (old != null) {
                alterTable(old, e.getValue());
            }
        }
    }

    private void alterTable(TableDef old, TableDef t) {
        String alter = "ALTER TABLE " + table(t);
        if (old.unlogged() != t.unlogged()) {
            out.add(Ddl.of(alter + (t.unlogged() ? " SET UNLOGGED" : " SET LOGGED")));
        }
        if (old.rowSecurity() != t.rowSecurity()) {
            out.add(Ddl.of(alter + (t.rowSecurity() ? " ENABLE" : " DISABLE") + " ROW LEVEL SECURITY"));
        }
        if (!old.options().equals(t.options())) {
            List<String> reset = old.options().stream().map(o -> o.substring(0, o.indexOf('=')))
                    .filter(k -> t.options().stream().noneMatch(o -> o.startsWith(k + "="))).toList();
            if (!reset.isEmpty()) {
                out.add(Ddl.of(alter + " RESET (" + String.join(", ", reset) + ")"));
            }
            if (!t.options().isEmpty()) {
                out.add(Ddl.of(alter + " SET (" + String.join(", ", t.options()) + ")"));
            }
        }
        if (t.partitionBound() != null) {
            return; // a partition's columns are its parent's
        }
        for (ColumnDef c : old.columns()) {
            ColumnDef n = t.column(c.name());
            boolean regenerated = n != null && (!Objects.equals(n.generated(), c.generated())
                    || (n.generated() != null && !Objects.equals(n.defaultValue(), c.defaultValue())));
            if (n == null) {
                out.add(Ddl.noted(alter + " DROP COLUMN " + Sql.ident(c.name()),
                        "ban-drop-column: column " + c.displayName() + " is not in the target schema: dropped, not renamed"));
            } else if (regenerated) {
                out.add(Ddl.noted(alter + " DROP COLUMN " + Sql.ident(c.name()),
                        "ban-drop-column: a generation expression cannot be altered in place: the column is dropped and"
                                + " added again"));
            }
        }
        for (ColumnDef n : t.columns()) {
            ColumnDef c = old.column(n.name());
            boolean regenerated = c != null && (!Objects.equals(n.generated(), c.generated())
                    || (n.generated() != null && !Objects.equals(n.defaultValue(), c.defaultValue())));
            if (c == null || regenerated) {
                String note = n.notNull() && n.defaultValue() == null && n.identity() == null
                        ? "NOT NULL without a default fails if " + t.displayName() + " has rows: give it a default first" : null;
                out.add(Ddl.noted(alter + " ADD COLUMN " + columnDefinition(n), note));
                created.add("column " + n.displayName());
            } else if (!c.equals(n)) {
                alterColumn(alter + " ALTER COLUMN " + Sql.ident(n.name()), c, n);
            }
        }
    }

    private void alterColumn(String alter, ColumnDef c, ColumnDef n) {
        boolean retyped = !c.type().equals(n.type()) || !Objects.equals(c.collation(), n.collation());
        boolean defaultChanges = !Objects.equals(c.defaultValue(), n.defaultValue());
        if (c.identity() != null && n.identity() == null) {
            out.add(Ddl.of(alter + " DROP IDENTITY"));
        }
        if (c.defaultValue() != null && (defaultChanges || retyped) && c.identity() == null
                && !defaultsDropped.contains(c.displayName())) {
            out.add(Ddl.of(alter + " DROP DEFAULT"));
        }
        if (retyped) {
            out.add(Ddl.noted(alter + " TYPE " + n.type() + (n.collation() == null ? "" : " COLLATE " + Sql.ident(n.collation()))
                    + " USING " + Sql.ident(n.name()) + "::" + n.type(), "changing-column-type: rewrites the table and its indexes under an ACCESS EXCLUSIVE lock"
                    + " unless the new type is binary compatible (varchar(n) to text or a larger varchar)"));
        }
        if (n.defaultValue() != null && (defaultChanges || retyped)) {
            out.add(Ddl.of(alter + " SET DEFAULT " + n.defaultValue()));
        }
        if (c.notNull() && !n.notNull()) {
            out.add(Ddl.of(alter + " DROP NOT NULL"));
        } else if (!c.notNull() && n.notNull()) {
            out.add(Ddl.noted(alter + " SET NOT NULL", "adding-not-nullable-field: scans the table under an ACCESS EXCLUSIVE lock; fails if a row"
                    + " holds NULL"));
        }
        if (c.identity() == null && n.identity() != null) {
            out.add(Ddl.of(alter + " ADD GENERATED " + n.identity() + " AS IDENTITY"));
        } else if (c.identity() != null && n.identity() != null && !c.identity().equals(n.identity())) {
            out.add(Ddl.of(alter + " SET GENERATED " + n.identity()));
        }
    }

    private void ownSequences() {
        for (Map.Entry<String, SequenceDef> e : to.sequences().entrySet()) {
            SequenceDef s = e.getValue();
            SequenceDef old = from.sequences().get(e.getKey());
            if (old == null ? s.ownedBy() != null : !Objects.equals(old.ownedBy(), s.ownedBy())) {
                String owner = s.ownedBy() == null ? "NONE" : ownerColumn(s);
                out.add(Ddl.of("ALTER SEQUENCE " + Sql.qualified(s.schema(), s.name()) + " OWNED BY " + owner));
            }
        }
    }

    private static String ownerColumn(SequenceDef s) {
        int dot = s.ownedBy().lastIndexOf('.');
        return Sql.qualified(s.schema(), s.ownedBy().substring(0, dot)) + "." + Sql.ident(s.ownedBy().substring(dot + 1));
    }

    // ---------------------------------------------------------------- creations of dependents

    private void addConstraints() {
        for (boolean foreign : new boolean[] {false, true}) {
            for (Map.Entry<String, TableDef> e : to.tables().entrySet()) {
                TableDef t = e.getValue();
                TableDef old = from.tables().get(e.getKey());
                for (ConstraintDef c : t.constraints().values()) {
                    if (isForeign(c) != foreign || "TRIGGER".equals(c.type()) || inherited(t, c)) {
                        continue;
                    }
                    ConstraintDef was = old == null ? null : old.constraints().get(c.name());
                    if (was != null && sameConstraintBody(was, c) && (was.validated() || !c.validated())) {
                        if (!was.validated() && c.validated()) {
                            out.add(Ddl.of("ALTER TABLE " + table(t) + " VALIDATE CONSTRAINT " + Sql.ident(c.name())));
                        }
                        continue;
                    }
                    addConstraint(t, c, old != null);
                }
            }
        }
    }

    private void addConstraint(TableDef t, ConstraintDef c, boolean tableExisted) {
        created.add("constraint " + t.schema() + "." + t.name() + "." + c.name());
        String add = "ALTER TABLE " + table(t) + " ADD CONSTRAINT " + Sql.ident(c.name()) + " ";
        String body = body(c);
        boolean checked = isForeign(c) || "CHECK".equals(c.type());
        if (checked && !c.validated()) {
            out.add(Ddl.of(add + body + " NOT VALID"));
        } else if (checked && tableExisted) {
            out.add(Ddl.noted(add + body + " NOT VALID", (isForeign(c) ? "adding-foreign-key-constraint" : "constraint-missing-not-valid")
                    + ": NOT VALID here, VALIDATE in the transactional: false revision after this one, so existing rows are"
                    + " checked without blocking writes"));
            out.add(Ddl.of("ALTER TABLE " + table(t) + " VALIDATE CONSTRAINT " + Sql.ident(c.name())));
        } else if (tableExisted && ("UNIQUE".equals(c.type()) || "PRIMARY KEY".equals(c.type()))) {
            out.add(Ddl.noted(add + body, "disallowed-unique-constraint: builds its index under an ACCESS EXCLUSIVE lock; on a"
                    + " big table build it first with CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ... USING INDEX"));
        } else {
            out.add(Ddl.of(add + body));
        }
    }

    private void createViews(Set<String> rebuilt) {
        Set<String> wanted = new TreeSet<>();
        to.views().forEach((k, v) -> {
            if (!from.views().containsKey(k) || rebuilt.contains(k)) {
                wanted.add(k);
            }
        });
        for (String key : viewOrder(to.views(), wanted)) {
            ViewDef v = to.views().get(key);
            created.add("view " + key);
            String options = v.options().isEmpty() ? "" : " WITH (" + String.join(", ", v.options()) + ")";
            String body = v.definition().strip();
            if (body.endsWith(";")) {
                body = body.substring(0, body.length() - 1);
            }
            out.add(Ddl.of("CREATE " + (v.materialized() ? "MATERIALIZED VIEW " : "VIEW ") + Sql.qualified(v.schema(), v.name())
                    + options + " AS\n" + body));
        }
    }

    private void createIndexes(Set<String> rebuiltViews) {
        for (Map.Entry<String, IndexDef> e : to.indexes().entrySet()) {
            IndexDef index = e.getValue();
            IndexDef old = from.indexes().get(e.getKey());
            String owner = Sql.keyOf(index.table());
            boolean ownerRebuilt = rebuiltViews.contains(owner) || (!from.tables().containsKey(owner) && !from.views().containsKey(owner));
            if (index.constraint() != null) {
                continue;
            }
            boolean same = old != null && old.definition().equals(index.definition()) && old.constraint() == null;
            if (same && !ownerRebuilt) {
                continue;
            }
            created.add("index " + e.getKey());
            TableDef existing = from.tables().get(owner);
            boolean onExistingTable = existing != null && to.tables().containsKey(owner) && !existing.partitioned()
                    && existing.partitionBound() == null;
            out.add(new Ddl(index.definition(), null, onExistingTable ? e.getKey() : null, null));
        }
    }

    // ---------------------------------------------------------------- leftovers

    private void dropFunctions() {
        for (Map.Entry<String, FunctionDef> e : from.functions().entrySet()) {
            if (!to.functions().containsKey(e.getKey()) && !"aggregate".equals(e.getValue().functionKind())) {
                out.add(Ddl.of("DROP " + routine(e.getValue())));
            }
        }
    }

    private void dropSequences() {
        for (Map.Entry<String, SequenceDef> e : from.sequences().entrySet()) {
            if (!to.sequences().containsKey(e.getKey())) {
                SequenceDef s = e.getValue();
                // a serial sequence went away with its column or table
                out.add(Ddl.of("DROP SEQUENCE " + (s.ownedBy() != null ? "IF EXISTS " : "") + Sql.qualified(s.schema(), s.name())));
            }
        }
    }

    private void dropTypes() {
        for (String retired : retiredTypes) {
            out.add(Ddl.of("DROP TYPE " + retired));
        }
        for (TypeDef.Kind kind : List.of(TypeDef.Kind.COMPOSITE, TypeDef.Kind.DOMAIN, TypeDef.Kind.ENUM)) {
            for (Map.Entry<String, TypeDef> e : from.types().entrySet()) {
                if (e.getValue().typeKind() == kind && !to.types().containsKey(e.getKey())) {
                    out.add(Ddl.of("DROP TYPE " + type(e.getValue())));
                }
            }
        }
    }

    private void dropExtensionsAndSchemas() {
        for (ExtensionDef x : from.extensions().values()) {
            if (!to.extensions().containsKey(x.name())) {
                out.add(Ddl.of("DROP EXTENSION " + Sql.ident(x.name())));
            }
        }
        for (SchemaDef s : from.schemas().values()) {
            if (!to.schemas().containsKey(s.name())) {
                out.add(Ddl.of("DROP SCHEMA " + Sql.ident(s.name())));
            }
        }
    }

    private void createTriggers() {
        for (Map.Entry<String, TriggerDef> e : to.triggers().entrySet()) {
            TriggerDef t = e.getValue();
            TriggerDef old = from.triggers().get(e.getKey());
            boolean recreate = old == null || !old.definition().equals(t.definition());
            if (recreate) {
                created.add("trigger " + e.getKey());
                out.add(Ddl.of(t.definition()));
            }
            if ((recreate && !"ENABLED".equals(t.enabled())) || (!recreate && !old.enabled().equals(t.enabled()))) {
                String state = switch (t.enabled()) {
                    case "DISABLED" -> "DISABLE";
                    case "REPLICA" -> "ENABLE REPLICA";
                    case "ALWAYS" -> "ENABLE ALWAYS";
                    default -> "ENABLE";
                };
                out.add(Ddl.of("ALTER TABLE " + Sql.fromDisplay(t.table()) + " " + state + " TRIGGER " + Sql.ident(t.name())));
            }
        }
    }

    // ---------------------------------------------------------------- comments

    private void comments() {
        to.schemas().forEach((k, s) -> comment("schema " + k, from.schemas().get(k), s, "SCHEMA " + Sql.ident(s.name())));
        to.types().forEach((k, t) -> comment("type " + k, from.types().get(k), t,
                (t.typeKind() == TypeDef.Kind.DOMAIN ? "DOMAIN " : "TYPE ") + type(t)));
        to.sequences().forEach((k, s) -> comment("sequence " + k, from.sequences().get(k), s,
                "SEQUENCE " + Sql.qualified(s.schema(), s.name())));
        to.tables().forEach((k, t) -> {
            TableDef old = from.tables().get(k);
            comment("table " + k, old, t, "TABLE " + table(t));
            for (ColumnDef c : t.columns()) {
                comment("column " + c.displayName(), old == null ? null : old.column(c.name()), c,
                        "COLUMN " + table(t) + "." + Sql.ident(c.name()));
            }
            t.constraints().forEach((name, c) -> comment("constraint " + k + "." + name,
                    old == null ? null : old.constraints().get(name), c, "CONSTRAINT " + Sql.ident(name) + " ON " + table(t)));
        });
        to.indexes().forEach((k, i) -> comment("index " + k, from.indexes().get(k), i, "INDEX " + Sql.qualified(i.schema(), i.name())));
        to.views().forEach((k, v) -> comment("view " + k, from.views().get(k), v,
                (v.materialized() ? "MATERIALIZED VIEW " : "VIEW ") + Sql.qualified(v.schema(), v.name())));
        to.functions().forEach((k, f) -> comment("function " + k, from.functions().get(k), f, routine(f)));
        to.triggers().forEach((k, t) -> comment("trigger " + k, from.triggers().get(k), t,
                "TRIGGER " + Sql.ident(t.name()) + " ON " + Sql.fromDisplay(t.table())));
    }

    private void comment(String key, CatalogObject old, CatalogObject now, String target) {
        Object wanted = now.properties().get("comment");
        boolean fresh = old == null || created.contains(key);
        Object had = fresh ? null : old.properties().get("comment");
        if (!Objects.equals(wanted, had)) {
            out.add(Ddl.of("COMMENT ON " + target + " IS " + Sql.literal((String) wanted)));
        }
    }

    // ---------------------------------------------------------------- names

    private static String table(TableDef t) {
        return Sql.qualified(t.schema(), t.name());
    }

    private static String type(TypeDef t) {
        return Sql.qualified(t.schema(), t.name());
    }

    /** How format_type prints the type in a column: bare when visible on the search path, else qualified. */
    private static String typeName(TypeDef t) {
        return "public".equals(t.schema()) ? Sql.ident(t.name()) : Sql.ident(t.schema()) + "." + Sql.ident(t.name());
    }

    private static String routine(FunctionDef f) {
        String kind = "procedure".equals(f.functionKind()) ? "PROCEDURE " : "FUNCTION ";
        return kind + Sql.qualified(f.schema(), f.name()) + "(" + f.arguments() + ")";
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
        TableDef p = to.tables().getOrDefault(Sql.keyOf(parent), from.tables().get(Sql.keyOf(parent)));
        return p != null && p.constraints().values().stream().anyMatch(pc -> pc.definition().equals(c.definition()));
    }

    private static boolean sameConstraintBody(ConstraintDef a, ConstraintDef b) {
        return a.type().equals(b.type()) && body(a).equals(body(b));
    }

    /** pg_get_constraintdef without the NOT VALID it appends to an unvalidated constraint. */
    private static String body(ConstraintDef c) {
        String def = c.definition();
        return def.endsWith(" NOT VALID") ? def.substring(0, def.length() - " NOT VALID".length()) : def;
    }
}
