package com.plccoach.migrations.internal.safety;

import static com.plccoach.migrations.internal.safety.Plans.exec;
import static com.plccoach.migrations.internal.safety.Plans.queryLong;
import static com.plccoach.migrations.internal.safety.Plans.revision;
import static org.assertj.core.api.Assertions.assertThat;

import com.plccoach.migrations.Direction;
import com.plccoach.migrations.PlanReport;
import com.plccoach.migrations.PlanReport.LockMode;
import com.plccoach.migrations.PlanReport.LockTaken;
import com.plccoach.migrations.PlanReport.Outcome;
import com.plccoach.migrations.PlanReport.StatementReport;
import com.plccoach.migrations.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ImpactAnalyzerTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private Connection connection;
    private final ImpactAnalyzer analyzer = new ImpactAnalyzer(Duration.ofMillis(300));

    @BeforeEach
    void tables() throws SQLException {
        db.recreate();
        connection = db.connect();
        exec(connection,
                "CREATE TABLE parents (id int PRIMARY KEY)",
                "INSERT INTO parents SELECT g FROM generate_series(1, 50) g",
                "CREATE TABLE items (id int PRIMARY KEY, parent_id int, note text, qty int)",
                "INSERT INTO items SELECT g, 1 + g % 50, CASE WHEN g % 4 = 0 THEN NULL ELSE 'n' || g END, g FROM generate_series(1, 200) g");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private StatementReport only(String... statements) {
        PlanReport report = analyzer.analyse(connection, Direction.UPGRADE, "head", List.of(revision("r1", statements)));
        List<StatementReport> all = report.revisions().get(0).statements();
        return all.get(all.size() - 1);
    }

    @Test
    void adding_a_column_with_a_constant_default_does_not_rewrite_the_table() {
        StatementReport s = only("ALTER TABLE items ADD COLUMN flag boolean NOT NULL DEFAULT false");

        assertThat(s.outcome()).isEqualTo(Outcome.ANALYSED);
        assertThat(s.rewrites()).isEmpty();
        assertThat(s.strongestLockOn("public.items")).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
    }

    @Test
    void adding_a_column_with_a_volatile_default_rewrites_the_table() {
        StatementReport s = only("ALTER TABLE items ADD COLUMN created timestamptz NOT NULL DEFAULT clock_timestamp()");

        assertThat(s.rewrites()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("public.items");
            assertThat(r.truncated()).isFalse();
            assertThat(r.bytes()).isPositive();
        });
        assertThat(s.findings()).anyMatch(f -> f.startsWith("rewrites table public.items"));
    }

    @Test
    void changing_a_column_type_rewrites_the_table_under_access_exclusive() {
        StatementReport s = only("ALTER TABLE items ALTER COLUMN qty TYPE bigint");

        assertThat(s.rewrites()).extracting(PlanReport.Rewrite::name).containsExactly("public.items");
        assertThat(s.strongestLockOn("public.items")).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
        assertThat(s.droppedColumns()).isEmpty();
    }

    @Test
    void dropping_a_column_reports_its_non_null_values_counted_after_the_rollback() {
        StatementReport s = only("ALTER TABLE items DROP COLUMN note");

        assertThat(s.droppedColumns()).singleElement().satisfies(c -> {
            assertThat(c.table()).isEqualTo("public.items");
            assertThat(c.column()).isEqualTo("note");
            assertThat(c.type()).isEqualTo("text");
            assertThat(c.nonNullValues()).isEqualTo(150);
            assertThat(c.primaryKey()).containsExactly("id");
        });
        assertThat(s.rewrites()).isEmpty();
    }

    @Test
    void dropping_a_table_reports_its_rows() {
        StatementReport s = only("DROP TABLE items");

        assertThat(s.droppedTables()).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("public.items");
            assertThat(t.rows()).isEqualTo(200);
        });
        assertThat(s.locks()).contains(new LockTaken("public.items", LockMode.ACCESS_EXCLUSIVE));
    }

    @Test
    void creating_an_index_takes_a_share_lock_that_blocks_writes_and_scans_the_table() {
        StatementReport s = only("CREATE INDEX items_parent ON items (parent_id)");

        assertThat(s.strongestLockOn("public.items")).isEqualTo(LockMode.SHARE);
        assertThat(s.scans()).extracting(PlanReport.TableScan::relation).containsExactly("public.items");
        assertThat(s.findings()).contains("locks public.items SHARE (blocks writes until commit, reads go on)");
        assertThat(s.rewrites()).isEmpty();
    }

    @Test
    void setting_not_null_takes_access_exclusive_and_scans_without_rewriting() {
        StatementReport s = only("ALTER TABLE items ALTER COLUMN qty SET NOT NULL");

        assertThat(s.strongestLockOn("public.items")).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
        assertThat(s.scans()).extracting(PlanReport.TableScan::relation).containsExactly("public.items");
        assertThat(s.rewrites()).isEmpty();
        assertThat(s.findings()).anyMatch(f -> f.startsWith("scans public.items (") && f.endsWith("while holding ACCESS EXCLUSIVE: the time grows with the table"));
    }

    @Test
    void a_foreign_key_validates_by_scanning_under_share_row_exclusive_locks_on_both_tables() {
        StatementReport s = only("ALTER TABLE items ADD CONSTRAINT items_parent_fk FOREIGN KEY (parent_id) REFERENCES parents (id)");

        assertThat(s.strongestLockOn("public.items")).isEqualTo(LockMode.SHARE_ROW_EXCLUSIVE);
        assertThat(s.strongestLockOn("public.parents")).isEqualTo(LockMode.SHARE_ROW_EXCLUSIVE);
        assertThat(s.scans()).extracting(PlanReport.TableScan::relation).contains("public.items");
    }

    @Test
    void a_not_valid_foreign_key_scans_nothing() {
        StatementReport s = only("ALTER TABLE items ADD CONSTRAINT items_parent_fk FOREIGN KEY (parent_id) REFERENCES parents (id) NOT VALID");

        assertThat(s.strongestLockOn("public.items")).isEqualTo(LockMode.SHARE_ROW_EXCLUSIVE);
        assertThat(s.scans()).isEmpty();
    }

    @Test
    void truncate_is_told_apart_from_a_rewrite_and_counts_the_rows_it_removes() {
        StatementReport s = only("TRUNCATE items");

        assertThat(s.rewrites()).singleElement().satisfies(r -> {
            assertThat(r.truncated()).isTrue();
            assertThat(r.rowsBefore()).isEqualTo(200);
        });
        assertThat(s.findings()).contains("truncates table public.items: 200 row(s) removed");
    }

    @Test
    void deletes_and_updates_are_counted_per_table() {
        PlanReport report = analyzer.analyse(connection, Direction.UPGRADE, "head", List.of(revision("r1",
                "DELETE FROM items WHERE id <= 10", "UPDATE items SET qty = 0 WHERE id > 190")));
        List<StatementReport> s = report.revisions().get(0).statements();

        assertThat(s.get(0).updateCount()).isEqualTo(10);
        assertThat(s.get(0).rowChanges()).containsExactly(new PlanReport.RowChanges("public.items", 0, 0, 10));
        assertThat(s.get(1).rowChanges()).containsExactly(new PlanReport.RowChanges("public.items", 0, 10, 0));
    }

    @Test
    void create_index_concurrently_is_listed_as_not_analysed() {
        StatementReport s = only("CREATE INDEX CONCURRENTLY items_note ON items (note)");

        assertThat(s.outcome()).isEqualTo(Outcome.NOT_ANALYSED);
        assertThat(s.detail()).isEqualTo("CREATE INDEX CONCURRENTLY cannot run inside a transaction block, so it is not analysed; check it by hand");
    }

    @Test
    void a_non_transactional_revision_is_analysed_except_what_cannot_run_in_a_transaction() throws SQLException {
        PlanReport report = analyzer.analyse(connection, Direction.UPGRADE, "head",
                List.of(revision("r9", false, "CREATE INDEX CONCURRENTLY items_note ON items (note)", "DROP TABLE items")));

        assertThat(report.revisions().get(0).statements()).extracting(StatementReport::outcome)
                .containsExactly(Outcome.NOT_ANALYSED, Outcome.ANALYSED);
        assertThat(report.dataLoss()).extracting(Object::toString)
                .containsExactly("table public.items (200 row(s)) dropped by revision r9 (r9.sql line 4)");
        assertThat(queryLong(connection, "SELECT count(*) FROM items")).isEqualTo(200);
    }

    @Test
    void a_do_block_that_commits_inside_a_non_transactional_revision_is_listed_as_not_analysed() throws SQLException {
        PlanReport report = analyzer.analyse(connection, Direction.UPGRADE, "head",
                List.of(revision("r9", false, "DO $$ BEGIN DROP TABLE items; COMMIT; END $$")));

        assertThat(report.revisions().get(0).statements()).singleElement().satisfies(s -> {
            assertThat(s.outcome()).isEqualTo(Outcome.NOT_ANALYSED);
            assertThat(s.detail()).isEqualTo("it commits or rolls back inside itself, so it cannot run inside a transaction block and "
                    + "is not analysed; check it by hand");
        });
        assertThat(queryLong(connection, "SELECT count(*) FROM items")).isEqualTo(200);
    }

    @Test
    void a_commit_in_a_script_is_not_run_so_the_analysis_stays_rolled_back() throws SQLException {
        analyzer.analyse(connection, Direction.UPGRADE, "head", List.of(revision("r1", "DROP TABLE items", "COMMIT")));

        assertThat(queryLong(connection, "SELECT count(*) FROM items")).isEqualTo(200);
    }

    @Test
    void a_statement_postgresql_refuses_is_reported_and_the_next_one_still_runs() {
        PlanReport report = analyzer.analyse(connection, Direction.UPGRADE, "head",
                List.of(revision("r1", "ALTER TABLE missing ADD COLUMN x int", "DROP TABLE items")));
        List<StatementReport> s = report.revisions().get(0).statements();

        assertThat(s.get(0).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(s.get(0).detail()).isEqualTo("PostgreSQL refuses it: ERROR: relation \"missing\" does not exist (SQLSTATE 42P01)");
        assertThat(s.get(1).droppedTables()).hasSize(1);
    }

    @Test
    void a_statement_that_waits_for_a_lock_is_reported_as_blocked_naming_the_holder() throws SQLException {
        try (Connection other = db.connect()) {
            other.setAutoCommit(false);
            exec(other, "LOCK TABLE items IN ACCESS SHARE MODE");

            StatementReport s = only("ALTER TABLE items ADD COLUMN x int");

            assertThat(s.outcome()).isEqualTo(Outcome.BLOCKED);
            assertThat(s.detail()).startsWith("could not get its lock within 300 ms: held by pid ")
                    .contains("holding items AccessShareLock; its last query: LOCK TABLE items IN ACCESS SHARE MODE");
            other.rollback();
        }
    }

    @Test
    void the_database_is_exactly_as_before_and_no_lock_is_left_held() throws SQLException {
        analyzer.analyse(connection, Direction.DOWNGRADE, "base", List.of(revision("r1",
                "ALTER TABLE items DROP COLUMN note", "DELETE FROM parents", "DROP TABLE items")));

        assertThat(queryLong(connection, "SELECT count(note) FROM items")).isEqualTo(150);
        assertThat(queryLong(connection, "SELECT count(*) FROM parents")).isEqualTo(50);
        assertThat(connection.getAutoCommit()).isTrue();
        try (Connection other = db.connect()) {
            other.setAutoCommit(false);
            exec(other, "SET lock_timeout = '100ms'", "LOCK TABLE items IN ACCESS EXCLUSIVE MODE");
            other.rollback();
        }
    }

    @Test
    void an_open_transaction_of_the_caller_is_left_as_it_was() throws SQLException {
        connection.setAutoCommit(false);
        exec(connection, "INSERT INTO parents VALUES (1000)");

        analyzer.analyse(connection, Direction.UPGRADE, "head", List.of(revision("r1", "DROP TABLE parents CASCADE")));
        connection.commit();

        assertThat(queryLong(connection, "SELECT count(*) FROM parents")).isEqualTo(51);
    }

    @Test
    void dropping_a_partitioned_table_reports_each_partition_with_its_rows() throws SQLException {
        exec(connection, "CREATE TABLE events (id int, at date) PARTITION BY RANGE (at)",
                "CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')",
                "CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')",
                "INSERT INTO events SELECT g, DATE '2025-06-01' + g FROM generate_series(1, 300) g");

        StatementReport s = only("DROP TABLE events");

        assertThat(s.droppedTables()).extracting(t -> t.kind() + " " + t.name() + " " + t.partitionOf() + " " + t.rows())
                .containsExactlyInAnyOrder("partitioned table public.events null 0",
                        "table public.events_2025 public.events 213", "table public.events_2026 public.events 87");
    }

    @Test
    void a_rewrite_is_reported_once_on_the_table_not_on_its_toast_and_temporary_tables_are_left_out() {
        PlanReport report = analyzer.analyse(connection, Direction.UPGRADE, "head", List.of(revision("r1",
                "CREATE TEMPORARY TABLE scratch AS SELECT * FROM items", "DROP TABLE scratch",
                "ALTER TABLE items ALTER COLUMN note TYPE varchar(100)")));
        List<StatementReport> s = report.revisions().get(0).statements();

        assertThat(s.get(1).droppedTables()).isEmpty();
        assertThat(s.get(2).rewrites()).extracting(PlanReport.Rewrite::name).containsExactly("public.items");
    }

    @Test
    void the_report_renders_each_revision_statement_and_the_data_loss() {
        PlanReport report = analyzer.analyse(connection, Direction.DOWNGRADE, "base", List.of(revision("r1",
                "DROP TABLE items")));

        assertThat(report.render()).contains("Plan: downgrade to base (1 revision(s))", "r1 (test r1) r1.sql",
                "  line 3: DROP TABLE items", "      drops table public.items holding 200 row(s)",
                "Data loss:\n  table public.items (200 row(s)) dropped by revision r1 (r1.sql line 3)");
    }
}
