package com.plccoach.migrations.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.plccoach.migrations.HistoryEntry;
import com.plccoach.migrations.RevisionInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GraphLayoutTest {

    @Test
    void aChainStaysInOneLane() {
        GraphLayout layout = new GraphLayout(List.of(entry("c", "b"), entry("b", "a"), entry("a")));

        assertThat(layout.lanes()).isEqualTo(1);
        assertThat(layout.places()).extracting(GraphLayout.Place::lane).containsExactly(0, 0, 0);
    }

    @Test
    void aBranchOpensASecondLaneThatTheMergeCloses() {
        GraphLayout layout = new GraphLayout(List.of(entry("d", "m"), entry("m", "b", "c"), entry("c", "a"), entry("b", "a"),
                entry("a")));

        assertThat(layout.lanes()).isEqualTo(2);
        assertThat(layout.place("c").lane()).isEqualTo(1);
        assertThat(layout.place("b").lane()).isZero();
        assertThat(layout.place("a").lane()).isZero();
        assertThat(layout.place("a").row()).isEqualTo(4);
    }

    @Test
    void aParentOutsideTheRangeDrawsNoEdge() {
        GraphLayout layout = new GraphLayout(List.of(entry("c", "b")));

        assertThat(GraphSvg.draw(layout, Set.of())).doesNotContain("class=\"edge\"").contains("data-revision=\"c\"");
    }

    @Test
    void aMessageIsEscapedNotInterpreted() {
        RevisionInfo evil = new RevisionInfo("x", List.of(), List.of(), List.of(), "drop <script>alert('x')</script> & go", null,
                "x.sql", true, true);

        String svg = GraphSvg.draw(new GraphLayout(List.of(new HistoryEntry("*", evil, true, false, false, List.of()))), null);

        assertThat(svg).contains("drop &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; go").doesNotContain("<script>");
    }

    private static HistoryEntry entry(String id, String... parents) {
        RevisionInfo info = new RevisionInfo(id, Arrays.asList(parents), List.of(), List.of(), "message " + id, null, id + ".sql",
                true, true);
        return new HistoryEntry("*", info, false, false, parents.length > 1, List.of());
    }
}
