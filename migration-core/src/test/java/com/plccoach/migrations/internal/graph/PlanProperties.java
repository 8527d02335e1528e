package com.plccoach.migrations.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.plccoach.migrations.internal.script.Revision;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Plans over random DAGs (merges, several roots, depends_on across branches), checked against a naive model. */
class PlanProperties {

    /** A random DAG: each revision takes up to three earlier revisions as parents and maybe one as a dependency. */
    static List<Revision> randomDag(long seed, int size) {
        Random random = new Random(seed);
        List<Revision> revisions = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Set<String> parents = new java.util.LinkedHashSet<>();
            if (i > 0 && random.nextInt(8) != 0) {
                int count = 1 + (random.nextInt(5) == 0 ? 1 + random.nextInt(2) : 0);
                for (int k = 0; k < count; k++) {
                    parents.add("r" + (i - 1 - random.nextInt(Math.min(i, 4 + random.nextInt(i)))));
                }
            }
            List<String> deps = new ArrayList<>();
            if (i > 1 && random.nextInt(6) == 0) {
                String dep = "r" + random.nextInt(i);
                if (!parents.contains(dep)) {
                    deps.add(dep);
                }
            }
            String id = "r" + i;
            revisions.add(new Revision(id, List.copyOf(parents), List.of(), deps, "m", null, true, "SELECT 1;\n", 4,
                    "SELECT 2;\n", 6, id + ".sql", "c" + id));
        }
        Collections.shuffle(revisions, random);
        return revisions;
    }

    static Set<String> naiveAncestors(Map<String, Revision> byId, Set<String> start) {
        Set<String> seen = new HashSet<>();
        List<String> todo = new ArrayList<>(start);
        while (!todo.isEmpty()) {
            String id = todo.remove(todo.size() - 1);
            if (seen.add(id)) {
                todo.addAll(byId.get(id).parents());
                todo.addAll(byId.get(id).dependsOn());
            }
        }
        return seen;
    }

    /** A consistent applied state: everything some random revisions need. */
    static Set<String> randomState(List<Revision> revisions, Map<String, Revision> byId, long seed) {
        Random random = new Random(seed);
        Set<String> picked = new HashSet<>();
        for (Revision r : revisions) {
            if (random.nextInt(4) == 0) {
                picked.add(r.id());
            }
        }
        return naiveAncestors(byId, picked);
    }

    static Map<String, Revision> byId(List<Revision> revisions) {
        Map<String, Revision> map = new HashMap<>();
        revisions.forEach(r -> map.put(r.id(), r));
        return map;
    }

    private static void assertParentsFirst(List<Revision> steps, Set<String> alreadyApplied) {
        Set<String> done = new HashSet<>(alreadyApplied);
        for (Revision step : steps) {
            assertThat(done).as("parents and depends_on of %s applied before it", step.id())
                    .containsAll(step.parents()).containsAll(step.dependsOn());
            done.add(step.id());
        }
    }

    @Property(tries = 300)
    void upgrading_to_a_target_applies_exactly_its_ancestors_and_dependencies(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 40) int size, @ForAll @IntRange(min = 0, max = 39) int pick) {
        List<Revision> revisions = randomDag(seed, size);
        Map<String, Revision> byId = byId(revisions);
        RevisionGraph graph = RevisionGraph.of(revisions);
        String target = "r" + (pick % size);
        Set<String> state = randomState(revisions, byId, seed ^ 0x5DEECE66DL);

        Plan plan = graph.upgradePlan(state, target);

        Set<String> after = new HashSet<>(state);
        plan.steps().forEach(r -> after.add(r.id()));
        Set<String> expected = new HashSet<>(state);
        expected.addAll(naiveAncestors(byId, Set.of(target)));
        assertThat(after).isEqualTo(expected);
        assertThat(plan.steps()).extracting(Revision::id).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(state).doesNotContain(id));
        assertParentsFirst(plan.steps(), state);
    }

    @Property(tries = 300)
    void upgrading_from_base_to_heads_applies_everything_parents_first(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 60) int size) {
        List<Revision> revisions = randomDag(seed, size);
        Plan plan = RevisionGraph.of(revisions).upgradePlan(Set.of(), "heads");
        assertThat(plan.steps()).hasSize(size);
        assertParentsFirst(plan.steps(), Set.of());
    }

    @Property(tries = 300)
    void downgrading_to_a_target_then_upgrading_back_restores_the_state(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 40) int size, @ForAll @IntRange(min = 0, max = 40) int pick) {
        List<Revision> revisions = randomDag(seed, size);
        Map<String, Revision> byId = byId(revisions);
        RevisionGraph graph = RevisionGraph.of(revisions);
        Set<String> state = randomState(revisions, byId, seed + 17);
        List<String> applied = new ArrayList<>(state);
        Collections.sort(applied);
        String target = applied.isEmpty() || pick >= applied.size() ? "base" : applied.get(pick);

        Plan down;
        try {
            down = graph.downgradePlan(state, target);
        } catch (com.plccoach.migrations.TargetException onlyADependency) {
            assertThat(onlyADependency).hasMessageContaining("applied only as a dependency");
            return;
        }

        Set<String> after = new HashSet<>(state);
        down.steps().forEach(r -> after.remove(r.id()));
        assertThat(state).containsAll(down.steps().stream().map(Revision::id).toList());
        // what remains is a consistent state that still holds the target and nothing built on it
        assertThat(naiveAncestors(byId, after)).isEqualTo(after);
        if (!target.equals("base")) {
            assertThat(after).containsAll(naiveAncestors(byId, Set.of(target)));
        } else {
            assertThat(after).isEmpty();
        }
        // children and dependents are reverted before what they need
        Set<String> stillApplied = new HashSet<>(state);
        for (Revision step : down.steps()) {
            stillApplied.remove(step.id());
            for (String other : stillApplied) {
                assertThat(byId.get(other).parents()).as("%s reverted while its child %s is applied", step.id(), other)
                        .doesNotContain(step.id());
                assertThat(byId.get(other).dependsOn()).doesNotContain(step.id());
            }
        }

        Plan up = graph.upgradePlanTo(after, graph.headsOf(state), "back");
        Set<String> restored = new HashSet<>(after);
        up.steps().forEach(r -> restored.add(r.id()));
        assertThat(restored).isEqualTo(state);
        assertParentsFirst(up.steps(), after);
    }

    @Property(tries = 200)
    void downgrading_to_an_applied_revision_leaves_revisions_that_do_not_build_on_it(@ForAll long seed,
            @ForAll @IntRange(min = 2, max = 40) int size, @ForAll @IntRange(min = 0, max = 40) int pick) {
        List<Revision> revisions = randomDag(seed, size);
        Map<String, Revision> byId = byId(revisions);
        RevisionGraph graph = RevisionGraph.of(revisions);
        Set<String> state = randomState(revisions, byId, seed - 3);
        if (state.isEmpty()) {
            return;
        }
        List<String> applied = new ArrayList<>(state);
        Collections.sort(applied);
        String target = applied.get(pick % applied.size());

        Set<String> reverted = new HashSet<>();
        try {
            graph.downgradePlan(state, target).steps().forEach(r -> reverted.add(r.id()));
        } catch (com.plccoach.migrations.TargetException onlyADependency) {
            assertThat(onlyADependency).hasMessageContaining("applied only as a dependency");
            return;
        }

        for (String id : reverted) {
            // every reverted revision needs the target (it sits on the target's branch)
            assertThat(naiveAncestors(byId, Set.of(id))).contains(target);
        }
    }

    @Property(tries = 100)
    void plans_are_deterministic(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int size) {
        List<Revision> revisions = randomDag(seed, size);
        assertThat(RevisionGraph.of(revisions).upgradePlan(Set.of(), "heads"))
                .isEqualTo(RevisionGraph.of(new ArrayList<>(revisions)).upgradePlan(Set.of(), "heads"));
    }
}
