package com.plccoach.migrations.internal.graph;

import static com.plccoach.migrations.internal.graph.Revisions.graph;
import static com.plccoach.migrations.internal.graph.Revisions.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.TargetException;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HistoryTest {

    private static String render(RevisionGraph g, String range) {
        return g.history(range, Set.of()).stream().map(l -> PublicViews.entry(l, false).toString())
                .collect(Collectors.joining("\n"));
    }

    @Test
    void a_linear_history_is_one_lane_newest_first() {
        assertThat(render(graph(rev("a"), rev("b", "a"), rev("c", "b")), null)).isEqualTo("""
                * b -> c (head), msg c
                * a -> b, msg b
                * <base> -> a, msg a""");
    }

    @Test
    void branches_merges_and_a_second_root_are_drawn_like_git_log_graph() {
        RevisionGraph g = graph(rev("a"), rev("b", "a"), rev("c", "a"), rev("d", "a"), rev("e", "b"), rev("f", "c"),
                rev("z"), rev("z1", "z"), rev("m", "e", "f", "d"), rev("n", "m", "z1"), rev("x", "b"));
        assertThat(render(g, null)).isEqualTo("""
                * b -> x (head), msg x
                | *   m, z1 -> n (head) (mergepoint), msg n
                | |\\
                | * |     e, f, d -> m (mergepoint), msg m
                | |\\ \\
                | | |\\ \\
                | | | | * z -> z1, msg z1
                | | | | * <base> -> z, msg z
                | | * | c -> f, msg f
                | * | | b -> e, msg e
                | | | * a -> d, msg d
                | | * | a -> c, msg c
                |/ / /
                * | | a -> b (branchpoint), msg b
                | |/
                |/
                * <base> -> a (branchpoint), msg a""");
    }

    @Test
    void a_root_in_the_middle_closes_its_lane() {
        RevisionGraph g = graph(rev("a"), rev("z"), rev("b", "a"), rev("y", "z"), rev("x", "a"), rev("m", "b", "y", "x"));
        assertThat(render(g, null)).isEqualTo("""
                *     b, y, x -> m (head) (mergepoint), msg m
                |\\
                | |\\
                | | * a -> x, msg x
                | * | z -> y, msg y
                * | | a -> b, msg b
                | * | <base> -> z, msg z
                |  /
                |/
                * <base> -> a (branchpoint), msg a""");
    }

    @Test
    void a_range_keeps_only_revisions_between_its_ends() {
        RevisionGraph g = graph(rev("a"), rev("b", "a"), rev("c", "b"), rev("x", "a"));
        assertThat(render(g, "b:heads")).isEqualTo("""
                * b -> c (head), msg c
                * a -> b, msg b""");
    }

    @Test
    void marks_tell_heads_branch_points_and_merge_points() {
        RevisionGraph g = graph(rev("a"), rev("b", "a"), rev("c", "a"), rev("m", "b", "c"));
        var lines = g.history(null, Set.of());
        assertThat(lines.get(0).mergePoint()).isTrue();
        assertThat(lines.get(0).head()).isTrue();
        assertThat(lines.get(lines.size() - 1).branchPoint()).isTrue();
    }

    // a -> b -> c ; a -> b2
    private final RevisionGraph forked = graph(rev("a"), rev("b", "a"), rev("c", "b"), rev("b2", "a"));

    @Test
    void a_reversed_range_is_an_error_naming_both_ends() {
        assertThatThrownBy(() -> forked.history("c:a", Set.of()))
                .isInstanceOf(TargetException.class)
                .hasMessage("history range 'c:a': it is reversed: 'a' is older than 'c' (an ancestor of it); write the older"
                        + " end first: 'a:c'");
    }

    @Test
    void a_range_between_siblings_is_an_error_naming_both_ends() {
        assertThatThrownBy(() -> forked.history("c:b2", Set.of()))
                .isInstanceOf(TargetException.class)
                .hasMessage("history range 'c:b2': 'c' is not an ancestor of 'b2': they are on different branches, so no"
                        + " revision lies between them; show each branch with 'c:' and ':b2'")
                .extracting(e -> ((TargetException) e).revisions()).isEqualTo(java.util.List.of("c", "b2"));
    }

    @Test
    void a_range_ending_at_base_with_a_revision_first_is_an_error() {
        assertThatThrownBy(() -> forked.history("b:base", Set.of()))
                .isInstanceOf(TargetException.class)
                .hasMessage("history range 'b:base': 'b' is not an ancestor of base; a range goes from an older revision to a"
                        + " newer one, e.g. 'base:b'");
    }

    @Test
    void a_range_from_a_revision_to_itself_shows_it() {
        assertThat(forked.history("b:b", Set.of())).extracting(l -> l.revision().id()).containsExactly("b");
    }

    @Test
    void an_unknown_end_names_the_range_and_the_end() {
        assertThatThrownBy(() -> forked.history("a:zz", Set.of()))
                .isInstanceOf(TargetException.class)
                .hasMessage("history range 'a:zz': unknown revision 'zz': no revision id is or starts with it, and no branch"
                        + " label is named so; the history lists the revisions");
    }
}
