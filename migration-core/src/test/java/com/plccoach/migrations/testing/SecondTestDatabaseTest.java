package com.plccoach.migrations.testing;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SecondTestDatabaseTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @Test
    void another_test_class_in_the_same_build_does_not_share_this_database() throws SQLException {
        IsolationProbe.assertAloneIn(db, "marker_second");
    }
}
