package com.plccoach.migrations.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Two test classes each leave a marker and look for any other: whichever runs second would see the first's if they shared a database. */
final class IsolationProbe {

    private IsolationProbe() {
    }

    static void assertAloneIn(TestDatabase db, String marker) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + marker + " (id int)");
            try (ResultSet rs = s.executeQuery("SELECT string_agg(tablename, ',') FROM pg_tables WHERE tablename LIKE 'marker_%'")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(marker);
            }
        }
    }
}
