package com.plccoach.migrations.internal.graph;

import static com.plccoach.migrations.internal.graph.Revisions.depending;
import static com.plccoach.migrations.internal.graph.Revisions.graph;
import static com.plccoach.migrations.internal.graph.Revisions.ids;
import static com.plccoach.migrations.internal.graph.Revisions.labelled;
import static com.plccoach.migrations.internal.graph.Revisions.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.TargetException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 12's "wrong today" items and the cases where our refusal is kept over Alembic's answer, one
 * behaviour per test, without a database.
 */
class AlembicDisagreementsTest {

    // item 1: a, b(a), x(base, depends_on a)
    private final RevisionGraph dependent = graph(rev("a"), rev("b", "a"), depending("x", List.of("a")));
    // item 2: a, b(a), x(base, branch_labels lx)
    private final RevisionGraph twoRoots = graph(rev("a"), rev("b", "a"), labelled("x", "lx"));

    @Test
    void a_downgrade_keeps_a_revision_that_only_depends_on_the_target() {
        assertThat(ids(dependent.downgradePlan(Set.of("a", "b", "x"), "a").steps())).containsExactly("b");
    }

    @Test
    void a_downgrade_to_a_revision_applied_only_as_a_dependency_is_refused_naming_the_heads() {
        RevisionGraph g = graph(rev("a"), depending("x", List.of("a")));
        assertThatThrownBy(() -> g.downgradePlan(Set.of("a", "x"), "a"))
                .isInstanceOf(TargetException.class)
                .hasMessage("cannot downgrade to a: it is applied only as a dependency of x (depends_on), and nothing built on a"
                        + " through down_revision is applied, so no downgrade ends at a. The applied heads are x; to revert x,"
                        + " downgrade to 'x-1'")
                .extracting(e -> ((TargetException) e).revisions()).isEqualTo(List.of("x"));
    }

    @Test
    void the_downgrade_suggested_for_a_dependency_only_target_reverts_just_the_dependent() {
        RevisionGraph g = graph(rev("a"), depending("x", List.of("a")));
        assertThat(ids(g.downgradePlan(Set.of("a", "x"), "x-1").steps())).containsExactly("x");
    }

    @Test
    void a_downgrade_reverts_what_depends_on_a_reverted_revision() {
        RevisionGraph g = graph(rev("a"), rev("b", "a"), depending("x", List.of("b")), rev("y", "x"));
        assertThat(ids(g.downgradePlan(Set.of("a", "b", "x", "y"), "a").steps())).containsExactly("y", "x", "b");
    }

    @Test
    void label_at_head_minus_one_down_to_base_reverts_only_that_branch() {
        assertThat(ids(twoRoots.downgradePlan(Set.of("a", "b", "x"), "lx@head-1").steps())).containsExactly("x");
    }

    @Test
    void label_at_head_minus_one_with_the_branch_not_applied_does_nothing() {
        assertThat(twoRoots.downgradePlan(Set.of("a", "b"), "lx@head-1").isEmpty()).isTrue();
    }

    @Test
    void plus_zero_is_an_error_saying_a_move_counts_at_least_one_step() {
        assertThatThrownBy(() -> twoRoots.upgradePlan(Set.of("a"), "+0"))
                .isInstanceOf(TargetException.class)
                .hasMessage("target '+0' moves +0 steps: a relative move counts at least one step (+1); to stay where you are"
                        + " there is nothing to run");
    }

    @Test
    void minus_zero_at_base_is_an_error_not_a_crash() {
        assertThatThrownBy(() -> twoRoots.downgradePlan(Set.of(), "-0"))
                .isInstanceOf(TargetException.class)
                .hasMessage("target '-0' moves -0 steps: a relative move counts at least one step (-1); to stay where you are"
                        + " there is nothing to run");
    }

    @Test
    void zero_steps_from_a_revision_is_an_error_too() {
        assertThatThrownBy(() -> twoRoots.resolve("a+0", Set.of()))
                .isInstanceOf(TargetException.class)
                .hasMessageStartingWith("target 'a+0' moves +0 steps");
    }

