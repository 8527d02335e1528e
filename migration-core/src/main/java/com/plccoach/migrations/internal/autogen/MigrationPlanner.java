package com.plccoach.migrations.internal.autogen;

import com.plccoach.migrations.internal.catalog.SchemaSnapshot;
import java.util.List;
import java.util.Set;

/**
 * The statements that turn one schema into another, in an order PostgreSQL accepts: first what
 * depends on others goes away (triggers, views, foreign keys, constraints, indexes, tables), then
 * what others depend on is made (schemas, extensions, types, sequences, functions, tables,
 * columns), then what depends on it (constraints, foreign keys, views, indexes, triggers), then
 * the leftovers are dropped (functions, sequences, types, extensions, schemas), then comments.
 * The same planner run the other way round gives the down part.
 *
 * <p>This class owns only that order; what each kind of object needs lives in its own planner,
 * all writing to one {@link PlanDraft}.
 */
final class MigrationPlanner {

    private MigrationPlanner() {
    }

    static List<Ddl> plan(SchemaSnapshot from, SchemaSnapshot to) {
        PlanDraft plan = new PlanDraft(from, to);
        SchemaPlanner schemas = new SchemaPlanner(plan);
        TypePlanner types = new TypePlanner(plan);
        SequencePlanner sequences = new SequencePlanner(plan);
        FunctionPlanner functions = new FunctionPlanner(plan);
        TablePlanner tables = new TablePlanner(plan);
        ConstraintPlanner constraints = new ConstraintPlanner(plan);
        IndexPlanner indexes = new IndexPlanner(plan);
        ViewPlanner views = new ViewPlanner(plan);
        TriggerPlanner triggers = new TriggerPlanner(plan);
        Set<String> rebuiltViews = views.rebuilt();

        triggers.dropChanged();
        views.dropRebuilt();
        constraints.dropChanged();
        indexes.dropChanged(rebuiltViews);
        tables.dropRemoved();

        schemas.createAndUpdate();
        types.createAndAlter();
        sequences.createAndAlter();
        functions.createNonSqlBodies();
        tables.createAdded();
        tables.alterKept();
        functions.createSqlBodies();
        sequences.own();

        constraints.addChanged();
        views.createAddedAndRebuilt();
        indexes.createChanged(rebuiltViews);

        functions.dropRemoved();
        sequences.dropRemoved();
        types.dropRemoved();
        schemas.dropRemoved();

        triggers.createChanged();
        new CommentPlanner(plan).setChanged();
        return plan.statements();
    }
}
