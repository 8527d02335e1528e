package com.plccoach.migrations.bench;

import com.plccoach.migrations.internal.graph.Plan;
import com.plccoach.migrations.internal.graph.RevisionGraph;
import com.plccoach.migrations.internal.script.Revision;
import com.plccoach.migrations.internal.script.RevisionParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Builds, validates, finds heads and plans on generated graphs of 1,000, 10,000 and 100,000
 * revisions, linear and with many branches and merges; prints times (best of a few runs, after a
 * warm-up) and the heap the graph holds. Not a test: run it with
 *
 * <pre>
 * ./mvnw -B -q -pl migration-core test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.plccoach.migrations.bench.GraphBenchmark [-Dexec.args=--quick]
 * </pre>
 *
 * {@code --quick} stops at 10,000 revisions and runs each step once.
 */
public final class GraphBenchmark {

    private GraphBenchmark() {
    }

    public static void main(String[] args) {
        boolean quick = List.of(args).contains("--quick");
        int[] sizes = quick ? new int[] {1_000, 10_000} : new int[] {1_000, 10_000, 100_000};
        int runs = quick ? 1 : 3;

        // warm the JIT so that the first size measured is not mostly interpretation
        for (int w = 0; w < (quick ? 2 : 10); w++) {
            measure(files(linear(5_000)), 1, false);
            measure(files(branchy(5_000)), 1, false);
        }
        System.out.printf(Locale.ROOT, "%-8s %8s %9s %9s %9s %9s %9s %9s %9s %9s%n", "shape", "revs", "parse ms", "build ms",
                "heads ms", "up ms", "down ms", "resolve", "history", "heap MB");
        for (int size : sizes) {
            System.out.println(measure(files(linear(size)), runs, true).line("linear", size));
            System.out.println(measure(files(branchy(size)), runs, true).line("branchy", size));
        }
    }

    private record Result(double parse, double build, double heads, double up, double down, double resolve, double history,
            double heapMb) {
        String line(String shape, int size) {
            return String.format(Locale.ROOT, "%-8s %8d %9.1f %9.1f %9.2f %9.1f %9.1f %9.2f %9.1f %9.1f", shape, size, parse,
                    build, heads, up, down, resolve, history, heapMb);
        }
    }

    private static Result measure(List<byte[]> files, int runs, boolean withHeap) {
        double parse = Double.MAX_VALUE;
        double build = Double.MAX_VALUE;
        double heads = Double.MAX_VALUE;
        double up = Double.MAX_VALUE;
        double down = Double.MAX_VALUE;
        double resolve = Double.MAX_VALUE;
        double history = Double.MAX_VALUE;
        double heap = 0;
        RevisionParser parser = new RevisionParser(Map.of());
        long baseline = withHeap ? usedAfterGc() : 0;
        for (int run = 0; run < runs; run++) {
            long t0 = System.nanoTime();
            List<Revision> revisions = new ArrayList<>(files.size());
            for (int i = 0; i < files.size(); i++) {
                revisions.add(parser.parse("f" + i + ".sql", files.get(i)));
            }
            long t1 = System.nanoTime();
            RevisionGraph graph = RevisionGraph.of(revisions);
            long t2 = System.nanoTime();
            List<Revision> graphHeads = graph.heads();
            long t3 = System.nanoTime();
            Plan upgrade = graph.upgradePlan(Set.of(), "heads");
            long t4 = System.nanoTime();
            Set<String> all = new HashSet<>();
            upgrade.steps().forEach(r -> all.add(r.id()));
            long t5 = System.nanoTime();
            Plan downgrade = graph.downgradePlan(all, "base");
            long t6 = System.nanoTime();
            graph.resolve(graphHeads.get(0).id().substring(0, 8), all);
            graph.resolve("-1", all);
            long t7 = System.nanoTime();
            int lines = graph.history(null, Set.of()).size();
            long t8 = System.nanoTime();
            if (upgrade.steps().size() != files.size() || downgrade.steps().size() != files.size() || lines != files.size()) {
                throw new IllegalStateException("plans do not cover the graph");
            }
            parse = Math.min(parse, ms(t0, t1));
            build = Math.min(build, ms(t1, t2));
            heads = Math.min(heads, ms(t2, t3));
            up = Math.min(up, ms(t3, t4));
            down = Math.min(down, ms(t5, t6));
            resolve = Math.min(resolve, ms(t6, t7));
            history = Math.min(history, ms(t7, t8));
            if (withHeap && run == 0) {
                revisions = null;
                heap = retainedMb(graph, baseline);
            }
        }
        return new Result(parse, build, heads, up, down, resolve, history, heap);
    }

    /** Heap the parsed revisions and the graph hold: in use with the graph alive, minus in use before parsing. */
    private static double retainedMb(RevisionGraph graph, long baseline) {
        long with = usedAfterGc();
        if (graph.size() < 0) {
            throw new IllegalStateException("keeps the graph reachable until measured");
        }
        return (with - baseline) / 1_048_576.0;
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static double ms(long from, long to) {
        return (to - from) / 1_000_000.0;
    }

    private static String id(int i) {
        return String.format(Locale.ROOT, "%012x", (i * 0x9E3779B97F4AL) & 0xFFFFFFFFFFFFL);
    }

    /** Parent lists of a chain. */
    static List<List<String>> linear(int size) {
        List<List<String>> parents = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            parents.add(i == 0 ? List.of() : List.of(id(i - 1)));
        }
        return parents;
    }

    /**
     * Parent lists of a graph where branches open and merge all the time (about one revision in
     * eight opens or closes a branch), ending in one head.
     */
    static List<List<String>> branchy(int size) {
        Random random = new Random(42);
        List<List<String>> parents = new ArrayList<>(size);
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            List<String> p;
            boolean last = i == size - 1;
            if (i == 0) {
                p = List.of();
            } else if (last || (open.size() > 1 && random.nextInt(16) == 0)) {
                List<String> joined = new ArrayList<>();
                int count = last ? open.size() : 2;
                for (int k = 0; k < count; k++) {
                    joined.add(id(open.remove(last ? 0 : random.nextInt(open.size()))));
                }
                p = joined;
            } else if (random.nextInt(16) == 0 && open.size() < 64) {
                p = List.of(id(open.get(random.nextInt(open.size()))));
            } else {
                p = List.of(id(open.remove(random.nextInt(open.size()))));
            }
            open.add(i);
            parents.add(p);
        }
        return parents;
    }

    private static List<byte[]> files(List<List<String>> parents) {
        List<byte[]> files = new ArrayList<>(parents.size());
        for (int i = 0; i < parents.size(); i++) {
            String text = "-- revision: " + id(i) + "\n-- down_revision: " + (parents.get(i).isEmpty() ? "base"
                    : String.join(", ", parents.get(i))) + "\n-- message: revision " + i + "\n-- create_date: 2025-11-14 09:00:00\n\n"
                    + "CREATE TABLE t" + i + " (id bigint PRIMARY KEY, name text NOT NULL);\n\n-- //@UNDO\n\nDROP TABLE t" + i + ";\n";
            files.add(text.getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }
}
