package com.plccoach.migrations.internal.safety;

import com.plccoach.migrations.Advice;
import static com.plccoach.migrations.internal.safety.Plans.exec;
import static com.plccoach.migrations.internal.safety.Plans.queryLong;
import static com.plccoach.migrations.internal.safety.Plans.revision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.BackupMode;
import com.plccoach.migrations.DataLossException;
import com.plccoach.migrations.Direction;
import com.plccoach.migrations.internal.backup.BackupSettings;
import com.plccoach.migrations.internal.execution.PreparedPlan;
import com.plccoach.migrations.internal.execution.PreparedRevision;
import com.plccoach.migrations.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SafetyGateTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path backups;

    private Connection connection;

    @BeforeEach
    void tables() throws SQLException {
        db.recreate();
        connection = db.connect();
        exec(connection, "CREATE TABLE feedback (id int PRIMARY KEY, rating int)", "INSERT INTO feedback VALUES (1, 5), (2, 4)");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private SafetyGate gate(boolean allowDataLoss) {
        return new SafetyGate(new DataLossGuard(allowDataLoss, Advice.MAVEN),
                new BackupSettings(BackupMode.AFFECTED, backups, "pg_dump", "pg_restore", Duration.ofSeconds(5), Duration.ofMinutes(2), null),
                Duration.ofSeconds(5));
    }

    private Optional<Path> run(SafetyGate gate, Direction direction, PreparedRevision revision) throws SQLException {
        PreparedPlan plan = new PreparedPlan(direction, "003", List.of(revision));
        connection.setAutoCommit(false);
        try {
            Optional<Path> backup = gate.beforeRun(connection, plan);
            for (var s : revision.statements()) {
                gate.run(connection, revision, s, () -> exec(connection, s.sql()));
            }
            gate.beforeCommit(connection);
            connection.commit();
            return backup;
        } catch (RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    @Test
    void a_downgrade_that_would_lose_data_stops_before_the_backup_and_changes_nothing() throws SQLException {
        assertThatThrownBy(() -> run(gate(false), Direction.DOWNGRADE, revision("004", "DROP TABLE feedback")))
                .isInstanceOf(DataLossException.class)
                .hasMessageContaining("table public.feedback (2 row(s)) dropped by revision 004");

        assertThat(queryLong(connection, "SELECT count(*) FROM feedback")).isEqualTo(2);
        assertThat(backups).isEmptyDirectory();
    }

    @Test
    void an_allowed_downgrade_is_backed_up_in_its_own_transaction_before_it_drops() throws SQLException {
        Optional<Path> backup = run(gate(true), Direction.DOWNGRADE, revision("004", "DROP TABLE feedback"));

        assertThat(backup).get().satisfies(p -> assertThat(Files.size(p)).isPositive());
        assertThat(queryLong(connection, "SELECT count(*) FROM pg_class WHERE relname = 'feedback'")).isZero();
    }

    @Test
    void an_upgrade_is_guarded_too_but_not_backed_up() throws SQLException {
        assertThatThrownBy(() -> run(gate(false), Direction.UPGRADE, revision("004", "ALTER TABLE feedback DROP COLUMN rating")))
                .isInstanceOf(DataLossException.class)
                .hasMessageContaining("column public.feedback.rating (2 non-null value(s))");
        assertThat(run(gate(false), Direction.UPGRADE, revision("004", "ALTER TABLE feedback ADD COLUMN note text"))).isEmpty();
    }
}
