package com.plccoach.migrations.internal.graph;

import static com.plccoach.migrations.internal.graph.Revisions.depending;
import static com.plccoach.migrations.internal.graph.Revisions.graph;
import static com.plccoach.migrations.internal.graph.Revisions.ids;
import static com.plccoach.migrations.internal.graph.Revisions.labelled;
import static com.plccoach.migrations.internal.graph.Revisions.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.RevisionGraphException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RevisionGraphTest {

    // a -> b -> c (head), a -> d -> e, m merges c and e
    private final RevisionGraph diamond = graph(rev("a"), rev("b", "a"), rev("c", "b"), rev("d", "a"), rev("e", "d"),
            rev("m", "c", "e"));

    @Test
    void revisions_come_parents_first_with_ties_in_given_order() {
        RevisionGraph graph = graph(rev("c", "b"), rev("x"), rev("b", "a"), rev("a"));
        assertThat(ids(graph.revisions())).containsExactly("x", "a", "b", "c");
    }

    @Test
    void heads_are_revisions_without_children() {
        RevisionGraph graph = graph(rev("a"), rev("b", "a"), rev("c", "a"));
        assertThat(ids(graph.heads())).containsExactly("b", "c");
    }

    @Test
    void bases_are_revisions_without_parents() {
        RevisionGraph graph = graph(rev("a"), rev("b", "a"), rev("z"));
        assertThat(ids(graph.bases())).containsExactly("a", "z");
    }

    @Test
    void branch_points_have_several_children() {
        assertThat(ids(diamond.branchPoints())).containsExactly("a");
    }

    @Test
    void merge_points_have_several_parents() {
        assertThat(ids(diamond.mergePoints())).containsExactly("m");
    }

    @Test
    void heads_ignore_depends_on() {
        RevisionGraph graph = graph(rev("a"), rev("b"), depending("c", List.of("b"), "a"));
        assertThat(ids(graph.heads())).containsExactly("b", "c");
    }

    @Test
    void heads_of_an_applied_set_are_applied_revisions_without_applied_children() {
        assertThat(diamond.headsOf(Set.of("a", "b", "c", "d"))).containsExactly("c", "d");
    }

    @Test
    void heads_of_nothing_applied_is_empty() {
        assertThat(diamond.headsOf(Set.of())).isEmpty();
    }

    @Test
    void ancestors_include_depends_on_transitively() {
        RevisionGraph graph = graph(rev("a"), rev("x"), rev("y", "x"), depending("b", List.of("y"), "a"));
        assertThat(graph.ancestors(List.of("b"))).containsExactlyInAnyOrder("a", "b", "x", "y");
    }

    @Test
    void an_empty_graph_is_valid() {
        assertThat(graph().heads()).isEmpty();
    }

    @Test
    void a_duplicate_id_names_both_files() {
        assertThatThrownBy(() -> graph(rev("a"), rev("b", "a"), rev("a")))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessage("revision id a is declared by two files: a.sql and a.sql; give one of them a new id"
                        + " (and update the down_revision of its children)");
    }

    @Test
    void a_missing_parent_names_the_child_and_the_parent() {
        assertThatThrownBy(() -> graph(rev("a"), rev("b", "zz")))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessage("revision b (b.sql) names zz in down_revision, but no revision file declares zz;"
                        + " fix the down_revision line or restore the missing file");
    }

    @Test
    void an_unknown_depends_on_names_the_revision_and_the_dependency() {
        assertThatThrownBy(() -> graph(rev("a"), depending("b", List.of("q"), "a")))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessage("revision b (b.sql) names q in depends_on, but no revision file declares q;"
                        + " fix the depends_on line or restore the missing file");
    }

    @Test
    void a_cycle_is_reported_with_its_path() {
        assertThatThrownBy(() -> graph(rev("r"), rev("a", "c"), rev("b", "a"), rev("c", "b")))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessage("the revisions form a cycle: a -> c -> b -> a (each names the next in down_revision or"
                        + " depends_on; files: a (a.sql), c (c.sql), b (b.sql)); make one of them point to an older revision");
    }

    @Test
    void a_revision_that_is_its_own_parent_is_a_cycle() {
        assertThatThrownBy(() -> graph(rev("a", "a")))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessageStartingWith("the revisions form a cycle: a -> a (");
    }

    @Test
    void a_cycle_through_depends_on_is_reported() {
        assertThatThrownBy(() -> graph(depending("a", List.of("b")), rev("b", "a")))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessageStartingWith("the revisions form a cycle: a -> b -> a (");
    }

    @Test
    void a_label_declared_twice_names_both_revisions() {
        assertThatThrownBy(() -> graph(labelled("a", "core"), labelled("b", "core", "a")))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessage("branch label 'core' is declared twice: by a (a.sql) and by b (b.sql); a label names one branch:"
                        + " remove it from one of them");
    }

    @Test
    void a_label_whose_revisions_end_in_two_heads_is_a_valid_graph() {
        RevisionGraph graph = graph(labelled("a", "lbl"), rev("b1", "a"), rev("b2", "a"));
        assertThat(ids(graph.heads())).containsExactly("b1", "b2");
        assertThat(ids(graph.upgradePlan(Set.of(), "heads").steps())).containsExactly("a", "b1", "b2");
        assertThat(graph.history(null, Set.of())).hasSize(3);
    }

    @Test
    void a_label_that_is_also_a_revision_id_is_refused_naming_both() {
        assertThatThrownBy(() -> graph(rev("a"), labelled("b", "a", "a")))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessage("branch label 'a' of b (b.sql) is also the id of revision a (a.sql), so a target 'a' would name"
                        + " two revisions; rename the label");
    }

    @Test
    void depends_on_may_name_a_branch_label_meaning_the_revision_that_declares_it() {
        RevisionGraph graph = graph(labelled("a", "lbl"), rev("b", "a"), depending("x", List.of("lbl")));
        assertThat(graph.find("x").orElseThrow().dependsOn()).containsExactly("a");
        assertThat(ids(graph.upgradePlan(Set.of(), "x").steps())).containsExactly("a", "x");
    }

    @Test
    void a_batched_backfill_whose_depends_on_names_a_label_keeps_its_batch_size() {
        com.plccoach.migrations.internal.script.Revision backfill = new com.plccoach.migrations.internal.script.Revision("x",
                List.of(), List.of(), List.of("lbl"), "", null, false, "UPDATE t SET c = 0 WHERE id IN (SELECT id FROM t LIMIT 500);",
                1, null, 0, "x.sql", "0", 500);
        RevisionGraph graph = graph(labelled("a", "lbl"), backfill);
        assertThat(graph.find("x").orElseThrow().batchSize()).isEqualTo(500);
    }

    @Test
    void require_names_an_unknown_id() {
        assertThatThrownBy(() -> diamond.require("zz"))
                .isInstanceOf(com.plccoach.migrations.TargetException.class)
                .hasMessage("unknown revision 'zz': no revision id is or starts with it, and no branch label is named so; the history lists the revisions");
    }
}
