package com.plccoach.migrations.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.plccoach.migrations.TargetException;
import com.plccoach.migrations.internal.script.Revision;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Every target form over random DAGs with labels, checked against a naive model of Alembic's rules:
 * an upgrade applies exactly the target's ancestors (depends_on included), a downgrade reverts exactly
 * what is built on the target through down_revision plus what depends on a reverted revision, and a
 * label@ downgrade stays on its branch. A fuzz test feeds generated target strings to every entry point.
 */
class TargetProperties {

    /** {@link PlanProperties#randomDag} with a branch label on about one revision in five (some with a '-' in it). */
    static List<Revision> labelledDag(long seed, int size) {
        Random random = new Random(seed * 31 + 7);
        List<Revision> out = new ArrayList<>();
        int labels = 0;
        for (Revision r : PlanProperties.randomDag(seed, size)) {
            if (random.nextInt(5) == 0) {
                r = new Revision(r.id(), r.parents(), List.of((labels % 2 == 0 ? "l" : "f-") + labels++), r.dependsOn(), r.message(), null, true, r.upSql(),
                        r.upLine(), r.downSql(), r.downLine(), r.location(), r.checksum());
            }
            out.add(r);
        }
        return out;
    }

    /** One instance of every target form, filled in with revisions and labels of this graph. */
    static List<String> forms(List<Revision> revisions, Random random) {
        List<String> ids = revisions.stream().map(Revision::id).sorted().toList();
        List<String> labels = revisions.stream().flatMap(r -> r.branchLabels().stream()).toList();
        String id = ids.get(random.nextInt(ids.size()));
        int n = 1 + random.nextInt(3);
        List<String> forms = new ArrayList<>(List.of("head", "heads", "base", id, id + "@head", "+" + n, "-" + n,
                "head-" + n, id + "+" + n, id + "-" + n, "base+" + n, id + "@heads", id + "@base", id + "@+" + n, id + "@-" + n));
        if (id.length() > 2) {
            forms.add(id.substring(0, id.length() - 1));
        }
        for (String label : labels) {
            String member = ids.get(random.nextInt(ids.size()));
            forms.addAll(List.of(label, label + "@head", label + "@heads", label + "@base", label + "@" + member,
                    label + "@" + member + "+" + n, label + "@" + member + "-" + n, label + "@+" + n, label + "@-" + n,
                    label + "@head-" + n, label + "@base+" + n));
        }
        return forms;
    }

    @Property(tries = 200)
    void an_upgrade_applies_exactly_the_ancestors_of_the_target(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int size) {
        List<Revision> revisions = labelledDag(seed, size);
        Map<String, Revision> byId = PlanProperties.byId(revisions);
        RevisionGraph graph = RevisionGraph.of(revisions);
        Set<String> state = PlanProperties.randomState(revisions, byId, seed + 1);
        for (String form : forms(revisions, new Random(seed))) {
            List<String> targets;
            Plan plan;
            try {
                targets = graph.resolve(form, state);
                plan = graph.upgradePlan(state, form);
            } catch (TargetException refused) {
                continue;
            }
            Set<String> after = new HashSet<>(state);
            plan.steps().forEach(r -> after.add(r.id()));
            Set<String> expected = new HashSet<>(state);
            expected.addAll(PlanProperties.naiveAncestors(byId, new HashSet<>(targets)));
            Statistics.label("upgrade").collect(plan.isEmpty() ? "nothing to apply" : "applies some");
            assertThat(after).as("upgrade to %s from %s", form, state).isEqualTo(expected);
        }
    }

