package com.plccoach.migrations.internal.execution;

import com.plccoach.migrations.Advice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.LockUnavailableException;
import com.plccoach.migrations.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;

/** A runner that finds the migration lock taken says whom it waits for as it starts waiting, not only when it gives up. */
class MigrationLockWaitTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @Test
    void a_waiting_runner_names_the_holder_before_it_gives_up() throws Exception {
        MigrationLock lock = new MigrationLock("public", Advice.MAVEN);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        int holderPid;
        try (Connection holder = db.connect(); Connection waiter = db.connect()) {
            try (Statement st = holder.createStatement()) {
                st.execute("SET application_name = 'deploy of build 41'");
            }
            holderPid = holder.unwrap(PGConnection.class).getBackendPID();
            lock.acquire(holder, Duration.ZERO);
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            try {
                assertThatThrownBy(() -> lock.acquire(waiter, Duration.ofSeconds(1))).isInstanceOf(LockUnavailableException.class);
            } finally {
                System.setErr(stderr);
            }
        }

        String text = log.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("Waiting for the migration lock of schema public (up to PT1S): held by pid " + holderPid
                + " (application_name 'deploy of build 41'");
    }
}
