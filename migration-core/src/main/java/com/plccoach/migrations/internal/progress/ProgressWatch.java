package com.plccoach.migrations.internal.progress;

import com.plccoach.migrations.ShortList;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The progress of one run, owned by it and closed with it: one line per revision with its position
 * and duration ("Applied 412/1000 r412 (message) in 3 ms"), and for a revision still running after
 * {@code announceAfter} an "Applying ..." line, then every {@code every} a line saying what its
 * statement does, read from a second connection (the run's own is busy): wait event, the lock it
 * waits for and who holds it, the phase of an index build. The watcher thread and its connection
 * exist only while the run does, and the connection is opened only once a revision is slow.
 * A quiet watch (a scratch database's run) writes every line at DEBUG.
 */
public final class ProgressWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressWatch.class);
    public static final Duration ANNOUNCE_AFTER = Duration.ofSeconds(2);
    public static final Duration EVERY = Duration.ofSeconds(5);

    private final Supplier<Connection> connections;
    private final int pid;
    private final int total;
    private final boolean quiet;
    private final Duration announceAfter;
    private final Duration every;
    private final ScheduledExecutorService timer;
    private final Object lock = new Object();
    private Connection watcher;
    private boolean watcherFailed;
    /** Written by the run, read by the tick: the revision running now, or null. */
    private volatile Revision current;
    /** The tick's own bookkeeping: the revision it announced, and when that one's next "Still ..." line is due. */
    private Revision announced;
    private long nextReportNanos;

    /** The revision being watched; the tick compares it by identity, so a revision run twice is watched afresh. */
    private record Revision(String verb, String description, int position, long startNanos) {
    }

    /**
     * @param connections where the watcher's connection comes from (the run's own settings); null to report only the time
     * @param pid         the run's backend pid, the session to watch
     * @param total       how many revisions the run has, for "412/1000"
     * @param quiet       log at DEBUG (a scratch database's work is reported by its caller in one line)
     */
    public ProgressWatch(Supplier<Connection> connections, int pid, int total, boolean quiet, Duration announceAfter, Duration every) {
        this.connections = connections;
        this.pid = pid;
        this.total = total;
        this.quiet = quiet;
        this.announceAfter = announceAfter;
        this.every = every;
        // the run's MDC (a fleet member's name) and thread name go with the lines the timer writes
        java.util.Map<String, String> context = org.slf4j.MDC.getCopyOfContextMap();
        String runThread = Thread.currentThread().getName();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(() -> {
                if (context != null) {
                    org.slf4j.MDC.setContextMap(context);
                }
                r.run();
            }, runThread); // same name: a log pattern showing threads puts these lines with the run's
            thread.setDaemon(true);
            return thread;
        });
        this.timer = executor;
        // One tick for the whole run, not a timer per revision: a revision only writes a field as it starts and ends,
        // so a run of a thousand quick revisions wakes no other thread (scheduling and cancelling two tasks per
        // revision woke the timer thread two to four times each). The tick costs a line's lateness of a quarter period.
        long period = Math.max(1, Math.min(announceAfter.toMillis(), every.toMillis()) / 4);
        executor.scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
    }

    public ProgressWatch(Supplier<Connection> connections, int pid, int total, boolean quiet) {
        this(connections, pid, total, quiet, ANNOUNCE_AFTER, EVERY);
    }

    /** Called as revision {@code position} (1-based) starts; {@code verb} is "Applying" or "Reverting". */
    public void started(String verb, String description, int position) {
        current = new Revision(verb, description, position, System.nanoTime());
    }

    /** Called once the revision's work is done; {@code verb} is "Applied" or "Reverted", {@code note} may be empty. */
    public void finished(String verb, String description, int position, long millis, String note) {
        synchronized (lock) { // after a tick's "Applying ..." line of the same revision, never before it
            current = null;
            log("{} {}/{} {} in {} ms{}", verb, position, total, description, millis, note);
        }
    }

    /** The revision failed: nothing more is reported about it (the failure says the rest). */
    public void stopped() {
        synchronized (lock) { // a tick's line about the revision never follows the failure that ends it
            current = null;
        }
    }

    /** On the timer thread: announces the revision running past {@code announceAfter}, then reports it every {@code every}. */
    private void tick() {
        Revision revision = current;
        if (revision == null) {
            return;
        }
        long now = System.nanoTime();
        if (revision != announced) {
            if (now - revision.startNanos() < announceAfter.toNanos()) {
                return;
            }
            synchronized (lock) {
                if (revision == current) {
                    announced = revision;
                    nextReportNanos = now + announceAfter.toNanos();
                    log("{} {}/{} {} ...", revision.verb(), revision.position(), total, revision.description());
                }
            }
            return;
        }
        if (now - nextReportNanos < 0) {
            return;
        }
        Optional<Activity> activity = activity(); // a round trip on the watcher connection, outside the lock
        synchronized (lock) {
            if (revision == current) {
                nextReportNanos = now + every.toNanos();
                long seconds = (now - revision.startNanos()) / 1_000_000_000L;
                log("Still {} {}/{} {} after {} s{}", revision.verb().toLowerCase(java.util.Locale.ROOT),
                        revision.position(), total, shortDescription(revision.description()), seconds,
                        activity.map(a -> ": " + a).orElse(""));
            }
        }
    }

    /** Read on the timer thread only, so the watcher connection is never shared. */
    private Optional<Activity> activity() {
        if (watcherFailed || connections == null) {
            return Optional.empty();
        }
        try {
            if (watcher == null) {
                watcher = connections.get();
                watcher.setAutoCommit(true);
                try (Statement st = watcher.createStatement()) {
                    st.execute("SET application_name = 'plccoach-migrations progress of pid " + pid + "'");
                }
            }
            return Activity.read(watcher, pid);
        } catch (SQLException | RuntimeException e) {
            watcherFailed = true;
            LOG.debug("Cannot watch backend {} from a second connection; progress lines carry only the elapsed time", pid, e);
            return Optional.empty();
        }
    }

    /** Not SLF4J 2's fluent API: Maven up to 3.9 gives plugins SLF4J 1.7. */
    private void log(String format, Object... arguments) {
        if (quiet) {
            LOG.debug(format, arguments);
        } else {
            LOG.info(format, arguments);
        }
    }

    private static String shortDescription(String description) {
        return ShortList.clip(description);
    }

    /** Stops the timer and closes the watcher's connection; the run's own connection is not touched. */
    @Override
    public void close() {
        current = null;
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (watcher != null) {
            try {
                watcher.close();
            } catch (SQLException e) {
                LOG.debug("Closing the progress connection failed", e);
            }
        }
    }

    @Override
    public String toString() {
        return "ProgressWatch[pid=" + pid + ", total=" + total + ", quiet=" + quiet + "]";
    }
}