    @Property(tries = 200)
    void a_downgrade_reverts_exactly_what_is_built_on_the_target_and_what_depends_on_that(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 30) int size) {
        List<Revision> revisions = labelledDag(seed, size);
        Map<String, Revision> byId = PlanProperties.byId(revisions);
        RevisionGraph graph = RevisionGraph.of(revisions);
        Set<String> state = PlanProperties.randomState(revisions, byId, seed + 2);
        for (String form : forms(revisions, new Random(seed))) {
            List<String> targets;
            try {
                targets = graph.resolve(form, state);
            } catch (TargetException refused) {
                continue;
            }
            if (targets.isEmpty()) {
                continue; // base and moves below a root: TargetFormsTest and the label property below
            }
            Set<String> expected = naiveReverted(byId, state, targets);
            Throwable thrown = catchThrowable(() -> graph.downgradePlan(state, form));
            if (thrown != null && thrown.getMessage().contains("moves up from the applied revisions")) {
                continue;
            }
            if (!state.containsAll(targets)) {
                assertThat(thrown).as("downgrade to %s, not applied in %s", form, state).isInstanceOf(TargetException.class)
                        .hasMessageContaining("it is not applied");
            } else if (expected.isEmpty() && targets.size() == 1 && !naiveTips(byId, state).contains(targets.get(0))) {
                assertThat(thrown).as("downgrade to %s, only a dependency in %s", form, state)
                        .isInstanceOf(TargetException.class).hasMessageContaining("applied only as a dependency");
            } else if (!(thrown instanceof TargetException)) {
                assertThat(thrown).isNull();
                Set<String> reverted = new HashSet<>(ids(graph.downgradePlan(state, form)));
                Statistics.label("downgrade").collect(reverted.isEmpty() ? "nothing to revert" : "reverts some");
                assertThat(reverted).as("downgrade to %s from %s", form, state).isEqualTo(expected);
            }
        }
    }

    @Property(tries = 200)
    void base_reverts_everything_applied(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int size) {
        List<Revision> revisions = labelledDag(seed, size);
        Map<String, Revision> byId = PlanProperties.byId(revisions);
        Set<String> state = PlanProperties.randomState(revisions, byId, seed + 3);
        assertThat(new HashSet<>(ids(RevisionGraph.of(revisions).downgradePlan(state, "base")))).isEqualTo(state);
    }

    @Property(tries = 300)
    void a_label_downgrade_never_reverts_another_branch(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int size) {
        List<Revision> revisions = labelledDag(seed, size);
        Map<String, Revision> byId = PlanProperties.byId(revisions);
        RevisionGraph graph = RevisionGraph.of(revisions);
        Set<String> state = PlanProperties.randomState(revisions, byId, seed + 4);
        for (String form : forms(revisions, new Random(seed))) {
            int at = form.indexOf('@');
            String label = at < 0 ? null : form.substring(0, at);
            if (label == null || !graph.labels().containsKey(label)) {
                continue;
            }
            List<String> reverted;
            try {
                reverted = ids(graph.downgradePlan(state, form));
            } catch (TargetException refused) {
                continue;
            }
            Statistics.label("label downgrade").collect(reverted.isEmpty() ? "nothing to revert" : "reverts some");
            Set<String> members = naiveMembers(byId, graph.labels().get(label).id());
            Set<String> onBranch = new HashSet<>(reverted);
            onBranch.retainAll(members);
            Set<String> allowed = naiveBuiltOn(byId, onBranch, true);
            assertThat(allowed).as("%s from %s reverts %s; branch %s", form, state, reverted, members).containsAll(reverted);
        }
    }

    @Provide
    Arbitrary<String> targetStrings() {
        Arbitrary<String> token = Arbitraries.oneOf(Arbitraries.of("r1", "r12", "r2", "r", "l0", "f-1", "l2", "zz", "head", "heads",
                "base", "@", "+", "-", ":", "0", "1", "2", "99999999999"), Arbitraries.strings().withCharRange('0', '9')
                .ofMinLength(1).ofMaxLength(2));
        return token.list().ofMinSize(1).ofMaxSize(6).map(parts -> String.join("", parts));
    }

    @Property(tries = 1000)
    void every_failure_from_a_target_string_is_a_target_exception_naming_it(@ForAll("targetStrings") String target,
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 15) int size) {
        List<Revision> revisions = labelledDag(seed, size);
        RevisionGraph graph = RevisionGraph.of(revisions);
        Set<String> state = PlanProperties.randomState(revisions, PlanProperties.byId(revisions), seed + 5);
        List<Runnable> calls = List.of(() -> graph.resolve(target, state), () -> graph.resolveOne(target, Set.of()),
                () -> graph.upgradePlan(state, target), () -> graph.downgradePlan(state, target),
                () -> graph.planTowards(state, target), () -> graph.history(target.contains(":") ? target : target + ":", state));
        for (Runnable call : calls) {
            Throwable thrown = catchThrowable(call::run);
            if (thrown != null) {
                assertThat(thrown).isInstanceOf(TargetException.class).hasMessageContaining(target);
                assertThat(((TargetException) thrown).target()).isNotNull();
            }
        }
    }

    // ---- the naive model ----

    private static List<String> ids(Plan plan) {
        return plan.steps().stream().map(Revision::id).toList();
    }

    /** Revisions built on {@code start} through children (and dependents when asked), start included. */
    static Set<String> naiveBuiltOn(Map<String, Revision> byId, Set<String> start, boolean withDependents) {
        Set<String> seen = new HashSet<>(start);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Revision r : byId.values()) {
                boolean onTop = r.parents().stream().anyMatch(seen::contains)
                        || withDependents && r.dependsOn().stream().anyMatch(seen::contains);
                if (onTop && seen.add(r.id())) {
                    grew = true;
                }
            }
        }
        return seen;
    }

    private static Set<String> naiveReverted(Map<String, Revision> byId, Set<String> state, List<String> targets) {
        Set<String> children = new HashSet<>();
        for (Revision r : byId.values()) {
            if (r.parents().stream().anyMatch(targets::contains)) {
                children.add(r.id());
            }
        }
        Set<String> reverted = naiveBuiltOn(byId, children, true);
        reverted.retainAll(state);
        reverted.removeAll(PlanProperties.naiveAncestors(byId, new HashSet<>(targets)));
        return reverted;
    }

    private static Set<String> naiveTips(Map<String, Revision> byId, Set<String> state) {
        Set<String> needed = new HashSet<>();
        for (String id : state) {
            Set<String> below = PlanProperties.naiveAncestors(byId, Set.of(id));
            below.remove(id);
            needed.addAll(below);
        }
        Set<String> tips = new HashSet<>(state);
        tips.removeAll(needed);
        return tips;
    }

    /** The declaring revision, what is built on it, and the unbranched run below it. */
    private static Set<String> naiveMembers(Map<String, Revision> byId, String declarer) {
        Set<String> members = naiveBuiltOn(byId, Set.of(declarer), false);
        Revision below = byId.get(declarer);
        while (childCount(byId, below.id()) <= 1 && below.parents().size() == 1) {
            Revision parent = byId.get(below.parents().get(0));
            if (childCount(byId, parent.id()) > 1 || parent.parents().size() > 1) {
                break;
            }
            members.add(parent.id());
            below = parent;
        }
        return members;
    }

    private static long childCount(Map<String, Revision> byId, String id) {
        return byId.values().stream().filter(r -> r.parents().contains(id)).count();
    }
}
