package com.plccoach.migrations.internal.safety;

import com.plccoach.migrations.internal.execution.PreparedRevision;
import com.plccoach.migrations.internal.script.Revision;
import com.plccoach.migrations.internal.script.SqlStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Builds small plans for tests: one statement per line of a made-up revision file. */
public final class Plans {

    private Plans() {
    }

    public static PreparedRevision revision(String id, String... statements) {
        return revision(id, true, statements);
    }

    public static PreparedRevision revision(String id, boolean transactional, String... statements) {
        List<SqlStatement> list = new ArrayList<>();
        for (int i = 0; i < statements.length; i++) {
            list.add(new SqlStatement(statements[i], i + 3));
        }
        Revision revision = new Revision(id, List.of(), List.of(), List.of(), "test " + id, null, transactional,
                String.join(";\n", statements), 3, String.join(";\n", statements), 3, id + ".sql", "0".repeat(64));
        return new PreparedRevision(revision, com.plccoach.migrations.Direction.DOWNGRADE, list);
    }

    public static void exec(Connection c, String... sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String each : sql) {
                s.execute(each);
            }
        }
    }

    public static long queryLong(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
