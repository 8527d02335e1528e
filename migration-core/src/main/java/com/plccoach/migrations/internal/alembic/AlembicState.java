package com.plccoach.migrations.internal.alembic;

import com.plccoach.migrations.AppliedRevision;
import com.plccoach.migrations.DatabaseUnavailableException;
import com.plccoach.migrations.MigratorConfig;
import com.plccoach.migrations.RevisionGraphException;
import com.plccoach.migrations.internal.execution.MigrationLock;
import com.plccoach.migrations.internal.graph.RevisionGraph;
import com.plccoach.migrations.internal.script.Revision;
import com.plccoach.migrations.internal.state.HistoryEntry;
import com.plccoach.migrations.internal.state.StateStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves Alembic's state to ours: the heads in {@code alembic_version} and every revision they need
 * (ancestors and {@code depends_on}) become rows of {@code plccoach_version}, in one transaction
 * under the migration lock, recorded in {@code plccoach_history}. {@code alembic_version} is only
 * read: the team may still need to go back to Alembic.
 */
public final class AlembicState {

    /** Alembic's heads and the revisions this import recorded as applied (empty when ours already said so). */
    public record Outcome(List<String> alembicHeads, List<String> recorded, List<String> headsAfter) {

        public Outcome {
            alembicHeads = List.copyOf(alembicHeads);
            recorded = List.copyOf(recorded);
            headsAfter = List.copyOf(headsAfter);
        }

        @Override
        public String toString() {
            return "alembic_version " + alembicHeads + ": " + recorded.size() + " revision(s) recorded";
        }
    }

    static final String VERSION_TABLE = "alembic_version";
    private static final Logger LOG = LoggerFactory.getLogger(AlembicState.class);

    private final MigratorConfig config;
    private final Supplier<Connection> connections;
    private final StateStore store;

    public AlembicState(MigratorConfig config, Supplier<Connection> connections) {
        this.config = config;
        this.connections = connections;
        this.store = new StateStore(config.schema());
    }

    /** Alembic's heads as {@code alembic_version} lists them; empty when the table is missing or empty. */
    public List<String> alembicHeads() {
        try (Connection connection = connections.get()) {
            return read(connection);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    public Outcome importState(RevisionGraph graph, List<String> alembicHeads) {
        for (String head : alembicHeads) {
            if (graph.find(head).isEmpty()) {
                throw new RevisionGraphException(VERSION_TABLE + " names revision " + head + ", which the Alembic project"
                        + " does not have: import from the checkout whose versions/ holds it");
            }
        }
        long started = System.nanoTime();
        Instant startedAt = Instant.now();
        MigrationLock lock = new MigrationLock(config.schema(), config.advice());
        try (Connection connection = connections.get()) {
            lock.acquire(connection, config.lockWait());
            try {
                Map<String, AppliedRevision> rows = store.ensureAndRead(connection);
                List<Revision> needed = graph.upgradePlanTo(Set.of(), alembicHeads, "alembic").steps();
                Set<String> neededIds = new HashSet<>();
                needed.forEach(r -> neededIds.add(r.id()));
                List<String> extra = rows.keySet().stream().filter(id -> !neededIds.contains(id)).toList();
                if (!extra.isEmpty()) {
                    throw new RevisionGraphException("our state already records " + extra + " as applied, which "
                            + VERSION_TABLE + " " + alembicHeads + " does not: the database has moved on since Alembic"
                            + " last ran. Nothing was recorded; check " + config.advice().run("current") + " and set the state with "
                            + config.advice().run("stamp", "target", "<revision>", "purge", "false"));
                }
                List<Revision> missing = needed.stream().filter(r -> !rows.containsKey(r.id())).toList();
                List<String> headsBefore = graph.headsOf(rows.keySet());
                if (missing.isEmpty()) {
                    return new Outcome(alembicHeads, List.of(), headsBefore);
                }
                List<String> headsAfter = graph.headsOf(neededIds);
                connection.setAutoCommit(false);
                try (Statement st = connection.createStatement()) {
                    for (Revision revision : missing) {
                        st.execute(store.sql().insertVersion(revision.id(), revision.checksum(), 0));
                    }
                    List<String> ids = missing.stream().map(Revision::id).toList();
                    // the history table's operations are fixed (upgrade, downgrade, stamp, restore): an import is a stamp whose target says so
                    store.append(connection, new HistoryEntry("stamp", "import-alembic " + String.join(",", alembicHeads), ids,
                            headsBefore, headsAfter, true, null, null, startedAt,
                            Duration.ofNanos(System.nanoTime() - started).toMillis(), null, System.getProperty("user.name"),
                            toolVersion(), null));
                    connection.commit();
                    LOG.info("Recorded {} revision(s) as applied from {} {}", ids.size(), VERSION_TABLE, alembicHeads);
                    return new Outcome(alembicHeads, ids, headsAfter);
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
            } finally {
                lock.release(connection);
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static List<String> read(Connection connection) throws SQLException {
        List<String> heads = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet exists = st.executeQuery("SELECT to_regclass('" + VERSION_TABLE + "') IS NOT NULL")) {
            exists.next();
            if (!exists.getBoolean(1)) {
                return heads;
            }
        }
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT version_num FROM " + VERSION_TABLE + " ORDER BY version_num")) {
            while (rs.next()) {
                heads.add(rs.getString(1));
            }
        }
        return heads;
    }

    private static String toolVersion() {
        String version = StateStore.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    private static DatabaseUnavailableException unavailable(SQLException e) {
        return new DatabaseUnavailableException("Cannot import Alembic's state: " + e.getMessage()
                + ". Check that the database runs and the URL, user and password are right", e);
    }

    @Override
    public String toString() {
        return "AlembicState[schema=" + config.schema() + "]";
    }
}
