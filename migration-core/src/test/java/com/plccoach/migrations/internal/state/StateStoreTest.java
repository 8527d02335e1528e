package com.plccoach.migrations.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.plccoach.migrations.AppliedRevision;
import com.plccoach.migrations.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The applied set as the state read returns it: what the up-to-date check and every message about a row rely on. */
class StateStoreTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private final StateStore store = new StateStore("public");

    @BeforeEach
    void freshDatabase() throws SQLException {
        db.recreate();
    }

    @Test
    void a_database_without_state_tables_reads_as_no_state_and_gets_none_created() throws SQLException {
        try (Connection connection = db.connect()) {
            assertThat(store.readIfExists(connection)).isNull();
        }
        assertThat(db.query("SELECT tablename FROM pg_tables WHERE tablename LIKE 'plccoach%'")).isEmpty();
    }

    @Test
    void applied_times_are_read_to_the_microsecond_before_and_after_1970() throws SQLException {
        try (Connection connection = db.connect(); Statement st = connection.createStatement()) {
            store.ensure(connection);
            st.execute(store.sql().insertVersion("a1", "c1", 12));
            st.execute(store.sql().insertVersion("b2", "c2", 0));
            st.execute("UPDATE plccoach_version SET applied_at = '1969-12-31 23:59:59.999999+00' WHERE id = 'a1'");
            st.execute("UPDATE plccoach_version SET applied_at = '2026-03-04 05:06:07.123456+00' WHERE id = 'b2'");

            var applied = store.readIfExists(connection);

            assertThat(applied.values()).extracting(AppliedRevision::id, AppliedRevision::appliedAt, AppliedRevision::duration)
                    .containsExactly(
                            Tuple.tuple("a1", Instant.parse("1969-12-31T23:59:59.999999Z"), Duration.ofMillis(12)),
                            Tuple.tuple("b2", Instant.parse("2026-03-04T05:06:07.123456Z"), Duration.ZERO));
        }
    }
}
