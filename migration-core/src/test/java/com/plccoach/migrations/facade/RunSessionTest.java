package com.plccoach.migrations.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.BackupMode;
import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.ScriptFailedException;
import com.plccoach.migrations.ScriptSource;
import com.plccoach.migrations.testing.RevisionFiles;
import com.plccoach.migrations.testing.TestDataSources;
import com.plccoach.migrations.testing.TestDatabase;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run sets lock_timeout once on its session and, for a transaction per revision, prepares the statement that
 * writes version rows; a pool's connection must come back as the pool gave it, whatever the run did.
 */
class RunSessionTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path scripts;

    private RevisionFiles files;
    private final Pool pool = new Pool();

    @BeforeEach
    void revisions() throws IOException, SQLException {
        db.recreate();
        files = RevisionFiles.in(scripts);
        files.write("001", "base", "CREATE TABLE users (id bigint PRIMARY KEY);", "DROP TABLE users;");
        files.write("002", "001", "CREATE TABLE sessions (id bigint PRIMARY KEY);", "DROP TABLE sessions;");
        files.write("003", "002", "CREATE TABLE messages (id bigint PRIMARY KEY);", "DROP TABLE messages;");
    }

    @AfterEach
    void closePool() throws SQLException {
        pool.closeAll();
    }

    @Test
    void a_pooled_connection_comes_back_with_its_own_lock_timeout_and_no_statement_of_ours() throws SQLException {
        migrator(true).upgrade("head");

        assertThat(pool.sessions()).isNotEmpty().allSatisfy(session -> assertThat(session).isEqualTo("7s, no plccoach statement"));
    }

    @Test
    void a_transaction_per_revision_records_each_revision_through_the_prepared_statement() throws SQLException {
        migrator(true).upgrade("head");

        assertThat(db.query("SELECT id || ' ' || length(checksum) FROM plccoach_version ORDER BY id"))
                .containsExactly("001 64", "002 64", "003 64");
    }

    @Test
    void a_downgrade_with_a_transaction_per_revision_deletes_each_row_through_the_prepared_statement() throws SQLException {
        migrator(true).upgrade("head");

        // a transaction per revision commits the backup's transaction with the first revision: backups are for one transaction
        Migrator.builder().dataSource(pool.dataSource()).scripts(ScriptSource.directory(scripts)).transactionPerRevision(true)
                .backupMode(BackupMode.NONE).build().downgrade("001");

        assertThat(db.query("SELECT id FROM plccoach_version")).containsExactly("001");
        assertThat(pool.sessions()).allSatisfy(session -> assertThat(session).isEqualTo("7s, no plccoach statement"));
    }

    @Test
    void a_session_still_holding_a_statement_of_that_name_from_an_earlier_run_is_run_all_the_same() throws SQLException {
        pool.initSql("PREPARE plccoach_version_row AS SELECT 1");

        migrator(true).upgrade("head");

        assertThat(db.query("SELECT count(*) FROM plccoach_version")).containsExactly("3");
        assertThat(pool.sessions()).allSatisfy(session -> assertThat(session).isEqualTo("7s, no plccoach statement"));
    }

    @Test
    void a_failed_run_gives_the_session_back_as_well() throws IOException, SQLException {
        files.write("003", "002", "CREATE TABLE messages (id bigint PRIMARY KEY, user_id bigint REFERENCES nowhere);",
                "DROP TABLE messages;");

        assertThatThrownBy(() -> migrator(true).upgrade("head")).isInstanceOf(ScriptFailedException.class)
                .hasMessageContaining("relation \"nowhere\" does not exist");

        assertThat(db.query("SELECT id FROM plccoach_version ORDER BY id")).containsExactly("001", "002");
        assertThat(pool.sessions()).allSatisfy(session -> assertThat(session).isEqualTo("7s, no plccoach statement"));
    }

    @Test
    void one_transaction_gives_the_session_back_too() throws SQLException {
        migrator(false).upgrade("head");

        assertThat(db.query("SELECT count(*) FROM plccoach_version")).containsExactly("3");
        assertThat(pool.sessions()).allSatisfy(session -> assertThat(session).isEqualTo("7s, no plccoach statement"));
    }

    private Migrator migrator(boolean transactionPerRevision) {
        return Migrator.builder().dataSource(pool.dataSource()).scripts(ScriptSource.directory(scripts))
                .transactionPerRevision(transactionPerRevision).build();
    }

    /**
     * A pool in miniature: every connection it hands out starts with {@code SET lock_timeout = '7s'} (as a pool's
     * init SQL would) and is kept open after the run closes it, so that its session can be looked at.
     */
    private static final class Pool {
        private final List<Connection> handedOut = new ArrayList<>();
        private final List<String> initSql = new ArrayList<>(List.of("SET lock_timeout = '7s'"));

        void initSql(String sql) {
            initSql.add(sql);
        }

        DataSource dataSource() {
            return TestDataSources.of("test pool", this::handOut);
        }

        private Connection handOut() throws SQLException {
            Connection real = DriverManager.getConnection(db.url());
            try (Statement st = real.createStatement()) {
                for (String sql : initSql) {
                    st.execute(sql);
                }
            }
            handedOut.add(real);
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            return null; // back to the pool: the session lives on
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        /** Each handed-out session's lock_timeout and whether it holds a statement whose name starts with plccoach. */
        List<String> sessions() throws SQLException {
            List<String> out = new ArrayList<>();
            for (Connection c : handedOut) {
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT current_setting('lock_timeout'), (SELECT count(*) FROM pg_prepared_statements"
                             + " WHERE name LIKE 'plccoach%')")) {
                    rs.next();
                    out.add(rs.getString(1) + ", " + (rs.getInt(2) == 0 ? "no plccoach statement" : rs.getInt(2) + " plccoach statement(s)"));
                }
            }
            return out;
        }

        void closeAll() throws SQLException {
            for (Connection c : handedOut) {
                c.close();
            }
        }
    }
}
