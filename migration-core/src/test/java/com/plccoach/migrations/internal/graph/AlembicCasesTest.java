package com.plccoach.migrations.internal.graph;

import static com.plccoach.migrations.internal.graph.Revisions.graph;
import static com.plccoach.migrations.internal.graph.Revisions.ids;
import static com.plccoach.migrations.internal.graph.Revisions.rev;
import static org.assertj.core.api.Assertions.assertThat;

import com.plccoach.migrations.internal.script.Revision;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Graphs from Alembic's own test suite (tests/test_revision.py), with the revisions Alembic selects
 * for each downgrade or upgrade; the order within a plan is ours (children first, file order).
 */
class AlembicCasesTest {

    private static Revision of(String id, List<String> labels, List<String> dependsOn, String... parents) {
        Revision r = rev(id, parents);
        return new Revision(id, r.parents(), labels, dependsOn, r.message(), null, true, r.upSql(), 6, r.downSql(), 9,
                r.location(), r.checksum());
    }

    // MultipleBaseCrossDependencyTestOne: three roots with labels b_1, b_2, b_3; b1b and c2 depend on a3
    private final RevisionGraph crossDependency = graph(of("base1", List.of("b_1"), List.of()), rev("a1a", "base1"),
            rev("a1b", "base1"), rev("b1a", "a1a"), of("b1b", List.of(), List.of("a3"), "a1b"),
            of("base2", List.of("b_2"), List.of()), rev("a2", "base2"), rev("b2", "a2"),
            of("c2", List.of(), List.of("a3"), "b2"), rev("d2", "c2"), of("base3", List.of("b_3"), List.of()),
            rev("a3", "base3"), rev("b3", "a3"));
    private final Set<String> all = Set.copyOf(ids(crossDependency.revisions()));

    @Test
    void downgrading_to_a_label_base_reverts_that_branch_alone() {
        assertThat(ids(crossDependency.downgradePlan(all, "b_2@base").steps()))
                .containsExactlyInAnyOrder("d2", "c2", "b2", "a2", "base2");
    }

    @Test
    void downgrading_to_a_label_base_reverts_what_depends_on_that_branch() {
        assertThat(ids(crossDependency.downgradePlan(all, "b_3@base").steps()))
                .containsExactlyInAnyOrder("b1b", "d2", "c2", "b3", "a3", "base3");
    }

    @Test
    void upgrading_a_label_head_applies_the_branch_it_depends_on() {
        assertThat(ids(crossDependency.upgradePlan(Set.of(), "b_2@head").steps()))
                .containsExactlyInAnyOrder("d2", "c2", "b2", "a2", "base2", "a3", "base3");
    }

    @Test
    void downgrading_a_label_head_to_its_base_leaves_the_branch_it_depends_on() {
        Set<String> b2Head = crossDependency.ancestors(List.of("d2"));
        assertThat(ids(crossDependency.downgradePlan(b2Head, "b_2@base").steps()))
                .containsExactlyInAnyOrder("d2", "c2", "b2", "a2", "base2");
    }

    @Test
    void a_revision_id_before_the_at_sign_stands_for_the_branch_holding_it() {
        Set<String> b1bHead = crossDependency.ancestors(List.of("b1b"));
        assertThat(ids(crossDependency.downgradePlan(b1bHead, "b1b@base").steps()))
                .containsExactlyInAnyOrder("b1b", "a1b", "base1");
    }

    // MultipleBranchEffectiveHead: y1 (label y), x1 (label x), y2(y1, depends_on x1), x2(x1)
    private final RevisionGraph effectiveHead = graph(of("y1", List.of("y"), List.of()), of("x1", List.of("x"), List.of()),
            of("y2", List.of(), List.of("x1"), "y1"), rev("x2", "x1"));

    @Test
    void label_at_minus_one_reverts_the_branch_head_and_keeps_its_dependents() {
        assertThat(ids(effectiveHead.downgradePlan(Set.of("y1", "x1", "y2", "x2"), "x@-1").steps())).containsExactly("x2");
    }

    @Test
    void label_at_minus_one_below_the_branch_root_reverts_its_dependents_too() {
        assertThat(ids(effectiveHead.downgradePlan(Set.of("y1", "x1", "y2"), "x@-1").steps())).containsExactly("y2", "x1");
    }

    // LabeledBranchTest: a (abranch) -> b -> somelongername -> c ; d -> e (ebranch) -> someothername -> f
    private final RevisionGraph labelled = graph(of("a", List.of("abranch"), List.of()), rev("b", "a"),
            rev("somelongername", "b"), rev("c", "somelongername"), rev("d"), of("e", List.of("ebranch"), List.of(), "d"),
            rev("someothername", "e"), rev("f", "someothername"));

    @Test
    void a_prefix_after_a_label_only_needs_to_be_unique_on_that_branch() {
        assertThat(labelled.resolve("ebranch@some", Set.of())).containsExactly("someothername");
        assertThat(labelled.resolve("abranch@some", Set.of())).containsExactly("somelongername");
    }

    @Test
    void a_label_after_the_at_sign_is_the_revision_declaring_it() {
        assertThat(labelled.resolve("ebranch@ebranch", Set.of())).containsExactly("e");
    }

    @Test
    void a_label_covers_the_root_below_the_revision_declaring_it() {
        assertThat(labelled.resolve("ebranch@d", Set.of())).containsExactly("d");
        Set<String> all = Set.copyOf(ids(labelled.revisions()));
        assertThat(ids(labelled.downgradePlan(all, "ebranch@base").steps()))
                .containsExactly("f", "someothername", "e", "d");
    }

    @Test
    void label_at_minus_two_counts_down_the_branch_from_its_applied_head() {
        Set<String> all = Set.copyOf(ids(labelled.revisions()));
        assertThat(ids(labelled.downgradePlan(all, "ebranch@-2").steps())).containsExactly("f", "someothername");
    }
}
