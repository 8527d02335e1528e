package com.plccoach.migrations.bench;

import static com.plccoach.migrations.testing.RevisionFiles.revision;

import com.plccoach.migrations.internal.graph.Plan;
import com.plccoach.migrations.internal.graph.RevisionGraph;
import com.plccoach.migrations.internal.script.Revision;
import com.plccoach.migrations.internal.script.RevisionParser;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
        int runs = quick ? 1 : 5;

        // warm the JIT so that the first size measured is not mostly interpretation
        for (int w = 0; w < (quick ? 2 : 10); w++) {
            measure(files(linear(5_000)), 1, false);
            measure(files(branchy(5_000)), 1, false);
        }
        System.out.printf(Locale.ROOT, "cores %d, load average %.1f; best of %d runs; each cell: wall ms / thread CPU ms%n",
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                runs);
        System.out.printf(Locale.ROOT, "%-8s %7s %15s %15s %13s %13s %13s %13s %13s %13s %8s%n", "shape", "revs", "parse",
                "build+validate", "heads", "upgrade plan", "downgr. plan", "resolve", "history", "total", "heap MB");
        for (int size : sizes) {
            System.out.println(measure(files(linear(size)), runs, true).line("linear", size));
            System.out.println(measure(files(branchy(size)), runs, true).line("branchy", size));
        }
    }

    /** Best wall and thread CPU time of one step over the runs, in milliseconds. */
    private static final class Timing {
        private double wall = Double.MAX_VALUE;
        private double cpu = Double.MAX_VALUE;

        void add(long wallNanos, long cpuNanos) {
            wall = Math.min(wall, wallNanos / 1_000_000.0);
            cpu = Math.min(cpu, cpuNanos / 1_000_000.0);
        }

        String cell(int width) {
            return String.format(Locale.ROOT, "%" + width + "s", String.format(Locale.ROOT, "%.1f / %.1f", wall, cpu));
        }
    }

    private record Result(Timing[] steps, double heapMb) {
        String line(String shape, int size) {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-8s %7d", shape, size));
            for (int k = 0; k < steps.length; k++) {
                sb.append(' ').append(steps[k].cell(k < 2 ? 15 : 13));
            }
            return sb.append(String.format(Locale.ROOT, " %8.1f", heapMb)).toString();
        }
    }

    private static Result measure(List<byte[]> files, int runs, boolean withHeap) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Timing[] steps = new Timing[8];
        for (int k = 0; k < steps.length; k++) {
            steps[k] = new Timing();
        }
        double heap = 0;
        RevisionParser parser = new RevisionParser(Map.of());
        long baseline = withHeap ? usedAfterGc() : 0;
        for (int run = 0; run < runs; run++) {
            long[] wall = new long[9];
            long[] cpu = new long[9];
            int k = 0;
            wall[k] = System.nanoTime();
            cpu[k++] = threads.getCurrentThreadCpuTime();
            List<Revision> revisions = new ArrayList<>(files.size());
            for (int i = 0; i < files.size(); i++) {
                revisions.add(parser.parse("f" + i + ".sql", files.get(i)));
            }
            wall[k] = System.nanoTime();
            cpu[k++] = threads.getCurrentThreadCpuTime();
            RevisionGraph graph = RevisionGraph.of(revisions);
            wall[k] = System.nanoTime();
            cpu[k++] = threads.getCurrentThreadCpuTime();
            List<Revision> graphHeads = graph.heads();
            wall[k] = System.nanoTime();
            cpu[k++] = threads.getCurrentThreadCpuTime();
            Plan upgrade = graph.upgradePlan(Set.of(), "heads");
            wall[k] = System.nanoTime();
            cpu[k++] = threads.getCurrentThreadCpuTime();
            Set<String> all = new HashSet<>();
            upgrade.steps().forEach(r -> all.add(r.id()));
            Plan downgrade = graph.downgradePlan(all, "base");
            wall[k] = System.nanoTime();
            cpu[k++] = threads.getCurrentThreadCpuTime();
            graph.resolve(graphHeads.get(0).id().substring(0, 8), all);
            graph.resolve("-1", all);
            wall[k] = System.nanoTime();
            cpu[k++] = threads.getCurrentThreadCpuTime();
            int lines = graph.history(null, Set.of()).size();
            wall[k] = System.nanoTime();
            cpu[k++] = threads.getCurrentThreadCpuTime();
            if (upgrade.steps().size() != files.size() || downgrade.steps().size() != files.size() || lines != files.size()) {
                throw new IllegalStateException("plans do not cover the graph");
            }
            for (int step = 0; step < 7; step++) {
                steps[step].add(wall[step + 1] - wall[step], cpu[step + 1] - cpu[step]);
            }
            steps[7].add(wall[7] - wall[0], cpu[7] - cpu[0]);
            if (withHeap && run == 0) {
                heap = retainedMb(graph, baseline);
            }
        }
        return new Result(steps, heap);
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
            String text = revision(id(i), parents.get(i).isEmpty() ? "base" : String.join(", ", parents.get(i)))
                    .message("revision " + i).header("create_date", "2025-11-14 09:00:00")
                    .up("CREATE TABLE t" + i + " (id bigint PRIMARY KEY, name text NOT NULL);").down("DROP TABLE t" + i + ";").text();
            files.add(text.getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }
}