    @Test
    void upgrade_minus_one_is_an_error_naming_the_downgrade() {
        assertThatThrownBy(() -> twoRoots.upgradePlan(Set.of("a", "b"), "-1"))
                .isInstanceOf(TargetException.class)
                .hasMessage("target '-1' moves down from the applied revisions, and an upgrade only applies revisions:"
                        + " reverting is a downgrade (downgrade to '-1')");
    }

    @Test
    void downgrade_plus_one_is_an_error_naming_the_upgrade() {
        assertThatThrownBy(() -> twoRoots.downgradePlan(Set.of("a"), "+1"))
                .isInstanceOf(TargetException.class)
                .hasMessage("target '+1' moves up from the applied revisions, and a downgrade only reverts revisions:"
                        + " applying is an upgrade (upgrade to '+1')");
    }

    @Test
    void label_at_minus_one_in_an_upgrade_is_an_error_too() {
        assertThatThrownBy(() -> twoRoots.upgradePlan(Set.of("x"), "lx@-1"))
                .isInstanceOf(TargetException.class)
                .hasMessageStartingWith("target 'lx@-1' moves down from the applied revisions, and an upgrade only applies");
    }

    @Test
    void upgrade_to_a_revision_minus_n_is_an_absolute_target_and_allowed() {
        assertThat(ids(twoRoots.upgradePlan(Set.of(), "b-1").steps())).containsExactly("a");
    }

    @Test
    void a_label_ending_in_two_heads_refuses_label_at_head_suggesting_label_at_heads() {
        RevisionGraph split = graph(labelled("a", "lbl"), rev("b1", "a"), rev("b2", "a"));
        assertThatThrownBy(() -> split.resolve("lbl@head", Set.of()))
                .isInstanceOf(TargetException.class)
                .hasMessage("target 'lbl@head' is ambiguous: branch 'lbl' ends in several heads: b1 (b1.sql), b2 (b2.sql);"
                        + " use 'lbl@heads' to reach all of them, name one by its id, or join them with a merge revision")
                .extracting(e -> ((TargetException) e).revisions()).isEqualTo(List.of("b1", "b2"));
    }

    @Test
    void a_label_ending_in_two_heads_still_reaches_them_with_label_at_heads() {
        RevisionGraph split = graph(labelled("a", "lbl"), rev("b1", "a"), rev("b2", "a"));
        assertThat(ids(split.upgradePlan(Set.of(), "lbl@heads").steps())).containsExactly("a", "b1", "b2");
    }

    // ---- kept: our answer where Alembic warns, is ambiguous or crashes ----

    @Test
    void downgrade_minus_one_with_several_applied_heads_is_refused_naming_them() {
        assertThatThrownBy(() -> twoRoots.downgradePlan(Set.of("a", "b", "x"), "-1"))
                .isInstanceOf(TargetException.class)
                .hasMessage("target '-1' is ambiguous: the database has several heads applied (b, x); say which branch to count"
                        + " from, e.g. 'b-1'")
                .extracting(e -> ((TargetException) e).revisions()).isEqualTo(List.of("b", "x"));
    }

    @Test
    void a_relative_step_landing_on_a_merges_parents_takes_all_of_them() {
        RevisionGraph merged = graph(rev("a"), rev("b", "a"), rev("c", "a"), rev("m", "b", "c"));
        assertThat(merged.resolve("m-1", Set.of())).containsExactly("b", "c");
        assertThat(ids(merged.downgradePlan(Set.of("a", "b", "c", "m"), "m-1").steps())).containsExactly("m");
    }

    @Test
    void upgrade_to_a_root_minus_one_applies_nothing() {
        assertThat(twoRoots.upgradePlan(Set.of(), "a-1").isEmpty()).isTrue();
    }

    @Test
    void a_merge_that_also_depends_on_an_ancestor_upgrades_and_downgrades() {
        RevisionGraph g = graph(rev("a"), rev("b", "a"), rev("c", "a"), depending("m", List.of("a"), "b", "c"));
        assertThat(ids(g.upgradePlan(Set.of(), "m").steps())).containsExactly("a", "b", "c", "m");
        assertThat(ids(g.downgradePlan(Set.of("a", "b", "c", "m"), "a").steps())).containsExactly("m", "c", "b");
    }

    @Test
    void downgrade_heads_with_all_heads_applied_does_nothing() {
        assertThat(twoRoots.downgradePlan(Set.of("a", "b", "x"), "heads").isEmpty()).isTrue();
    }
}
