package com.plccoach.migrations.internal.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.plccoach.migrations.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A pg_dump that runs for more than a few seconds says so while it runs, with what it has written. */
class ClientProcessProgressTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path dir;

    @Test
    void a_pg_dump_waiting_for_a_lock_is_reported_while_it_runs() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        ClientProcess.Result result;
        try (Connection blocker = db.connect(); Statement st = blocker.createStatement()) {
            st.execute("CREATE TABLE orders (id bigint PRIMARY KEY)");
            blocker.setAutoCommit(false);
            st.execute("LOCK TABLE orders IN ACCESS EXCLUSIVE MODE");
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            try {
                // pg_dump connects, writes its header, then waits for orders until its lock wait timeout ends it
                result = ClientProcess.run("pg_dump", List.of("--dbname=" + db.url().substring("jdbc:".length()), "--format=custom",
                        "--lock-wait-timeout=6000", "--table=orders", "--file=" + dir.resolve("orders.dump")), Map.of(),
                        Duration.ofMinutes(1));
            } finally {
                System.setErr(stderr);
                blocker.rollback();
            }
        }

        assertThat(result.succeeded()).isFalse();
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("Running pg_dump --dbname=postgresql://").contains(" --file=orders.dump")
                .containsPattern("pg_dump still running after 5 s(, \\d+ bytes written to orders.dump)?\\n");
    }
}
