package com.plccoach.migrations.bench;

import com.plccoach.migrations.MigrationResult;
import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.ScriptSource;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * The up-to-date check as a service does it at start-up, in a fresh JVM: build a Migrator, read and
 * parse the revision files, connect, lock, read the state, compare checksums, find nothing to do.
 * Prints the time from main() and from the JVM's start (class loading included in both), and the process's CPU time
 * (JIT and GC threads included).
 *
 * <pre>
 * java -cp "$(cat cp.txt)" com.plccoach.migrations.bench.UpToDateCheck &lt;jdbc-url&gt; &lt;revisions-dir&gt;
 * </pre>
 */
public final class UpToDateCheck {

    private UpToDateCheck() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        MigrationResult result = Migrator.builder().url(args[0]).scripts(ScriptSource.directory(Path.of(args[1]))).build().upgrade("head");
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (!result.upToDate()) {
            throw new IllegalStateException("not up to date: " + result);
        }
        // CPU time too: on a shared machine the wall time mostly measures the neighbours
        long cpuMs = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime()
                / 1_000_000;
        System.out.printf("up-to-date check: %d ms in main() (class loading, parsing, connecting included), JVM uptime %d ms, "
                + "process CPU %d ms%n", ms, ManagementFactory.getRuntimeMXBean().getUptime(), cpuMs);
    }
}
