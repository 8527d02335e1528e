package com.plccoach.migrations.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TestDatabaseTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @Test
    void each_test_class_is_connected_to_its_own_freshly_created_database() throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_database(), (SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'marker_%')")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(db.name()).startsWith("t_testdatabasetest_");
            assertThat(rs.getInt(2)).isZero();
        }
    }

    @Test
    void the_vector_extension_can_be_created() throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS vector");
            try (ResultSet rs = s.executeQuery("SELECT '[1,2,3]'::vector <-> '[1,2,4]'::vector")) {
                rs.next();
                assertThat(rs.getDouble(1)).isEqualTo(1.0);
            }
        }
    }

    @Test
    void a_scratch_database_is_created_and_then_dropped() throws SQLException {
        String scratch = db.createScratch("scratch");
        assertThat(exists(scratch)).isTrue();
        db.drop(scratch);
        assertThat(exists(scratch)).isFalse();
    }

    @Test
    void another_test_class_in_the_same_build_does_not_share_this_database() throws SQLException {
        IsolationProbe.assertAloneIn(db, "marker_first");
    }

    static boolean exists(String database) throws SQLException {
        try (Connection c = PostgresServer.get().connectAdmin();
             var ps = c.prepareStatement("SELECT count(*) FROM pg_database WHERE datname = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }
}
