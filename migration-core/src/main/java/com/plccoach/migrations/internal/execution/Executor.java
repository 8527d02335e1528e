package com.plccoach.migrations.internal.execution;

import com.plccoach.migrations.AppliedRevision;
import com.plccoach.migrations.CurrentState;
import com.plccoach.migrations.DatabaseUnavailableException;
import com.plccoach.migrations.Direction;
import com.plccoach.migrations.MigrationException;
import com.plccoach.migrations.MigrationResult;
import com.plccoach.migrations.MigratorConfig;
import com.plccoach.migrations.internal.graph.Plan;
import com.plccoach.migrations.internal.progress.ProgressWatch;
import com.plccoach.migrations.internal.progress.ScratchRuns;
import com.plccoach.migrations.internal.script.Revision;
import com.plccoach.migrations.internal.state.HistoryEntry;
import com.plccoach.migrations.internal.state.StateStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One command against the database, in the order every writing command follows: connect, take the
 * lock, create the state tables if needed, read the applied set, refuse drift, plan, check the plan,
 * {@link BeforeRun} (analyse, guard, back up), run, record in history, release.
 */
public final class Executor {

    private static final Logger LOG = LoggerFactory.getLogger(Executor.class);

    private final MigratorConfig config;
    private final Supplier<Connection> connections;
    private final StateStore store;
    private final MigrationLock lock;
    private final Runner runner;

    public Executor(MigratorConfig config, Supplier<Connection> connections) {
        this.config = config;
        this.connections = connections;
        this.store = new StateStore(config.schema());
        this.lock = new MigrationLock(config.schema(), config.advice());
        this.runner = new Runner(store.sql(), config.lockTimeout(), config.transactionPerRevision(), config.lockRetries(),
                config.batchPause(), config.advice());
    }

    public StateStore store() {
        return store;
    }

    public Runner runner() {
        return runner;
    }

    /** Upgrades or downgrades to {@code target} as {@code source} plans it from the applied set. */
    public MigrationResult run(Direction direction, String target, PlanSource source, BeforeRun beforeRun) {
        return run(direction, target, source, beforeRun, RunWatch.NONE);
    }

