package com.plccoach.migrations.internal.graph;

import static com.plccoach.migrations.internal.graph.Revisions.depending;
import static com.plccoach.migrations.internal.graph.Revisions.graph;
import static com.plccoach.migrations.internal.graph.Revisions.ids;
import static com.plccoach.migrations.internal.graph.Revisions.irreversible;
import static com.plccoach.migrations.internal.graph.Revisions.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.Direction;
import com.plccoach.migrations.TargetException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlanTest {

    // a -> b -> c ; a -> x -> y ; m merges c and y
    private final RevisionGraph graph = graph(rev("a"), rev("b", "a"), rev("c", "b"), rev("x", "a"), rev("y", "x"),
            rev("m", "c", "y"));

    @Test
    void upgrade_to_head_applies_everything_parents_first_ties_in_file_order() {
        Plan plan = graph.upgradePlan(Set.of(), "head");
        assertThat(plan.direction()).isEqualTo(Direction.UPGRADE);
        assertThat(ids(plan.steps())).containsExactly("a", "b", "c", "x", "y", "m");
    }

    @Test
    void upgrade_skips_what_is_applied() {
        assertThat(ids(graph.upgradePlan(Set.of("a", "b"), "c").steps())).containsExactly("c");
    }

    @Test
    void upgrade_to_a_revision_applies_only_its_ancestors() {
        assertThat(ids(graph.upgradePlan(Set.of(), "y").steps())).containsExactly("a", "x", "y");
    }

    @Test
    void upgrade_applies_depends_on_before_the_dependent() {
        RevisionGraph g = graph(rev("a"), depending("b", List.of("q"), "a"), rev("p"), rev("q", "p"));
        assertThat(ids(g.upgradePlan(Set.of(), "b").steps())).containsExactly("a", "p", "q", "b");
    }

    @Test
    void upgrade_to_an_applied_target_is_empty() {
        assertThat(graph.upgradePlan(Set.of("a", "b"), "a").isEmpty()).isTrue();
    }

    @Test
    void upgrade_plus_one_applies_the_next_revision() {
        assertThat(ids(graph.upgradePlan(Set.of("a", "b"), "+1").steps())).containsExactly("c");
    }

    @Test
    void downgrade_to_base_reverts_everything_children_first() {
        Plan plan = graph.downgradePlan(Set.of("a", "b", "c", "x", "y", "m"), "base");
        assertThat(plan.direction()).isEqualTo(Direction.DOWNGRADE);
        assertThat(ids(plan.steps())).containsExactly("m", "y", "x", "c", "b", "a");
    }

    @Test
    void downgrading_one_branch_leaves_the_other_alone() {
        assertThat(ids(graph.downgradePlan(Set.of("a", "b", "c", "x", "y"), "b").steps())).containsExactly("c");
    }

    @Test
    void downgrading_below_a_merge_reverts_the_merge_but_not_its_other_parent() {
        assertThat(ids(graph.downgradePlan(Set.of("a", "b", "c", "x", "y", "m"), "c").steps())).containsExactly("m");
    }

    @Test
    void downgrade_minus_one_from_a_merge_reverts_only_the_merge() {
        assertThat(ids(graph.downgradePlan(Set.of("a", "b", "c", "x", "y", "m"), "-1").steps())).containsExactly("m");
    }

    @Test
    void downgrade_reverts_dependents_on_other_branches_first() {
        RevisionGraph g = graph(rev("a"), rev("b", "a"), depending("z", List.of("b")));
        assertThat(ids(g.downgradePlan(Set.of("a", "b", "z"), "a").steps())).containsExactly("z", "b");
    }

    @Test
    void downgrade_to_a_revision_not_applied_is_refused() {
        assertThatThrownBy(() -> graph.downgradePlan(Set.of("a", "b"), "y"))
                .isInstanceOf(TargetException.class)
                .hasMessage("cannot downgrade to y: it is not applied (current heads: b). A downgrade only reverts;"
                        + " to apply y, upgrade to it");
    }

    @Test
    void a_downgrade_plan_through_an_irreversible_revision_lists_it_for_the_run_to_refuse() {
        RevisionGraph g = graph(rev("a"), irreversible("b", "a"), rev("c", "b"));
        assertThat(g.downgradePlan(Set.of("a", "b", "c"), "a").steps()).extracting(r -> r.id()).containsExactly("c", "b");
    }

    @Test
    void a_downgrade_not_through_the_irreversible_revision_is_allowed() {
        RevisionGraph g = graph(rev("a"), irreversible("b", "a"), rev("c", "b"));
        assertThat(ids(g.downgradePlan(Set.of("a", "b", "c"), "b").steps())).containsExactly("c");
    }

    @Test
    void the_plan_names_its_target() {
        assertThat(graph.upgradePlan(Set.of(), "b").toString()).isEqualTo("upgrade to b: [a, b]");
    }

    @Test
    void upgrade_to_heads_applies_every_branch() {
        RevisionGraph g = graph(rev("a"), rev("b", "a"), rev("c", "a"));
        assertThat(ids(g.upgradePlan(Set.of("a"), "heads").steps())).containsExactly("b", "c");
    }

    @Test
    void upgrade_to_another_branch_leaves_the_applied_branch_alone() {
        RevisionGraph g = graph(rev("a"), rev("b", "a"), rev("c", "a"));
        assertThat(ids(g.upgradePlan(Set.of("a", "b"), "c").steps())).containsExactly("c");
    }

    @Test
    void downgrade_to_base_with_nothing_applied_is_empty() {
        assertThat(graph.downgradePlan(Set.of(), "base").isEmpty()).isTrue();
    }

    @Test
    void downgrade_minus_n_counts_from_the_applied_head() {
        assertThat(ids(graph.downgradePlan(Set.of("a", "b", "c"), "-2").steps())).containsExactly("c", "b");
    }

    @Test
    void a_stamp_down_forgets_an_irreversible_revision() {
        RevisionGraph g = graph(rev("a"), irreversible("b", "a"), rev("c", "b"));
        assertThat(ids(g.planTowards(Set.of("a", "b", "c"), "a").steps())).containsExactly("c", "b");
    }

    @Test
    void a_stamp_follows_the_downgrade_rule_and_keeps_what_only_depends_on_the_target() {
        RevisionGraph g = graph(rev("a"), rev("b", "a"), depending("x", List.of("a")));
        assertThat(ids(g.planTowards(Set.of("a", "b", "x"), "a").steps())).containsExactly("b");
    }

    @Test
    void a_stamp_up_records_the_ancestors_of_the_target() {
        assertThat(ids(graph.planTowards(Set.of("a"), "c").steps())).containsExactly("b", "c");
    }
}
