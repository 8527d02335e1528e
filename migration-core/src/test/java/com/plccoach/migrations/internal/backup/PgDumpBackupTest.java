package com.plccoach.migrations.internal.backup;

import static com.plccoach.migrations.internal.safety.Plans.exec;
import static com.plccoach.migrations.internal.safety.Plans.revision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.BackupException;
import com.plccoach.migrations.BackupMode;
import com.plccoach.migrations.Direction;
import com.plccoach.migrations.PlanReport;
import com.plccoach.migrations.internal.safety.ImpactAnalyzer;
import com.plccoach.migrations.testing.TestDatabase;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class PgDumpBackupTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path backups;

    private Connection connection;

    @BeforeEach
    void tables() throws SQLException {
        db.recreate();
        connection = db.connect();
        exec(connection, "CREATE TABLE orders (id int PRIMARY KEY, coupon text, total numeric(10,2))",
                "INSERT INTO orders SELECT g, CASE WHEN g % 3 = 0 THEN 'c' || g END, g * 1.5 FROM generate_series(1, 30) g",
                "CREATE TABLE customers (id int PRIMARY KEY, name text)",
                "INSERT INTO customers SELECT g, 'name ' || g FROM generate_series(1, 20) g");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    BackupSettings settings(BackupMode mode) {
        return new BackupSettings(mode, backups, "pg_dump", "pg_restore", Duration.ofSeconds(5), Duration.ofMinutes(2), null);
    }

    PlanReport analyse(String... statements) {
        return new ImpactAnalyzer().analyse(connection, Direction.DOWNGRADE, "001", List.of(revision("002", statements)));
    }

    Optional<BackupResult> backUp(BackupSettings settings, PlanReport report) throws SQLException {
        connection.setAutoCommit(false);
        try {
            return new PgDumpBackup(settings).take(connection, report, "downgrade_to_001");
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    static String toc(Path archive) {
        ClientProcess.Result r = ClientProcess.run("pg_restore", List.of("--list", archive.toString()), System.getenv(), Duration.ofMinutes(1));
        assertThat(r.succeeded()).as(r.errorText()).isTrue();
        return r.stdout();
    }

    @Test
    void a_full_backup_holds_every_table_and_is_readable_by_its_owner_only() throws Exception {
        BackupResult result = backUp(settings(BackupMode.FULL), analyse("DROP TABLE orders")).orElseThrow();

        assertThat(toc(result.archive())).contains("TABLE DATA public orders", "TABLE DATA public customers");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(result.archive()))).isEqualTo("rw-------");
        assertThat(result.archive().getParent()).isEqualTo(backups.resolve(db.name()));
        assertThat(result.command()).contains("--format=custom", "--strict-names", "--lock-wait-timeout=5000", "--no-password")
                .anyMatch(a -> a.startsWith("--snapshot="));
    }

    @Test
    void the_archive_is_named_with_utc_time_database_and_plan() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T01:02:03Z"), ZoneOffset.UTC);
        connection.setAutoCommit(false);
        BackupResult result = new PgDumpBackup(settings(BackupMode.FULL), clock).take(connection, analyse("DROP TABLE orders"), "downgrade_to_001").orElseThrow();
        connection.rollback();

        assertThat(result.archive().getFileName().toString()).isEqualTo("20261125T010203Z_" + db.name() + "_downgrade_to_001.dump");
    }

    @Test
    void an_affected_backup_dumps_only_the_tables_the_plan_drops() throws Exception {
        BackupResult result = backUp(settings(BackupMode.AFFECTED), analyse("DROP TABLE orders")).orElseThrow();

        assertThat(result.tables()).containsExactly("public.orders");
        assertThat(toc(result.archive())).contains("TABLE DATA public orders").doesNotContain("customers");
        assertThat(result.command()).contains("--table=\"public\".\"orders\"");
    }

    @Test
    void an_affected_backup_saves_dropped_columns_with_their_primary_key_beside_the_archive() throws Exception {
        BackupResult result = backUp(settings(BackupMode.AFFECTED), analyse("ALTER TABLE orders DROP COLUMN coupon")).orElseThrow();

        assertThat(result.archive().getFileName().toString()).endsWith("_downgrade_to_001.columns");
        Path csv = result.columnFiles().get(1);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(31).startsWith("id,coupon", "1,", "2,", "3,c3");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(csv))).isEqualTo("rw-------");
    }

    @Test
    void backup_mode_none_takes_nothing() throws Exception {
        assertThat(backUp(settings(BackupMode.NONE), analyse("DROP TABLE orders"))).isEmpty();
        assertThat(backups).isEmptyDirectory();
    }

    @Test
    void an_affected_backup_of_a_plan_that_destroys_nothing_takes_nothing() throws Exception {
        assertThat(backUp(settings(BackupMode.AFFECTED), analyse("CREATE INDEX orders_total ON orders (total)"))).isEmpty();
    }

    @Test
    void a_missing_pg_dump_stops_the_backup_saying_which_and_what_to_do() {
        PlanReport report = analyse("DROP TABLE orders");

        assertThatThrownBy(() -> backUp(settings(BackupMode.FULL).withPgDump("/nonexistent/bin/pg_dump"), report))
                .isInstanceOf(BackupException.class)
                .hasMessageStartingWith("pg_dump not found: '/nonexistent/bin/pg_dump' could not be run (")
                .hasMessageEndingWith("Install the PostgreSQL 15 client tools or set Migrator.builder().pgDump(\"/path/to/pg_dump\"). Nothing was changed.");
    }

    @Test
    void a_pg_dump_older_than_the_server_is_refused_before_it_runs() throws IOException {
        // A test double for the version check only: it prints what an old pg_dump prints.
        Path fake = backups.resolve("pg_dump-9.6");
        Files.writeString(fake, "#!/bin/sh\necho 'pg_dump (PostgreSQL) 9.6.24'\n");
        fake.toFile().setExecutable(true);
        PlanReport report = analyse("DROP TABLE orders");

        assertThatThrownBy(() -> backUp(settings(BackupMode.FULL).withPgDump(fake.toString()), report))
                .isInstanceOf(BackupException.class)
                .hasMessage("pg_dump is too old: '" + fake + "' is version 9.6 but the server runs PostgreSQL 15, and pg_dump cannot "
                        + "dump a newer server. Install the PostgreSQL 15 client tools (e.g. apt-get install postgresql-client-15) and set "
                        + "Migrator.builder().pgDump(\"/usr/lib/postgresql/15/bin/pg_dump\"). The downgrade stopped before reverting anything.");
    }

    @Test
    void a_pg_dump_that_exits_non_zero_stops_the_backup_with_its_error() throws SQLException {
        PlanReport report = analyse("DROP TABLE orders");
        BackupSettings quick = new BackupSettings(BackupMode.FULL, backups, "pg_dump", "pg_restore", Duration.ofMillis(200), Duration.ofMinutes(1), null);
        try (Connection other = db.connect()) {
            other.setAutoCommit(false);
            exec(other, "LOCK TABLE customers IN ACCESS EXCLUSIVE MODE");

            assertThatThrownBy(() -> backUp(quick, report))
                    .isInstanceOf(BackupException.class)
                    .hasMessageStartingWith("pg_dump failed with exit code 1: pg_dump: error: query failed: ERROR:  canceling statement due to statement timeout")
                    .hasMessageContaining("LOCK TABLE public.customers IN ACCESS SHARE MODE")
                    .hasMessageEndingWith("Fix the cause (or use Migrator.builder().backupMode(BackupMode.AFFECTED)) and run the downgrade again. "
                            + "The downgrade stopped before reverting anything.");
            other.rollback();
        }
        assertThat(backups.resolve(db.name())).isEmptyDirectory();
    }

    @Test
    void a_pg_dump_that_runs_past_its_time_limit_is_stopped_and_the_backup_fails() throws SQLException {
        PlanReport report = analyse("DROP TABLE orders");
        BackupSettings slow = new BackupSettings(BackupMode.FULL, backups, "pg_dump", "pg_restore", Duration.ofMinutes(5), Duration.ofSeconds(3), null);
        try (Connection other = db.connect()) {
            other.setAutoCommit(false);
            exec(other, "LOCK TABLE customers IN ACCESS EXCLUSIVE MODE");

            assertThatThrownBy(() -> backUp(slow, report))
                    .isInstanceOf(BackupException.class)
                    .hasMessageStartingWith("pg_dump did not finish within PT3S and was stopped");
            other.rollback();
        }
    }

    @Test
    void an_unwritable_backup_directory_stops_the_backup_before_pg_dump_runs() throws IOException {
        Path file = Files.writeString(backups.resolve("not-a-directory"), "x");
        PlanReport report = analyse("DROP TABLE orders");

        assertThatThrownBy(() -> backUp(settings(BackupMode.FULL).withDirectory(file), report))
                .isInstanceOf(BackupException.class)
                .hasMessageStartingWith("Cannot write backups to " + file.resolve(db.name()) + " (")
                .hasMessageEndingWith("make it writable or set Migrator.builder().backupDir(...) to a writable directory. "
                        + "The downgrade stopped before reverting anything.");
    }

    @Test
    void a_truncated_archive_is_caught_by_reading_it_fully() throws Exception {
        exec(connection, "INSERT INTO customers SELECT g, repeat(md5(g::text), 20) FROM generate_series(21, 20000) g");
        BackupResult result = backUp(settings(BackupMode.FULL), analyse("DROP TABLE orders")).orElseThrow();
        long size = Files.size(result.archive());
        try (FileChannel channel = FileChannel.open(result.archive(), StandardOpenOption.WRITE)) {
            channel.truncate(size * 2 / 3);
        }

        assertThatThrownBy(() -> PgDumpBackup.verify(settings(BackupMode.FULL).clients(), result.archive()))
                .isInstanceOf(BackupException.class)
                .hasMessageStartingWith("The backup archive " + result.archive() + " is unreadable: pg_restore could not read it through (exit code 1: ");
    }

    @Test
    void an_empty_archive_is_refused() throws IOException {
        Path empty = Files.createFile(backups.resolve("empty.dump"));

        assertThatThrownBy(() -> PgDumpBackup.verify(settings(BackupMode.FULL).clients(), empty))
                .isInstanceOf(BackupException.class)
                .hasMessage("The backup archive " + empty + " is empty: pg_dump wrote nothing. Check the disk and the pg_dump output, "
                        + "then run the downgrade again. The downgrade stopped before reverting anything.");
    }

    @Test
    void the_password_reaches_pg_dump_through_a_deleted_pgpassfile_and_never_its_arguments() throws Exception {
        String role = "plccoach_backup_" + Long.toHexString(System.nanoTime());
        String password = "s3cret:with\\odd'chars";
        exec(connection, "CREATE ROLE " + role + " LOGIN PASSWORD '" + password.replace("'", "''") + "' IN ROLE plccoach_password_auth",
                "GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + role);
        try (Connection asRole = java.sql.DriverManager.getConnection(db.url().replaceAll("\\?.*", ""), role, password)) {
            PlanReport report = new ImpactAnalyzer().analyse(asRole, Direction.DOWNGRADE, "001", List.of());
            BackupSettings withPassword = new BackupSettings(BackupMode.FULL, backups, "pg_dump", "pg_restore",
                    Duration.ofSeconds(5), Duration.ofMinutes(2), password);
            List<Path> before = passFiles();
            asRole.setAutoCommit(false);
            BackupResult result = new PgDumpBackup(withPassword).take(asRole, report, "downgrade_to_001").orElseThrow();
            asRole.rollback();

            assertThat(toc(result.archive())).contains("TABLE DATA public orders");
            assertThat(String.join(" ", result.command())).doesNotContain(password).doesNotContain("s3cret");
            assertThat(passFiles()).isEqualTo(before);
        } finally {
            exec(connection, "DROP OWNED BY " + role, "DROP ROLE " + role);
        }
    }

    @Test
    void without_the_password_the_password_only_role_cannot_dump() throws Exception {
        String role = "plccoach_backup_" + Long.toHexString(System.nanoTime());
        exec(connection, "CREATE ROLE " + role + " LOGIN PASSWORD 'pw' IN ROLE plccoach_password_auth",
                "GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + role);
        try (Connection asRole = java.sql.DriverManager.getConnection(db.url().replaceAll("\\?.*", ""), role, "pw")) {
            BackupSettings noPassword = new BackupSettings(BackupMode.FULL, backups, "pg_dump", "pg_restore",
                    Duration.ofSeconds(5), Duration.ofMinutes(2), null);
            asRole.setAutoCommit(false);

            assertThatThrownBy(() -> new PgDumpBackup(noPassword).take(asRole, new ImpactAnalyzer().analyse(asRole, Direction.DOWNGRADE,
                    "001", List.of()), "downgrade_to_001"))
                    .isInstanceOf(BackupException.class)
                    .hasMessageContaining("pg_dump failed with exit code 1")
                    .hasMessageContaining("password");
            asRole.rollback();
        } finally {
            exec(connection, "DROP OWNED BY " + role, "DROP ROLE " + role);
        }
    }

    /** This JVM's password files only: other test JVMs on the machine write theirs into the same directory. */
    private static List<Path> passFiles() throws IOException {
        String ours = "plccoach-pid" + ProcessHandle.current().pid() + "-";
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith(ours) && p.getFileName().toString().endsWith(".pgpass"))
                    .sorted().toList();
        }
    }

    /** The file goes once the client's session shows in pg_stat_activity, which the backup watches for: wait for that. */
    private static List<Path> passFilesOnceDeleted(List<Path> before) throws Exception {
        List<Path> now = passFiles();
        for (int i = 0; i < 3000 && !now.equals(before); i++) {
            Thread.sleep(10);
            now = passFiles();
        }
        return now;
    }

    @Test
    void pg_dump_and_pg_restore_get_no_variable_of_maven() {
        Map<String, String> env = PgClients.baseEnvironment(Map.of("PATH", "/usr/bin", "LC_MESSAGES", "C",
                "MAVEN_CMD_LINE_ARGS", "-Dplccoach.password=S3cretX", "MAVEN_PROJECTBASEDIR", "/src"));

        assertThat(env).containsOnlyKeys("PATH", "LC_MESSAGES", "PGAPPNAME", "PGCONNECT_TIMEOUT");
    }

    @Test
    void a_password_file_left_by_a_killed_run_is_removed_and_one_of_a_live_run_is_kept() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        Path orphan = Files.writeString(tmp.resolve("plccoach-pid" + dead.pid() + "-1.pgpass"), "*:*:*:*:S3cretX\n");
        Path live = Files.writeString(tmp.resolve("plccoach-pid" + ProcessHandle.current().pid() + "-1.pgpass"), "*:*:*:*:S3cretX\n");
        try {
            PgPassFile.removeLeftovers();

            assertThat(orphan).doesNotExist();
            assertThat(live).exists();
        } finally {
            Files.deleteIfExists(orphan);
            Files.deleteIfExists(live);
        }
    }

    @Test
    void the_password_file_is_gone_while_pg_dump_still_runs_once_it_has_connected() throws Exception {
        String role = "plccoach_backup_" + Long.toHexString(System.nanoTime());
        exec(connection, "CREATE ROLE " + role + " LOGIN PASSWORD 'pw' IN ROLE plccoach_password_auth",
                "GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + role);
        List<Path> before = passFiles();
        try (Connection asRole = java.sql.DriverManager.getConnection(db.url().replaceAll("\\?.*", ""), role, "pw");
             Connection blocker = db.connect()) {
            blocker.setAutoCommit(false);
            exec(blocker, "LOCK TABLE customers IN ACCESS EXCLUSIVE MODE"); // pg_dump connects, then waits for this lock
            BackupSettings withPassword = new BackupSettings(BackupMode.FULL, backups, "pg_dump", "pg_restore",
                    Duration.ofMinutes(5), Duration.ofMinutes(5), "pw");
            PlanReport report = new ImpactAnalyzer().analyse(asRole, Direction.DOWNGRADE, "001", List.of());
            asRole.setAutoCommit(false);
            java.util.concurrent.CompletableFuture<Optional<BackupResult>> backup = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> new PgDumpBackup(withPassword).take(asRole, report, "downgrade_to_001"));
            awaitPgDumpWaitingForItsLock();

            assertThat(passFilesOnceDeleted(before)).isEqualTo(before); // pg_dump still waits: the blocker holds its lock
            blocker.rollback();
            assertThat(backup.get()).isPresent();
            asRole.rollback();
        } finally {
            exec(connection, "DROP OWNED BY " + role, "DROP ROLE " + role);
        }
    }

    @Test
    void a_backup_killed_while_pg_dump_wrote_leaves_no_archive_a_listing_takes_for_a_backup() throws Exception {
        Path directory = Files.createDirectories(backups.resolve(db.name()));
        Path partial = Files.writeString(directory.resolve("20261125T010203Z_x_downgrade_to_001.dump" + PgDumpBackup.PARTIAL), "");

        BackupResult result = backUp(settings(BackupMode.FULL), analyse("DROP TABLE orders")).orElseThrow();

        assertThat(partial).doesNotExist();
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> left = files.toList();
            assertThat(left).filteredOn(p -> p.toString().endsWith(".dump") || p.toString().endsWith(".columns"))
                    .containsExactly(result.archive());
            assertThat(left).noneMatch(p -> p.toString().endsWith(PgDumpBackup.PARTIAL));
        }
    }

    private void awaitPgDumpWaitingForItsLock() throws Exception {
        for (int i = 0; i < 6000; i++) {
            if (!db.query("SELECT pid FROM pg_stat_activity WHERE application_name LIKE 'plccoach-migrations-%' "
                    + "AND wait_event_type = 'Lock'").isEmpty()) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("pg_dump never waited for the lock");
    }
}
