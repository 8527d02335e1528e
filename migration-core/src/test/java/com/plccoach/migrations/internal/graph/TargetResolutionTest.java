package com.plccoach.migrations.internal.graph;

import static com.plccoach.migrations.internal.graph.Revisions.graph;
import static com.plccoach.migrations.internal.graph.Revisions.labelled;
import static com.plccoach.migrations.internal.graph.Revisions.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.TargetException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TargetResolutionTest {

    // a1 -> b2 -> c3 (linear)
    private final RevisionGraph linear = graph(rev("a1"), rev("b2", "a1"), rev("c3", "b2"));
    // root -> main1 -> main2 ; root -> feat1 (label feature) -> feat2
    private final RevisionGraph branched = graph(rev("root"), rev("main1", "root"), rev("main2", "main1"),
            labelled("feat1", "feature", "root"), rev("feat2", "feat1"));
    // a -> b, a -> c, m merges b and c
    private final RevisionGraph merged = graph(rev("a"), rev("b", "a"), rev("c", "a"), rev("m", "b", "c"));

    @Test
    void head_is_the_single_head() {
        assertThat(linear.resolve("head", Set.of())).containsExactly("c3");
    }

    @Test
    void head_with_several_heads_names_them_and_says_what_to_do() {
        assertThatThrownBy(() -> branched.resolve("head", Set.of()))
                .isInstanceOf(TargetException.class)
                .hasMessage("target 'head' is ambiguous: the graph has 2 heads: main2 (main2.sql), feat2 (feat2.sql)."
                        + " Use 'heads' to reach all of them, name one (or label@head), or join them with a merge revision");
    }

    @Test
    void head_with_no_revisions_says_to_create_one() {
        assertThatThrownBy(() -> graph().resolve("head", Set.of()))
                .isInstanceOf(TargetException.class)
                .hasMessage("target 'head': there are no revisions yet; create one first");
    }

    @Test
    void heads_are_all_heads() {
        assertThat(branched.resolve("heads", Set.of())).containsExactly("main2", "feat2");
    }

    @Test
    void base_is_empty() {
        assertThat(linear.resolve("base", Set.of())).isEmpty();
    }

    @Test
    void an_exact_id_resolves() {
        assertThat(linear.resolve("b2", Set.of())).containsExactly("b2");
    }

    @Test
    void a_unique_prefix_resolves() {
        assertThat(branched.resolve("ro", Set.of())).containsExactly("root");
    }

    @Test
    void an_exact_id_wins_over_longer_ids_it_prefixes() {
        RevisionGraph graph = graph(rev("ab"), rev("abc", "ab"));
        assertThat(graph.resolve("ab", Set.of())).containsExactly("ab");
    }

    @Test
    void an_ambiguous_prefix_lists_the_candidates() {
        assertThatThrownBy(() -> branched.resolve("main", Set.of()))
                .isInstanceOf(TargetException.class)
                .hasMessage("ambiguous revision prefix 'main': it starts 2 ids: main1 (main1.sql), main2 (main2.sql);"
                        + " type more of the id");
    }

    @Test
    void an_unknown_id_is_reported() {
        assertThatThrownBy(() -> linear.resolve("zz", Set.of()))
                .isInstanceOf(TargetException.class)
                .hasMessage("unknown revision 'zz': no revision id is or starts with it, and no branch label is named so;"
                        + " the history lists the revisions");
    }

    @Test
    void a_bare_branch_label_is_the_revision_that_declares_it() {
        assertThat(branched.resolve("feature", Set.of())).containsExactly("feat1");
    }

    @Test
    void label_at_head_is_the_head_of_the_labelled_branch() {
        assertThat(branched.resolve("feature@head", Set.of())).containsExactly("feat2");
    }

    @Test
    void an_unknown_label_lists_the_labels() {
        assertThatThrownBy(() -> branched.resolve("nope@head", Set.of()))
                .isInstanceOf(TargetException.class)
                .hasMessage("unknown branch label 'nope' in target 'nope@head'; the labels are feature");
    }

    @Test
    void a_revision_off_the_labelled_branch_is_refused_after_the_at_sign() {
        assertThatThrownBy(() -> branched.resolve("feature@main1", Set.of()))
                .isInstanceOf(TargetException.class)
                .hasMessage("target 'feature@main1': revision main1 (main1.sql) is not on branch 'feature' (declared by"
                        + " feat1 (feat1.sql)); name a revision of that branch, or drop 'feature@'");
    }

    @Test
    void plus_n_counts_up_from_the_applied_head() {
        assertThat(linear.resolve("+2", Set.of("a1"))).containsExactly("c3");
    }

    @Test
    void plus_n_from_base_starts_at_the_first_revision() {
        assertThat(linear.resolve("+1", Set.of())).containsExactly("a1");
    }

    @Test
    void plus_n_past_the_head_is_refused() {
        assertThatThrownBy(() -> linear.resolve("+3", Set.of("a1")))
                .isInstanceOf(TargetException.class)
                .hasMessage("target '+3' steps past the head: c3 has no revision above it (only 2 of the 3 steps exist);"
                        + " use 'head' or 'heads' to go to the end");
    }

    @Test
    void plus_n_at_a_branch_point_names_the_branches() {
        assertThatThrownBy(() -> branched.resolve("+2", Set.of("root")))
                .isInstanceOf(TargetException.class)
                .hasMessage("target '+2' is ambiguous: root is followed by several revisions (main1 (main1.sql),"
                        + " feat1 (feat1.sql)); count along one branch, e.g. 'main1+1'");
    }

    @Test
    void minus_n_counts_down_from_the_applied_head() {
        assertThat(linear.resolve("-1", Set.of("a1", "b2", "c3"))).containsExactly("b2");
    }

    @Test
    void minus_n_down_to_base_is_empty() {
        assertThat(linear.resolve("-3", Set.of("a1", "b2", "c3"))).isEmpty();
    }

    @Test
    void minus_n_past_base_is_refused() {
        assertThatThrownBy(() -> linear.resolve("-4", Set.of("a1", "b2", "c3")))
                .isInstanceOf(TargetException.class)
                .hasMessage("target '-4' steps past base: only 3 of the 4 steps down exist; use 'base' to revert everything");
    }

    @Test
    void minus_n_with_nothing_applied_is_refused() {
        assertThatThrownBy(() -> linear.resolve("-1", Set.of()))
                .isInstanceOf(TargetException.class)
                .hasMessage("target '-1' steps past base: nothing is applied, there is nothing to revert");
    }

    @Test
    void minus_n_with_several_applied_heads_is_ambiguous() {
        assertThatThrownBy(() -> branched.resolve("-1", Set.of("root", "main1", "feat1")))
                .isInstanceOf(TargetException.class)
                .hasMessage("target '-1' is ambiguous: the database has several heads applied (main1, feat1);"
                        + " say which branch to count from, e.g. 'main1-1'");
    }

    @Test
    void minus_one_from_a_merge_is_both_its_parents() {
        assertThat(merged.resolve("-1", Set.of("a", "b", "c", "m"))).containsExactly("b", "c");
    }

    @Test
    void minus_n_through_a_merge_is_ambiguous() {
        assertThatThrownBy(() -> merged.resolve("m-2", Set.of()))
                .isInstanceOf(TargetException.class)
                .hasMessage("target 'm-2' is ambiguous: after 1 step(s) it reaches the parents of a merge (b (b.sql), c (c.sql));"
                        + " count along one of them, e.g. 'b-1'");
    }

    @Test
    void head_minus_n_counts_from_the_graph_head() {
        assertThat(linear.resolve("head-2", Set.of())).containsExactly("a1");
    }

    @Test
    void head_minus_n_with_several_heads_is_refused_like_head() {
        assertThatThrownBy(() -> branched.resolve("head-1", Set.of()))
                .isInstanceOf(TargetException.class)
                .hasMessageStartingWith("target 'head-1' is ambiguous: the graph has 2 heads");
    }

    @Test
    void id_plus_n_counts_up_from_the_id() {
        assertThat(linear.resolve("a1+1", Set.of())).containsExactly("b2");
    }

    @Test
    void id_minus_n_counts_down_from_the_id() {
        assertThat(linear.resolve("c3-2", Set.of())).containsExactly("a1");
    }

    @Test
    void prefix_minus_n_and_label_relative_targets_resolve() {
        assertThat(linear.resolve("c-1", Set.of())).containsExactly("b2");
        assertThat(branched.resolve("feature@head-1", Set.of())).containsExactly("feat1");
    }

    @Test
    void base_plus_n_counts_from_base() {
        assertThat(linear.resolve("base+2", Set.of())).containsExactly("b2");
    }

    @Test
    void a_missing_target_says_what_to_give() {
        assertThatThrownBy(() -> linear.resolve(" ", Set.of()))
                .isInstanceOf(TargetException.class)
                .hasMessage("no target given; say where to go: head, heads, base, a revision id, a branch label, label@head,"
                        + " +N or -N");
    }

    @Test
    void counting_from_several_revisions_is_refused() {
        assertThatThrownBy(() -> branched.resolve("heads-1", Set.of()))
                .isInstanceOf(TargetException.class)
                .hasMessage("target 'heads-1' counts from 'heads', which names several revisions (main2 (main2.sql),"
                        + " feat2 (feat2.sql)); count from one of them, e.g. 'main2-1'");
    }

    @Test
    void resolve_one_refuses_base() {
        assertThatThrownBy(() -> linear.resolveOne("base", Set.of()))
                .isInstanceOf(TargetException.class)
                .hasMessage("target 'base' names base, not a revision; name one revision by its id");
    }

    @Test
    void label_at_head_on_a_split_branch_names_its_heads() {
        RevisionGraph split = RevisionGraph.ofAllowingSplitLabels(java.util.List.of(rev("a"), labelled("b", "billing", "a"),
                rev("c", "b"), rev("d", "b")));
        assertThatThrownBy(() -> split.resolve("billing@head", Set.of()))
                .isInstanceOf(TargetException.class)
                .hasMessage("target 'billing@head' is ambiguous: branch 'billing' ends in several heads: c (c.sql), d (d.sql);"
                        + " use 'billing@heads' to reach all of them, name one by its id, or join them with a merge revision");
    }

    @Test
    void a_label_names_the_head_of_its_branch_through_a_merge() {
        RevisionGraph g = graph(rev("a"), labelled("b", "billing", "a"), rev("c", "a"), rev("m", "b", "c"));
        assertThat(g.resolve("billing@head", Set.of())).containsExactly("m");
    }
}
