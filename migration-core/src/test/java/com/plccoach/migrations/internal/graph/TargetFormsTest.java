package com.plccoach.migrations.internal.graph;

import static com.plccoach.migrations.internal.graph.Revisions.graph;
import static com.plccoach.migrations.internal.graph.Revisions.ids;
import static com.plccoach.migrations.internal.graph.Revisions.labelled;
import static com.plccoach.migrations.internal.graph.Revisions.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.TargetException;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The target forms Alembic accepts, one per test, on issue 12's graph: a(base, label lbl), b(a), c(b), x(base). */
class TargetFormsTest {

    private final RevisionGraph graph = graph(labelled("a", "lbl"), rev("b", "a"), rev("c", "b"), rev("x"));
    private static final Set<String> ALL = Set.of("a", "b", "c", "x");

    @Test
    void id_at_head_from_base_applies_the_branch_holding_the_id() {
        assertThat(ids(graph.upgradePlan(Set.of(), "a@head").steps())).containsExactly("a", "b", "c");
    }

    @Test
    void label_at_base_reverts_the_labelled_branch_and_keeps_the_other() {
        assertThat(ids(graph.downgradePlan(ALL, "lbl@base").steps())).containsExactly("c", "b", "a");
    }

    @Test
    void label_at_an_id_from_base_applies_up_to_that_id() {
        assertThat(ids(graph.upgradePlan(Set.of(), "lbl@c").steps())).containsExactly("a", "b", "c");
    }

    @Test
    void label_at_an_id_plus_one_applies_the_next_revision_of_the_branch() {
        assertThat(ids(graph.upgradePlan(Set.of("a"), "lbl@a+1").steps())).containsExactly("b");
    }

    @Test
    void downgrading_to_label_at_an_id_reverts_what_is_built_on_it() {
        assertThat(ids(graph.downgradePlan(Set.of("a", "b", "c"), "lbl@a").steps())).containsExactly("c", "b");
    }

    @Test
    void label_at_plus_one_from_base_applies_the_first_revision_of_the_branch() {
        assertThat(ids(graph.upgradePlan(Set.of(), "lbl@+1").steps())).containsExactly("a");
    }

    @Test
    void label_at_minus_one_reverts_the_branch_head() {
        assertThat(ids(graph.downgradePlan(Set.of("a", "b", "c"), "lbl@-1").steps())).containsExactly("c");
    }

    @Test
    void label_at_heads_from_base_applies_the_whole_branch() {
        assertThat(ids(graph.upgradePlan(Set.of(), "lbl@heads").steps())).containsExactly("a", "b", "c");
    }

    @Test
    void a_bare_label_from_base_applies_the_revision_that_declares_it() {
        assertThat(ids(graph.upgradePlan(Set.of(), "lbl").steps())).containsExactly("a");
    }

    @Test
    void label_at_minus_n_counts_on_the_branch_while_another_branch_is_applied() {
        assertThat(ids(graph.downgradePlan(ALL, "lbl@-2").steps())).containsExactly("c", "b");
    }

    @Test
    void label_at_plus_n_counts_from_the_branch_head_while_another_branch_is_applied() {
        assertThat(ids(graph.upgradePlan(Set.of("a", "x"), "lbl@+2").steps())).containsExactly("b", "c");
    }

    @Test
    void label_at_base_plus_n_counts_from_the_bottom_of_the_branch() {
        assertThat(graph.resolve("lbl@base+2", Set.of())).containsExactly("b");
    }

    @Test
    void label_at_head_minus_n_counts_down_the_branch() {
        assertThat(graph.resolve("lbl@head-2", Set.of())).containsExactly("a");
    }

    @Test
    void label_at_an_id_minus_n_counts_down_the_branch() {
        assertThat(graph.resolve("lbl@c-1", Set.of())).containsExactly("b");
    }

    @Test
    void label_at_an_id_prefix_resolves_on_the_branch() {
        RevisionGraph g = graph(labelled("a1", "lbl"), rev("bb22", "a1"), rev("x9"));
        assertThat(g.resolve("lbl@bb", Set.of())).containsExactly("bb22");
    }

    @Test
    void a_bare_label_counts_like_an_id() {
        assertThat(graph.resolve("lbl+2", Set.of())).containsExactly("c");
    }

