package com.plccoach.migrations.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.RevisionFileException;
import com.plccoach.migrations.ScriptSource;
import com.plccoach.migrations.testing.RevisionFiles;
import com.plccoach.migrations.testing.TestDataSources;
import com.plccoach.migrations.testing.TestDatabase;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a data source, a run takes its connection on the caller's thread (Spring binds transactional connections
 * to it), reports a broken revision file before anything about the database, and gives back every connection it
 * took. Overlapping the parse with the connection, as a URL run does, was measured with a data source and gained
 * nothing on two cores (docs/spring-boot.md, "What it costs at start"); these tests hold whichever way it is done.
 */
class DataSourceStartTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path scripts;

    private RevisionFiles files;

    @BeforeEach
    void revisions() throws IOException, SQLException {
        db.recreate();
        files = RevisionFiles.in(scripts);
        files.write("001", "base", "CREATE TABLE users (id bigint PRIMARY KEY);", "DROP TABLE users;");
        files.write("002", "001", "CREATE TABLE sessions (id bigint PRIMARY KEY);", "DROP TABLE sessions;");
    }

    @Test
    void the_connection_is_taken_on_the_thread_that_runs_the_upgrade() throws SQLException {
        Counting pool = new Counting();

        migrator(pool.dataSource()).upgrade("head");

        assertThat(pool.threads).isNotEmpty().allSatisfy(thread -> assertThat(thread).isSameAs(Thread.currentThread()));
        assertThat(db.query("SELECT id FROM plccoach_version ORDER BY id")).containsExactly("001", "002");
    }

    @Test
    void a_broken_file_is_reported_and_every_connection_taken_goes_back_to_the_pool() throws IOException, SQLException {
        Files.writeString(scripts.resolve("003.sql"), "CREATE TABLE x (id int);\n");
        Counting pool = new Counting();

        assertThatThrownBy(() -> migrator(pool.dataSource()).upgrade("head")).isInstanceOf(RevisionFileException.class)
                .hasMessageContaining("003.sql");

        assertThat(pool.opened.get()).isEqualTo(pool.closed.get());
        assertThat(db.query("SELECT count(*) FROM pg_tables WHERE tablename IN ('users', 'plccoach_version')")).containsExactly("0");
    }

    @Test
    void a_broken_file_is_reported_before_a_data_source_that_cannot_connect() throws IOException {
        Files.writeString(scripts.resolve("003.sql"), "CREATE TABLE x (id int);\n");
        DataSource unreachable = TestDataSources.of("unreachable data source", () -> {
            throw new SQLException("Connection to 127.0.0.1:1 refused", "08001");
        });

        assertThatThrownBy(() -> migrator(unreachable).upgrade("head")).isInstanceOf(RevisionFileException.class)
                .hasMessageContaining("003.sql");
    }

    private Migrator migrator(DataSource dataSource) {
        return Migrator.builder().dataSource(dataSource).scripts(ScriptSource.directory(scripts)).build();
    }

    /** Real connections, counted as they are taken and given back, with the thread that took each. */
    private static final class Counting {
        final AtomicInteger opened = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        final List<Thread> threads = new ArrayList<>();

        DataSource dataSource() {
            return TestDataSources.of("counting data source", this::open);
        }

        private synchronized Connection open() throws SQLException {
            Connection real = DriverManager.getConnection(db.url());
            opened.incrementAndGet();
            threads.add(Thread.currentThread());
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("close") && !real.isClosed()) {
                            closed.incrementAndGet();
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