    /** As {@link #run(Direction, String, PlanSource, BeforeRun)}, the statements that can destroy data run by {@code watch}. */
    public MigrationResult run(Direction direction, String target, PlanSource source, BeforeRun beforeRun, RunWatch watch) {
        long started = System.nanoTime();
        Instant startedAt = Instant.now();
        String command = config.advice().run(direction.name().toLowerCase(), "target", target);
        try (Connection connection = open()) {
            MigrationResult upToDate = upToDate(connection, direction, target, source, started);
            if (upToDate != null) {
                return upToDate;
            }
            lockOrThrow(connection);
            try {
                Map<String, AppliedRevision> applied = store.ensureAndRead(connection);
                Validation.requireIntact(applied, source.revisions(), source::headsOf, source.describe(), config.advice());
                List<String> headsBefore = heads(source, applied.keySet());
                Plan plan = source.plan(applied.keySet());
                if (plan.isEmpty()) {
                    return alreadyAt(direction, target, headsBefore, started);
                }
                PreparedPlan prepared = PreparedPlan.of(plan, config.advice());
                warnAboutLastFailure(connection, source, applied);
                info("{} to {}: {} revision(s) from {}", direction == Direction.UPGRADE ? "Upgrading" : "Downgrading", target,
                        prepared.size(), headsBefore.isEmpty() ? "<base>" : String.join(", ", headsBefore));
                RunProgress progress = new RunProgress();
                try (ProgressWatch lines = new ProgressWatch(connections, backendPid(connection), prepared.size(), quiet())) {
                    runner.run(connection, prepared, beforeRun, watch, progress, command, lines);
                } catch (RuntimeException e) {
                    List<String> headsAfter = heads(source, after(applied.keySet(), direction, progress.committedIds()));
                    record(connection, new HistoryEntry(direction.name().toLowerCase(), target, progress.committedIds(), headsBefore,
                            headsAfter, false, e.getMessage(), progress.failedRevision(), startedAt, elapsedMs(started),
                            null, osUser(), toolVersion(), pathOrNull(progress.backup())));
                    throw e;
                }
                List<String> headsAfter = heads(source, after(applied.keySet(), direction, progress.committedIds()));
                Duration duration = Duration.ofNanos(System.nanoTime() - started);
                record(connection, new HistoryEntry(direction.name().toLowerCase(), target, progress.committedIds(), headsBefore,
                        headsAfter, true, null, null, startedAt, duration.toMillis(), null, osUser(), toolVersion(),
                        pathOrNull(progress.backup())));
                MigrationResult result = new MigrationResult(direction, target, headsBefore, headsAfter, progress.committed(),
                        duration, progress.backup());
                info("Done: {}", result);
                return result;
            } finally {
                unlockQuietly(connection);
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /**
     * The result of a run with nothing to do, found without the migration lock (two round trips fewer for
     * the check every service makes at start-up), or null when there may be work: then the caller takes
     * the lock and reads again. Safe without the lock because a run commits its version rows with the work
     * they record, so a snapshot that has them all shows the work done; a run in progress elsewhere shows
     * as pending and is waited for under the lock. Drift or a missing file is judged under the lock too,
     * as before: a stamp holding it may be recording the very edit.
     */
    private MigrationResult upToDate(Connection connection, Direction direction, String target, PlanSource source, long started)
            throws SQLException {
        Map<String, AppliedRevision> applied = store.readIfExists(connection);
        if (applied == null // no state tables yet: they are created under the lock
                || !Validation.missingFiles(applied, source.revisions(), source::headsOf, source.describe(), config.advice()).isEmpty()
                || !Validation.drift(applied, source.revisions(), source::headsOf, config.advice()).isEmpty()
                || !source.plan(applied.keySet()).isEmpty()) {
            return null;
        }
        return alreadyAt(direction, target, heads(source, applied.keySet()), started);
    }

    private MigrationResult alreadyAt(Direction direction, String target, List<String> headsBefore, long started) {
        info("Already at {}: nothing to {} ({})", target, direction.name().toLowerCase(),
                headsBefore.isEmpty() ? "<base>" : String.join(", ", headsBefore));
        return new MigrationResult(direction, target, headsBefore, headsBefore, List.of(),
                Duration.ofNanos(System.nanoTime() - started), null);
    }

    /**
     * Sets the state without running revisions: {@code purge} first forgets every row, then the plan's
     * revisions are inserted (upgrade) or deleted (downgrade), and every kept row takes its file's
     * current checksum, so stamping is also how an intended edit of an applied file is accepted.
     */
    public MigrationResult stamp(String target, boolean purge, PlanSource source) {
        long started = System.nanoTime();
        Instant startedAt = Instant.now();
        try (Connection connection = open()) {
            lockOrThrow(connection);
            try {
                Map<String, AppliedRevision> rows = store.ensureAndRead(connection);
                Set<String> known = new LinkedHashSet<>(rows.keySet());
                known.retainAll(source.revisions().keySet());
                List<String> headsBefore = heads(source, known);
                Set<String> applied = purge ? Set.of() : known;
                Plan plan = source.plan(applied);
                connection.setAutoCommit(false);
                try (Statement st = connection.createStatement()) {
                    if (purge) {
                        st.execute(store.sql().deleteAllVersions());
                    }
                    for (Revision revision : plan.steps()) {
                        st.execute(plan.direction() == Direction.UPGRADE
                                ? store.sql().insertVersion(revision.id(), revision.checksum(), 0)
                                : store.sql().deleteVersion(revision.id()));
                    }
                    Set<String> after = after(applied, plan.direction(), plan.steps().stream().map(Revision::id).toList());
                    for (String id : after) {
                        AppliedRevision row = rows.get(id);
                        String checksum = source.revisions().get(id).checksum();
                        if (row != null && !purge && !row.checksum().equals(checksum)) {
                            LOG.info("Stamp records the current checksum of {} ({})", id, source.revisions().get(id).location());
                            st.execute(store.sql().updateChecksum(id, checksum));
                        }
                    }
                    List<String> headsAfter = heads(source, after);
                    Duration duration = Duration.ofNanos(System.nanoTime() - started);
                    List<String> ids = plan.steps().stream().map(Revision::id).toList();
                    store.append(connection, new HistoryEntry("stamp", target + (purge ? " (purge)" : ""), ids, headsBefore,
                            headsAfter, true, null, null, startedAt, duration.toMillis(), null, osUser(), toolVersion(), null));
                    connection.commit();
                    LOG.info("Stamped {}: {} -> {}", target, headsBefore.isEmpty() ? "<base>" : headsBefore,
                            headsAfter.isEmpty() ? "<base>" : headsAfter);
                    return new MigrationResult(plan.direction(), target, headsBefore, headsAfter,
                            ids.stream().map(id -> new MigrationResult.Step(id, source.revisions().get(id).message(), Duration.ZERO)).toList(),
                            duration, null);
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
            } finally {
                unlockQuietly(connection);
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** The applied set as the database holds it, read-only (no table is created, no lock taken). */
    public Map<String, AppliedRevision> applied() {
        try (Connection connection = open()) {
            return store.applied(connection);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    public CurrentState current(PlanSource source) {
        Map<String, AppliedRevision> applied = applied();
        Set<String> known = new LinkedHashSet<>(applied.keySet());
        known.retainAll(source.revisions().keySet());
        List<String> heads = new ArrayList<>(heads(source, known));
        applied.keySet().stream().filter(id -> !source.revisions().containsKey(id)).forEach(heads::add);
        return new CurrentState(heads, List.copyOf(applied.values()));
    }

    /** The last upgrade or downgrade, when the history table exists. */
    public Optional<HistoryEntry> lastRun() {
        try (Connection connection = open()) {
            return store.lastRun(connection);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** A scratch database's run is reported by its caller in one line; its own lines go to DEBUG. */
    private boolean quiet() {
        return ScratchRuns.isScratch(config.applicationName());
    }

    private void info(String format, Object... arguments) {
        if (quiet()) {
            LOG.debug(format, arguments);
        } else {
            LOG.info(format, arguments);
        }
    }

    private static int backendPid(Connection connection) throws SQLException {
        return connection.unwrap(org.postgresql.PGConnection.class).getBackendPID();
    }

    private Connection open() throws SQLException {
        Connection connection = connections.get();
        connection.setAutoCommit(true);
        if (config.dataSource() != null) {
            // a pooled connection carries whatever name its pool gave it; ours tells who holds the lock
            try (Statement st = connection.createStatement()) {
                st.execute("SET application_name = " + com.plccoach.migrations.internal.state.StateSql.quoteLiteral(config.applicationName()));
            }
        }
        return connection;
    }

    private void lockOrThrow(Connection connection) throws SQLException {
        lock.acquire(connection, config.lockWait());
    }

    private void unlockQuietly(Connection connection) {
        try {
            if (!connection.isClosed()) {
                lock.release(connection);
            }
        } catch (SQLException e) {
            LOG.debug("Releasing the migration lock failed; it ends with the session", e);
        }
    }

    private void warnAboutLastFailure(Connection connection, PlanSource source, Map<String, AppliedRevision> applied)
            throws SQLException {
        Optional<HistoryEntry> last = store.lastRun(connection);
        if (last.isEmpty() || last.get().success() || last.get().failedRevision() == null) {
            return;
        }
        HistoryEntry entry = last.get();
        Revision failed = source.revisions().get(entry.failedRevision());
        if (failed != null && !failed.transactional() && !applied.containsKey(failed.id())) {
            LOG.warn("The previous {} (started {} by {}) failed in revision {} ({}), which is transactional: false, so its "
                    + "statements before the failing one stayed in effect: {}. This run retries it from its first statement; an "
                    + "INVALID index left by a failed CREATE INDEX CONCURRENTLY is dropped first. Anything else it left must be "
                    + "undone by hand if its statements cannot run twice.", entry.operation(), entry.startedAt(), entry.dbUser(),
                    failed.id(), failed.location(), entry.error());
        } else {
            LOG.info("The previous {} (started {}) failed in revision {}; it was rolled back and is retried now",
                    entry.operation(), entry.startedAt(), entry.failedRevision());
        }
    }

    /** Appends to history on this connection, or on a fresh one when the run lost it. */
    private void record(Connection connection, HistoryEntry entry) {
        try {
            if (!connection.isClosed() && connection.isValid(5)) {
                store.append(connection, entry);
                return;
            }
            try (Connection fresh = open()) {
                store.append(fresh, entry);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not record the {} in {}: {}", entry.operation(), store.sql().historyTable(), e.getMessage());
        }
    }

    private static Set<String> after(Set<String> applied, Direction direction, List<String> ids) {
        Set<String> result = new LinkedHashSet<>(applied);
        if (direction == Direction.UPGRADE) {
            result.addAll(ids);
        } else {
            ids.forEach(result::remove);
        }
        return result;
    }

    private static List<String> heads(PlanSource source, Set<String> applied) {
        return applied.isEmpty() ? List.of() : source.headsOf(applied);
    }

    private static long elapsedMs(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static String pathOrNull(Path path) {
        return path == null ? null : path.toString();
    }

    private static String osUser() {
        return System.getProperty("user.name");
    }

    public static String toolVersion() {
        return com.plccoach.migrations.internal.state.ToolVersion.current();
    }

    private MigrationException unavailable(SQLException e) {
        return new DatabaseUnavailableException("The database failed while reading or writing the state in schema " + config.schema()
                + ": " + e.getMessage() + ". Nothing was run. Check the connection and rerun.", e);
    }

    @Override
    public String toString() {
        return "Executor[" + store + ", " + runner + "]";
    }
}