    @Test
    void a_label_covers_the_unbranched_revisions_below_the_one_declaring_it() {
        RevisionGraph g = graph(rev("r0"), labelled("d", "lbl", "r0"), rev("e", "d"), rev("y"));
        assertThat(ids(g.downgradePlan(Set.of("r0", "d", "e", "y"), "lbl@base").steps())).containsExactly("e", "d", "r0");
    }

    @Test
    void a_label_stops_at_the_branch_point_below_it() {
        RevisionGraph g = graph(rev("r0"), labelled("d", "lbl", "r0"), rev("e", "d"), rev("y", "r0"));
        assertThat(ids(g.downgradePlan(Set.of("r0", "d", "e", "y"), "lbl@base").steps())).containsExactly("e", "d");
    }

    @Test
    void label_at_plus_n_past_the_branch_head_is_refused_naming_the_branch() {
        assertThatThrownBy(() -> graph.upgradePlan(Set.of("a", "b", "c"), "lbl@+1"))
                .isInstanceOf(TargetException.class)
                .hasMessage("target 'lbl@+1' steps past the head: c has no revision above it on branch 'lbl' (only 0 of the"
                        + " 1 steps exist); use 'head' or 'heads' to go to the end");
    }

    @Test
    void label_at_minus_n_with_nothing_of_the_branch_applied_is_refused() {
        assertThatThrownBy(() -> graph.downgradePlan(Set.of("x"), "lbl@-1"))
                .isInstanceOf(TargetException.class)
                .hasMessage("target 'lbl@-1' steps past base: nothing of branch 'lbl' is applied, there is nothing to revert");
    }

    @Test
    void id_at_head_with_several_heads_above_names_them() {
        RevisionGraph g = graph(rev("a"), rev("b1", "a"), rev("b2", "a"));
        assertThatThrownBy(() -> g.resolve("a@head", Set.of()))
                .isInstanceOf(TargetException.class)
                .hasMessage("target 'a@head' is ambiguous: the branch of revision a ends in several heads: b1 (b1.sql),"
                        + " b2 (b2.sql); use 'a@heads' to reach all of them, name one by its id, or join them with a merge"
                        + " revision")
                .extracting(e -> ((TargetException) e).revisions()).isEqualTo(java.util.List.of("b1", "b2"));
    }

    @Test
    void a_revision_outside_the_lineage_of_an_id_is_refused() {
        assertThatThrownBy(() -> graph.resolve("b@x", Set.of()))
                .isInstanceOf(TargetException.class)
                .hasMessage("target 'b@x': revision x (x.sql) is not on the branch of revision b (its ancestors and"
                        + " descendants); name a revision of that branch, or drop 'b@'");
    }

    @Test
    void an_unknown_name_before_the_at_sign_lists_the_labels() {
        assertThatThrownBy(() -> graph.resolve("zz@head", Set.of()))
                .isInstanceOf(TargetException.class)
                .hasMessage("unknown branch label 'zz' in target 'zz@head'; the labels are lbl");
    }

    @Test
    void two_at_signs_are_refused_listing_the_forms() {
        assertThatThrownBy(() -> graph.resolve("lbl@a@head", Set.of()))
                .isInstanceOf(TargetException.class)
                .hasMessage("target 'lbl@a@head' is not of the form label@head, label@heads, label@base, label@<revision>,"
                        + " label@+N or label@-N (a revision id works in place of the label)");
    }

    @Test
    void label_at_minus_n_with_two_applied_heads_on_the_branch_names_them() {
        RevisionGraph split = graph(labelled("a", "lbl"), rev("b1", "a"), rev("b2", "a"));
        assertThatThrownBy(() -> split.downgradePlan(Set.of("a", "b1", "b2"), "lbl@-1"))
                .isInstanceOf(TargetException.class)
                .hasMessage("target 'lbl@-1' is ambiguous: branch 'lbl' has several heads applied (b1, b2); say which branch"
                        + " to count from, e.g. 'b1-1'");
    }

    @Test
    void a_count_too_large_for_a_number_is_refused() {
        assertThatThrownBy(() -> graph.resolve("a+99999999999", Set.of()))
                .isInstanceOf(TargetException.class)
                .hasMessage("target 'a+99999999999': 99999999999 steps is too many");
    }
}
