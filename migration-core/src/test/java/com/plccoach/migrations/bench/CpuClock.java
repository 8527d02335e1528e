package com.plccoach.migrations.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time, read from Linux's /proc, of the two sides of a run: this JVM with the children it has
 * waited for (psql), and a local PostgreSQL cluster (the postmaster, its live children, and the
 * children it reaped). On a machine shared with other work, wall-clock time varies with the load
 * while CPU time barely does, so it tells the tool's own overhead apart from the neighbours'. The
 * server side is only meaningful on a cluster no one else uses at the same time.
 */
final class CpuClock {

    private static final long TICK_MS = 10; // USER_HZ is 100 on every Linux this runs on
    private final long postmaster;

    private CpuClock(long postmaster) {
        this.postmaster = postmaster;
    }

    /** The clock of the cluster whose data directory is {@code dataDirectory}; the server side reads -1 when it is not local. */
    static CpuClock of(String dataDirectory) {
        try {
            List<String> pid = Files.readAllLines(Path.of(dataDirectory, "postmaster.pid"));
            return new CpuClock(Long.parseLong(pid.get(0).strip()));
        } catch (IOException | RuntimeException e) {
            return new CpuClock(-1);
        }
    }

    /** This JVM's CPU (every thread: JIT and GC are the tool's cost too) plus its reaped children's (psql), in ms. */
    long client() {
        long[] self = fields(Path.of("/proc/self/stat"));
        return self == null ? -1 : (self[0] + self[1] + self[2] + self[3]) * TICK_MS;
    }

    /**
     * The cluster's CPU in ms once no backend of {@code database} is left and every exited one is reaped (an exiting
     * backend's CPU shows nowhere until then); -1 when the cluster is not on this machine.
     */
    long server(String database) throws InterruptedException {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (backendOf(database) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return server();
    }

    private boolean backendOf(String database) {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                long[] child = fields(process.resolve("stat"));
                if (child == null || child[4] != postmaster) {
                    continue;
                }
                // an exiting backend has lost its command line before it turns zombie; both hide its CPU
                String cmdline = new String(Files.readAllBytes(process.resolve("cmdline")));
                if (child[5] == 'Z' || cmdline.isEmpty() || cmdline.contains(" " + database + " ")) {
                    return true;
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    /** The cluster's CPU in ms, backends that have exited included; -1 when the cluster is not on this machine. */
    long server() {
        long[] main = postmaster < 0 ? null : fields(Path.of("/proc", Long.toString(postmaster), "stat"));
        if (main == null) {
            return -1;
        }
        long ticks = main[0] + main[1] + main[2] + main[3];
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                long[] child = fields(process.resolve("stat"));
                if (child != null && child[4] == postmaster) {
                    ticks += child[0] + child[1];
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return ticks * TICK_MS;
    }

    /** utime, stime, cutime, cstime, ppid and state of one process; null when it is gone. */
    private static long[] fields(Path stat) {
        try {
            String line = Files.readString(stat);
            String[] f = line.substring(line.lastIndexOf(')') + 2).split(" "); // f[0] is field 3 (state)
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14]),
                    Long.parseLong(f[1]), f[0].charAt(0)};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
