package com.plccoach.migrations.internal.execution;

import com.plccoach.migrations.Advice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.DataLossException;
import com.plccoach.migrations.DatabaseUnavailableException;
import com.plccoach.migrations.Direction;
import com.plccoach.migrations.EnvironmentException;
import com.plccoach.migrations.IrreversibleRevisionException;
import com.plccoach.migrations.LockUnavailableException;
import com.plccoach.migrations.MigrationResult;
import com.plccoach.migrations.RevisionFileException;
import com.plccoach.migrations.ScriptFailedException;
import com.plccoach.migrations.ValidationException;
import com.plccoach.migrations.internal.graph.Plan;
import com.plccoach.migrations.internal.state.HistoryEntry;
import com.plccoach.migrations.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ExecutorTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final Chain chain = Chain.builder()
            .add("a1", "CREATE TABLE a (id int PRIMARY KEY);", "DROP TABLE a;")
            .add("b2", "CREATE TABLE b (id int PRIMARY KEY);\nINSERT INTO b VALUES (1);", "DROP TABLE b;")
            .add("c3", "CREATE TABLE c (id int PRIMARY KEY);", "DROP TABLE c;")
            .build();

    @BeforeEach
    void freshDatabase() throws SQLException {
        db.recreate();
    }

    private Executor executor() {
        return Chain.executor(db.url(), WAIT, false);
    }

    private MigrationResult upgrade(Chain c, String target) {
        return executor().run(Direction.UPGRADE, target, c.to(Direction.UPGRADE, target), BeforeRun.NONE);
    }


    private List<String> tables() throws SQLException {
        return db.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'plccoach%' ORDER BY 1");
    }

    private List<String> versions() throws SQLException {
        return db.query("SELECT id FROM public.plccoach_version ORDER BY id");
    }

    @Test
    void an_upgrade_applies_every_revision_with_its_version_row_and_a_history_entry() throws SQLException {
        MigrationResult result = upgrade(chain, "head");

        assertThat(result.steps()).extracting(MigrationResult.Step::revision).containsExactly("a1", "b2", "c3");
        assertThat(result.headsBefore()).isEmpty();
        assertThat(result.headsAfter()).containsExactly("c3");
        assertThat(tables()).containsExactly("a", "b", "c");
        assertThat(versions()).containsExactly("a1", "b2", "c3");
        assertThat(db.query("SELECT checksum FROM plccoach_version WHERE id = 'b2'")).containsExactly(chain.list().get(1).checksum());
        assertThat(db.query("SELECT operation || ' ' || outcome || ' ' || array_to_string(revisions, ',') FROM plccoach_history"))
                .containsExactly("upgrade success a1,b2,c3");
    }

    @Test
    void a_second_upgrade_finds_nothing_to_do() {
        upgrade(chain, "head");
        MigrationResult again = upgrade(chain, "head");
        assertThat(again.upToDate()).isTrue();
        assertThat(again.headsAfter()).containsExactly("c3");
    }

    @Test
    void a_downgrade_reverts_children_first_and_deletes_their_version_rows() throws SQLException {
        upgrade(chain, "head");
        MigrationResult result = executor().run(Direction.DOWNGRADE, "a1", chain.to(Direction.DOWNGRADE, "a1"), BeforeRun.NONE);

        assertThat(result.steps()).extracting(MigrationResult.Step::revision).containsExactly("c3", "b2");
        assertThat(result.headsAfter()).containsExactly("a1");
        assertThat(tables()).containsExactly("a");
        assertThat(versions()).containsExactly("a1");
    }

    @Test
    void an_sql_error_mid_run_leaves_nothing_applied_by_default() throws SQLException {
        Chain broken = chain.with(Chain.revision("b2", "a1", "CREATE TABLE b (id int);\nINSERT INTO b VALUES ('x');", "DROP TABLE b;", true));

        assertThatThrownBy(() -> upgrade(broken, "head")).isInstanceOf(ScriptFailedException.class);

        assertThat(tables()).isEmpty();
        assertThat(versions()).isEmpty();
        assertThat(db.query("SELECT outcome || ' ' || failed_revision FROM plccoach_history")).containsExactly("failed b2");
    }

    @Test
    void an_sql_error_names_revision_file_line_statement_and_postgres_message_and_hint() {
        Chain broken = chain.with(Chain.revision("b2", "a1", "CREATE TABLE b (id int);\nINSERT INTO b\n  VALUES (nope());", "DROP TABLE b;", true));

        assertThatThrownBy(() -> upgrade(broken, "head"))
                .isInstanceOf(ScriptFailedException.class)
                .hasMessage("Revision b2 (make b2) failed in b2.sql at line 7: INSERT INTO b VALUES (nope())\n"
                        + "  ERROR: function nope() does not exist (SQLSTATE 42883)\n"
                        + "  HINT: No function matches the given name and argument types. You might need to add explicit type casts.\n"
                        + "Nothing of this run was applied: its transaction was rolled back. Fix the statement in b2.sql and rerun "
                        + "`migrator.upgrade(\"head\")`.");
    }

    @Test
    void with_transaction_per_revision_an_sql_error_keeps_the_revisions_before_it() throws SQLException {
        Chain broken = chain.with(Chain.revision("c3", "b2", "CREATE TABLE c (id int);\nSELECT 1/0;", "DROP TABLE c;", true));
        Executor perRevision = Chain.executor(db.url(), WAIT, true);

        assertThatThrownBy(() -> perRevision.run(Direction.UPGRADE, "head", broken.to(Direction.UPGRADE, "head"), BeforeRun.NONE))
                .isInstanceOf(ScriptFailedException.class)
                .hasMessageContaining("ERROR: division by zero (SQLSTATE 22012)")
                .hasMessageContaining("Revisions [a1, b2] were committed before it and stay applied; the rest was rolled back.");

        assertThat(tables()).containsExactly("a", "b");
        assertThat(versions()).containsExactly("a1", "b2");
        assertThat(db.query("SELECT array_to_string(to_heads, ',') FROM plccoach_history")).containsExactly("b2");
    }

    @Test
    void a_connection_terminated_during_a_run_is_reported_as_unavailable_and_nothing_stays_applied() throws Exception {
        Chain slow = chain.with(Chain.revision("b2", "a1", "CREATE TABLE b (id int);\nSELECT pg_sleep(30);", "DROP TABLE b;", true));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                upgrade(slow, "head");
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        runner.start();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            String find = "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'SELECT pg_sleep(30)%'";
            boolean killed = false;
            while (!killed) {
                try (ResultSet rs = st.executeQuery("SELECT pg_terminate_backend(pid) FROM (" + find + ") s")) {
                    killed = rs.next();
                }
                Thread.sleep(20);
            }
        }
        runner.join();

        assertThat(failure.get()).isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageStartingWith("Lost the connection to the database while running revision b2 (make b2) (b2.sql, line 6): ")
                .hasMessageEndingWith("Nothing of this run was applied: its transaction was rolled back. Rerun "
                        + "`migrator.upgrade(\"head\")` once the database is reachable: the migration lock ended with the session.");
        assertThat(tables()).isEmpty();
        assertThat(versions()).isEmpty();
        assertThat(db.query("SELECT outcome || ' ' || failed_revision FROM plccoach_history")).containsExactly("failed b2");
    }

    @Test
    void checksum_drift_of_an_applied_revision_stops_the_run_before_anything_runs() throws SQLException {
        upgrade(chain.without("c3"), "head");
        Chain edited = chain.with(Chain.revision("b2", "a1", "CREATE TABLE b (id bigint PRIMARY KEY);", "DROP TABLE b;", true));

        assertThatThrownBy(() -> upgrade(edited, "head"))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("Nothing was run: Revision b2 (b2.sql) was changed after it was applied (on ")
                .hasMessageContaining("its up part or parents now have checksum " + edited.list().get(1).checksum().substring(0, 12)
                        + "…, the database recorded " + chain.list().get(1).checksum().substring(0, 12) + "…")
                .hasMessageEndingWith("Put the file back as it was applied (e.g. `git checkout -- b2.sql`), or, if the database "
                        + "already matches the file as it is now, record it with `migrator.stamp(\"b2\", false)`. "
                        + "To change an applied schema, write a new revision.");
        assertThat(tables()).containsExactly("a", "b");
    }

    @Test
    void a_missing_file_of_an_applied_revision_stops_the_run() throws SQLException {
        upgrade(chain.without("c3"), "head");
        Chain lost = chain.without("b2");

        assertThatThrownBy(() -> upgrade(lost, "head"))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("Nothing was run: Revision b2 is applied (since ")
                .hasMessageEndingWith("but no file in the test chain declares it. Restore its file; or, if it was removed on purpose "
                        + "and the database no longer has its changes, rebuild the state from the files with "
                        + "`migrator.stamp(\"a1\", true)`.");
        assertThat(tables()).containsExactly("a", "b");
    }

    @Test
    void a_downgrade_through_an_irreversible_revision_is_refused_naming_it() throws SQLException {
        Chain oneWay = chain.with(Chain.revision("b2", "a1", "CREATE TABLE b (id int);", null, true));
        upgrade(oneWay, "head");

        assertThatThrownBy(() -> executor().run(Direction.DOWNGRADE, "base", oneWay.to(Direction.DOWNGRADE, "base"), BeforeRun.NONE))
                .isInstanceOf(IrreversibleRevisionException.class)
                .hasMessage("Cannot downgrade to base: revision b2 (b2.sql) has no -- //@UNDO part, so it cannot be reverted. "
                        + "Nothing was changed. Downgrade to b2 or a later revision instead, or add a down part after a -- //@UNDO "
                        + "line to b2.sql and rerun (if you reverted it by hand, record that with "
                        + "`migrator.stamp(\"<revision>\", false)`).");
        assertThat(tables()).containsExactly("a", "b", "c");
    }

    @Test
    void an_unmarked_non_transactional_statement_is_reported_with_file_and_line_before_anything_runs() throws SQLException {
        Chain unmarked = chain.with(Chain.revision("c3", "b2", "CREATE TABLE c (id int);\n\nCREATE INDEX CONCURRENTLY c_id ON c (id);",
                "DROP TABLE c;", true));

        assertThatThrownBy(() -> upgrade(unmarked, "head"))
                .isInstanceOf(RevisionFileException.class)
                .hasMessage("Nothing was run: c3.sql:7: CREATE INDEX CONCURRENTLY cannot run inside a transaction block, but revision "
                        + "c3 is transactional. Add the header line `-- transactional: false` to it (it then runs alone, statement "
                        + "by statement, outside a transaction), or move the statement to a revision of its own so marked.");
        assertThat(tables()).isEmpty();
    }

    @Test
    void a_transaction_control_statement_in_a_revision_is_refused_before_anything_runs() throws SQLException {
        Chain committing = chain.with(Chain.revision("b2", "a1", "CREATE TABLE b (id int);\nCOMMIT;", "DROP TABLE b;", true));

        assertThatThrownBy(() -> upgrade(committing, "head"))
                .isInstanceOf(RevisionFileException.class)
                .hasMessage("Nothing was run: b2.sql:6: COMMIT would end the transaction the runner wraps revision b2 in. Remove it: "
                        + "each run is one transaction (or one per revision with Migrator.builder().transactionPerRevision(true)).");
        assertThat(tables()).isEmpty();
    }

    @Test
    void a_lock_held_by_another_session_until_lock_wait_ends_names_the_holder() throws SQLException {
        MigrationLock lock = new MigrationLock("public", Advice.MAVEN);
        try (Connection holder = db.connect()) {
            lock.acquire(holder, Duration.ZERO);
            int pid;
            try (Statement st = holder.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                pid = rs.getInt(1);
            }
            Executor waiting = Chain.executor(db.url(), Duration.ofMillis(300), false);

            assertThatThrownBy(() -> waiting.run(Direction.UPGRADE, "head", chain.to(Direction.UPGRADE, "head"), BeforeRun.NONE))
                    .isInstanceOf(LockUnavailableException.class)
                    .hasMessageStartingWith("Another runner held the migration lock of schema public for longer than lockWait (PT0.3S): pid "
                            + pid + " (application_name 'plccoach-tests', user postgres, client 127.0.0.1, connected since ")
                    .hasMessageEndingWith("Wait for it to finish and rerun, raise Migrator.builder().lockWait(...), or if that session is stuck "
                            + "end it with SELECT pg_terminate_backend(" + pid + ").");
        }
        assertThat(tables()).isEmpty();
    }

    /** A session of the test's own that holds the migration lock until closed. */
    private static Connection holdingTheLock() throws SQLException {
        Connection holder = db.connect();
        new MigrationLock("public", Advice.EMBEDDED).acquire(holder, Duration.ZERO);
        return holder;
    }

    /** A runner that waits 300 ms for the lock. */
    private static Executor impatient() {
        return Chain.executor(db.url(), Duration.ofMillis(300), false);
    }

    @Test
    void an_up_to_date_database_is_reported_at_once_while_another_session_holds_the_lock() throws SQLException {
        upgrade(chain, "head");
        try (Connection holder = holdingTheLock()) {
            MigrationResult result = impatient().run(Direction.UPGRADE, "head", chain.to(Direction.UPGRADE, "head"), BeforeRun.NONE);

            assertThat(result.steps()).isEmpty();
            assertThat(result.headsAfter()).containsExactly("c3");
        }
    }

    @Test
    void a_database_with_pending_revisions_still_waits_for_the_lock_another_session_holds() throws SQLException {
        upgrade(chain.without("c3"), "head");
        try (Connection holder = holdingTheLock()) {
            assertThatThrownBy(() -> impatient().run(Direction.UPGRADE, "head", chain.to(Direction.UPGRADE, "head"), BeforeRun.NONE))
                    .isInstanceOf(LockUnavailableException.class)
                    .hasMessageStartingWith("Another runner held the migration lock of schema public for longer than lockWait (PT0.3S)");
        }
        assertThat(versions()).containsExactly("a1", "b2");
    }

    @Test
    void drift_waits_for_the_lock_another_session_holds_as_its_stamp_may_be_recording_the_edit() throws SQLException {
        upgrade(chain, "head");
        Chain edited = chain.with(Chain.revision("b2", "a1", "CREATE TABLE b (id bigint PRIMARY KEY);", "DROP TABLE b;", true));
        try (Connection holder = holdingTheLock()) {
            assertThatThrownBy(() -> impatient().run(Direction.UPGRADE, "head", edited.to(Direction.UPGRADE, "head"), BeforeRun.NONE))
                    .isInstanceOf(LockUnavailableException.class);
        }
    }

    @Test
    void a_revision_waiting_longer_than_lock_timeout_fails_with_advice() throws SQLException {
        upgrade(chain.without("c3").without("b2"), "head");
        Chain altering = chain.with(Chain.revision("b2", "a1", "ALTER TABLE a ADD COLUMN x int;", "ALTER TABLE a DROP COLUMN x;", true));
        try (Connection blocker = db.connect(); Statement st = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            st.execute("LOCK TABLE a IN ACCESS SHARE MODE");
            Executor impatient = Chain.executor(db.url(), WAIT, false, "public", Duration.ofMillis(100));

            assertThatThrownBy(() -> impatient.run(Direction.UPGRADE, "b2", altering.to(Direction.UPGRADE, "b2"), BeforeRun.NONE))
                    .isInstanceOf(ScriptFailedException.class)
                    .hasMessageContaining("ERROR: canceling statement due to lock timeout (SQLSTATE 55P03)")
                    .hasMessageContaining("The statement waited longer than lock_timeout (PT0.1S) for a lock another transaction holds");
            blocker.rollback();
        }
        assertThat(versions()).containsExactly("a1");
    }

    @Test
    void exhausting_the_lock_table_is_explained_with_both_remedies() throws SQLException {
        Chain greedy = chain.with(Chain.revision("b2", "a1",
                "SELECT count(pg_advisory_xact_lock(g)) FROM generate_series(1, 1000000) g;", "SELECT 1;", true));

        assertThatThrownBy(() -> upgrade(greedy, "head"))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageStartingWith("PostgreSQL ran out of lock table space (\"ERROR: out of shared memory")
                .hasMessageContaining("at revision b2 (make b2) (b2.sql, line 5)")
                .hasMessageContaining("Either run with Migrator.builder().transactionPerRevision(true) (each revision commits, releasing its "
                        + "locks), or raise max_locks_per_transaction on the server");
        assertThat(tables()).isEmpty();
    }

    @Test
    void using_an_enum_value_added_earlier_in_the_same_run_is_explained() throws SQLException {
        Chain enums = Chain.builder()
                .add("a1", "CREATE TYPE mood AS ENUM ('ok');", "DROP TYPE mood;")
                .add("b2", "ALTER TYPE mood ADD VALUE 'meh';", "SELECT 1;")
                .add("c3", "CREATE TABLE c (m mood DEFAULT 'meh');", "DROP TABLE c;")
                .build();
        upgrade(enums, "a1"); // a type created in the same transaction could use its new value at once

        assertThatThrownBy(() -> upgrade(enums, "head"))
                .isInstanceOf(ScriptFailedException.class)
                .hasMessageContaining("(SQLSTATE 55P04)")
                .hasMessageContaining("An enum value added by ALTER TYPE ... ADD VALUE cannot be used in the transaction that added it. "
                        + "Run with Migrator.builder().transactionPerRevision(true), or apply the revision that adds the value first.");
        assertThat(versions()).containsExactly("a1");
        Chain.executor(db.url(), WAIT, true).run(Direction.UPGRADE, "head", enums.to(Direction.UPGRADE, "head"), BeforeRun.NONE);
        assertThat(versions()).containsExactly("a1", "b2", "c3");
    }

    @Test
    void copy_from_stdin_data_is_loaded() throws SQLException {
        Chain copying = Chain.builder()
                .add("a1", "CREATE TABLE a (id int, name text);\nCOPY a (id, name) FROM stdin;\n1\tone;\n2\t\\N\n\\.\n", "DROP TABLE a;")
                .build();
        upgrade(copying, "head");
        assertThat(db.query("SELECT id || ':' || coalesce(name, 'null') FROM a ORDER BY id")).containsExactly("1:one;", "2:null");
    }

    @Test
    void state_tables_live_in_the_configured_schema_whatever_its_name() throws SQLException {
        Executor odd = Chain.executor(db.url(), WAIT, false, "Odd \"Schema\"", Duration.ofSeconds(10));
        odd.run(Direction.UPGRADE, "head", chain.to(Direction.UPGRADE, "head"), BeforeRun.NONE);

        assertThat(db.query("SELECT id FROM \"Odd \"\"Schema\"\"\".plccoach_version ORDER BY id")).containsExactly("a1", "b2", "c3");
        assertThat(odd.current(chain).heads()).containsExactly("c3");
    }

    @Test
    void the_before_run_hook_runs_inside_the_run_transaction_and_its_backup_is_recorded() throws SQLException {
        upgrade(chain, "head");
        List<String> seen = new ArrayList<>();
        BeforeRun hook = (connection, plan) -> {
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT txid_current_if_assigned() IS NULL, "
                    + "current_setting('transaction_isolation')")) {
                rs.next();
                seen.add(plan + " autocommit=" + connection.getAutoCommit());
            }
            return Optional.of(Path.of("/backups/x.dump"));
        };
        MigrationResult result = executor().run(Direction.DOWNGRADE, "a1", chain.to(Direction.DOWNGRADE, "a1"), hook);

        assertThat(seen).containsExactly("downgrade to a1: [c3, b2] autocommit=false");
        assertThat(result.backup()).isEqualTo(Path.of("/backups/x.dump"));
        assertThat(db.query("SELECT backup_path FROM plccoach_history WHERE operation = 'downgrade'")).containsExactly("/backups/x.dump");
    }

    @Test
    void a_refusing_before_run_hook_leaves_the_database_as_it_was_and_is_recorded() throws SQLException {
        upgrade(chain, "head");
        BeforeRun refuse = (connection, plan) -> {
            throw new DataLossException("table b has 1 row");
        };

        assertThatThrownBy(() -> executor().run(Direction.DOWNGRADE, "base", chain.to(Direction.DOWNGRADE, "base"), refuse))
                .isInstanceOf(DataLossException.class).hasMessage("table b has 1 row");
        assertThat(tables()).containsExactly("a", "b", "c");
        assertThat(db.query("SELECT outcome || ' ' || error FROM plccoach_history WHERE operation = 'downgrade'"))
                .containsExactly("failed table b has 1 row");
    }

    @Test
    void stamp_sets_the_state_without_running_anything_and_is_recorded() throws SQLException {
        MigrationResult result = executor().stamp("b2", false, chain.to(Direction.UPGRADE, "b2"));

        assertThat(result.headsAfter()).containsExactly("b2");
        assertThat(tables()).isEmpty();
        assertThat(versions()).containsExactly("a1", "b2");
        assertThat(db.query("SELECT operation || ' ' || target FROM plccoach_history")).containsExactly("stamp b2");
    }

    @Test
    void stamp_with_purge_forgets_revisions_whose_file_is_gone() throws SQLException {
        upgrade(chain, "head");
        Chain lost = chain.without("c3");
        executor().stamp("b2", true, lost.to(Direction.UPGRADE, "b2"));

        assertThat(versions()).containsExactly("a1", "b2");
        assertThat(upgrade(lost, "head").upToDate()).isTrue();
    }

    @Test
    void stamp_accepts_an_intended_edit_of_an_applied_file() throws SQLException {
        upgrade(chain, "head");
        Chain edited = chain.with(Chain.revision("b2", "a1", "CREATE TABLE b (id int PRIMARY KEY); -- reviewed", "DROP TABLE b;", true));
        executor().stamp("c3", false, edited.to(Direction.UPGRADE, "c3"));

        assertThat(db.query("SELECT checksum FROM plccoach_version WHERE id = 'b2'")).containsExactly(edited.list().get(1).checksum());
        assertThat(upgrade(edited, "head").upToDate()).isTrue();
    }

    @Test
    void history_keeps_every_operation_in_order() throws SQLException {
        upgrade(chain, "b2");
        executor().run(Direction.DOWNGRADE, "base", chain.to(Direction.DOWNGRADE, "base"), BeforeRun.NONE);
        executor().stamp("a1", false, chain.to(Direction.UPGRADE, "a1"));
        List<HistoryEntry> history;
        try (Connection c = db.connect()) {
            history = executor().store().history(c, 10);
        }
        assertThat(history).extracting(HistoryEntry::operation).containsExactly("stamp", "downgrade", "upgrade");
        assertThat(history.get(1).fromHeads()).containsExactly("b2");
        assertThat(history.get(1).toHeads()).isEmpty();
        assertThat(history.get(0).dbUser()).isEqualTo("postgres");
        assertThat(history.get(0).osUser()).isEqualTo(System.getProperty("user.name"));
    }

    @Test
    void the_plan_is_computed_after_the_lock_so_a_waiting_runner_sees_the_work_done() {
        Plan[] seen = new Plan[1];
        PlanSource source = chain.to(Direction.UPGRADE, "head");
        upgrade(chain, "head");
        PlanSource recording = new PlanSource() {
            public java.util.Map<String, com.plccoach.migrations.internal.script.Revision> revisions() { return source.revisions(); }
            public Plan plan(java.util.Set<String> applied) { seen[0] = source.plan(applied); return seen[0]; }
            public List<String> headsOf(java.util.Set<String> applied) { return source.headsOf(applied); }
            public String describe() { return source.describe(); }
        };
        executor().run(Direction.UPGRADE, "head", recording, BeforeRun.NONE);
        assertThat(seen[0].steps()).isEmpty();
    }
}
