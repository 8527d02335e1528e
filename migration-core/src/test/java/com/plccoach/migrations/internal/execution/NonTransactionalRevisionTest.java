package com.plccoach.migrations.internal.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.Direction;
import com.plccoach.migrations.MigrationResult;
import com.plccoach.migrations.ScriptFailedException;
import com.plccoach.migrations.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NonTransactionalRevisionTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private final Chain chain = Chain.builder()
            .add("a1", "CREATE TABLE b (id int, v int);\nINSERT INTO b VALUES (1, 1), (2, 2);", "DROP TABLE b;")
            .add("b2", "CREATE UNIQUE INDEX CONCURRENTLY \"B_v\" ON public.b (v);", "DROP INDEX CONCURRENTLY \"B_v\";", false)
            .add("c3", "CREATE TABLE c (id int);", "DROP TABLE c;")
            .build();

    @BeforeEach
    void freshDatabase() throws SQLException {
        db.recreate();
    }

    private MigrationResult upgrade() {
        return Chain.executor(db.url(), Duration.ofSeconds(5), false)
                .run(Direction.UPGRADE, "head", chain.to(Direction.UPGRADE, "head"), BeforeRun.NONE);
    }


    private String indexState() throws SQLException {
        return String.join(",", db.query("SELECT c.relname || '=' || i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                + "WHERE c.relname = 'B_v'"));
    }

    @Test
    void a_non_transactional_revision_runs_alone_outside_a_transaction_between_the_others() throws SQLException {
        MigrationResult result = upgrade();

        assertThat(result.steps()).extracting(MigrationResult.Step::revision).containsExactly("a1", "b2", "c3");
        assertThat(db.query("SELECT id FROM plccoach_version ORDER BY id")).containsExactly("a1", "b2", "c3");
    }

    @Test
    void a_failed_non_transactional_revision_is_recorded_and_the_message_says_what_stays() throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE b (id int, v int)");
            st.execute("INSERT INTO b VALUES (1, 1), (2, 1)");
        }
        Chain duplicates = chain.with(Chain.revision("a1", null, "SELECT 1;", "SELECT 1;", true));

        assertThatThrownBy(() -> Chain.executor(db.url(), Duration.ofSeconds(5), false)
                .run(Direction.UPGRADE, "head", duplicates.to(Direction.UPGRADE, "head"), BeforeRun.NONE))
                .isInstanceOf(ScriptFailedException.class)
                .hasMessageStartingWith("Revision b2 (make b2) failed in b2.sql at line 5: CREATE UNIQUE INDEX CONCURRENTLY \"B_v\" ON public.b (v)\n"
                        + "  ERROR: could not create unique index \"B_v\" (SQLSTATE 23505)\n"
                        + "  DETAIL: Key (v)=(1) is duplicated.\n")
                .hasMessageEndingWith("Revisions [a1] were committed before it and stay applied; the rest was rolled back. b2 is "
                        + "transactional: false, so none of its statements took effect; the next run retries it from its first "
                        + "statement (dropping an INVALID index a failed CREATE INDEX CONCURRENTLY left); undo anything else by hand "
                        + "first if that statement cannot run twice. Fix the statement in b2.sql and rerun "
                        + "`migrator.upgrade(\"head\")`.");
        assertThat(indexState()).isEqualTo("B_v=false");
        assertThat(db.query("SELECT id FROM plccoach_version")).containsExactly("a1");
        assertThat(db.query("SELECT outcome || ' ' || failed_revision FROM plccoach_history")).containsExactly("failed b2");
    }

    @Test
    void a_non_transactional_revision_that_fails_at_a_later_statement_is_continued_there_by_the_next_run() throws SQLException {
        Chain twoSteps = chain.with(Chain.revision("b2", "a1", "CREATE TABLE made_once (id int);\n"
                + "CREATE UNIQUE INDEX CONCURRENTLY \"B_v\" ON public.b (v);", "SELECT 1;", false));
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE b (id int, v int)");
            st.execute("INSERT INTO b VALUES (1, 1), (2, 1)");
        }
        Chain withoutA1Table = twoSteps.with(Chain.revision("a1", null, "SELECT 1;", "SELECT 1;", true));

        assertThatThrownBy(() -> Chain.executor(db.url(), Duration.ofSeconds(5), false)
                .run(Direction.UPGRADE, "head", withoutA1Table.to(Direction.UPGRADE, "head"), BeforeRun.NONE))
                .isInstanceOf(ScriptFailedException.class)
                .hasMessageContaining("b2 is transactional: false, so its statements before line 6 took effect, stay and are "
                        + "recorded as done; the next run continues it at line 6 (dropping an INVALID index a failed CREATE INDEX "
                        + "CONCURRENTLY left)");

        sql("UPDATE b SET v = 2 WHERE id = 2");
        Chain.executor(db.url(), Duration.ofSeconds(5), false)
                .run(Direction.UPGRADE, "head", withoutA1Table.to(Direction.UPGRADE, "head"), BeforeRun.NONE);
        assertThat(indexState()).isEqualTo("B_v=true");
        assertThat(db.query("SELECT id FROM plccoach_version ORDER BY id")).containsExactly("a1", "b2", "c3");
    }

    @Test
    void the_invalid_index_a_failed_create_index_concurrently_left_is_dropped_before_the_retry() throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE b (id int, v int)");
            st.execute("INSERT INTO b VALUES (1, 1), (2, 1)");
        }
        Chain existing = chain.with(Chain.revision("a1", null, "SELECT 1;", "SELECT 1;", true));
        Executor executor = Chain.executor(db.url(), Duration.ofSeconds(5), false);
        assertThatThrownBy(() -> executor.run(Direction.UPGRADE, "head", existing.to(Direction.UPGRADE, "head"), BeforeRun.NONE))
                .isInstanceOf(ScriptFailedException.class);
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("UPDATE b SET v = id");
        }

        MigrationResult retry = executor.run(Direction.UPGRADE, "head", existing.to(Direction.UPGRADE, "head"), BeforeRun.NONE);

        assertThat(retry.steps()).extracting(MigrationResult.Step::revision).containsExactly("b2", "c3");
        assertThat(indexState()).isEqualTo("B_v=true");
        assertThat(db.query("SELECT id FROM plccoach_version ORDER BY id")).containsExactly("a1", "b2", "c3");
    }

    @Test
    void a_non_transactional_revision_is_reverted_alone_too() throws SQLException {
        upgrade();
        Chain.executor(db.url(), Duration.ofSeconds(5), false)
                .run(Direction.DOWNGRADE, "a1", chain.to(Direction.DOWNGRADE, "a1"), BeforeRun.NONE);

        assertThat(indexState()).isEmpty();
        assertThat(db.query("SELECT id FROM plccoach_version")).containsExactly("a1");
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            for (String statement : statements) {
                st.execute(statement);
            }
        }
    }

    /** What the state is after kill -9 in b2's CREATE INDEX CONCURRENTLY, when the server finished the index anyway. */
    private void killedDuringTheIndexBuildThatTheServerFinished() throws SQLException {
        Chain.executor(db.url(), Duration.ofSeconds(5), false).run(Direction.UPGRADE, "a1", chain.to(Direction.UPGRADE, "a1"), BeforeRun.NONE);
        sql("CREATE TABLE plccoach_progress (revision text NOT NULL, direction text NOT NULL, statements_done int NOT NULL, "
                        + "started_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (revision, direction))",
                "INSERT INTO plccoach_progress VALUES ('b2', 'upgrade', 0)",
                "CREATE UNIQUE INDEX \"B_v\" ON public.b (v)");
    }

    @Test
    void an_index_the_server_finished_after_the_client_died_counts_as_done_and_the_revision_is_finished() throws SQLException {
        killedDuringTheIndexBuildThatTheServerFinished();

        MigrationResult rerun = upgrade();

        assertThat(rerun.steps()).extracting(MigrationResult.Step::revision).containsExactly("b2", "c3");
        assertThat(indexState()).isEqualTo("B_v=true");
        assertThat(db.query("SELECT id FROM plccoach_version ORDER BY id")).containsExactly("a1", "b2", "c3");
        assertThat(db.query("SELECT count(*) FROM plccoach_progress")).containsExactly("0");
    }

    @Test
    void statements_recorded_done_by_a_killed_run_are_not_run_again() throws SQLException {
        Chain twoSteps = chain.with(Chain.revision("b2", "a1", "CREATE TABLE made_once (id int);\n"
                + "CREATE INDEX CONCURRENTLY made_once_id ON made_once (id);", "DROP TABLE made_once;", false));
        Chain.executor(db.url(), Duration.ofSeconds(5), false).run(Direction.UPGRADE, "a1", twoSteps.to(Direction.UPGRADE, "a1"), BeforeRun.NONE);
        sql("CREATE TABLE made_once (id int)", "CREATE TABLE plccoach_progress (revision text NOT NULL, direction text NOT NULL, "
                + "statements_done int NOT NULL, started_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (revision, direction))",
                "INSERT INTO plccoach_progress VALUES ('b2', 'upgrade', 1)");

        Chain.executor(db.url(), Duration.ofSeconds(5), false).run(Direction.UPGRADE, "head", twoSteps.to(Direction.UPGRADE, "head"), BeforeRun.NONE);

        assertThat(db.query("SELECT indexname FROM pg_indexes WHERE tablename = 'made_once'")).containsExactly("made_once_id");
        assertThat(db.query("SELECT id FROM plccoach_version ORDER BY id")).containsExactly("a1", "b2", "c3");
    }

    @Test
    void an_unnamed_index_left_invalid_is_found_by_its_definition_dropped_and_built_again() throws SQLException {
        Chain unnamed = chain.with(Chain.revision("b2", "a1", "CREATE UNIQUE INDEX CONCURRENTLY ON public.b (v);", "SELECT 1;", false));
        Executor executor = Chain.executor(db.url(), Duration.ofSeconds(5), false);
        executor.run(Direction.UPGRADE, "a1", unnamed.to(Direction.UPGRADE, "a1"), BeforeRun.NONE);
        sql("INSERT INTO b VALUES (3, 1)");
        assertThatThrownBy(() -> executor.run(Direction.UPGRADE, "head", unnamed.to(Direction.UPGRADE, "head"), BeforeRun.NONE))
                .isInstanceOf(ScriptFailedException.class);
        sql("DELETE FROM b WHERE id = 3");

        executor.run(Direction.UPGRADE, "head", unnamed.to(Direction.UPGRADE, "head"), BeforeRun.NONE);

        assertThat(db.query("SELECT c.relname || '=' || i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                + "WHERE i.indrelid = 'b'::regclass")).containsExactly("b_v_idx=true");
        assertThat(db.query("SELECT id FROM plccoach_version ORDER BY id")).containsExactly("a1", "b2", "c3");
    }

    @Test
    void an_unnamed_index_the_server_finished_is_not_built_a_second_time() throws SQLException {
        Chain unnamed = chain.with(Chain.revision("b2", "a1", "CREATE UNIQUE INDEX CONCURRENTLY ON public.b (v);", "SELECT 1;", false));
        Executor executor = Chain.executor(db.url(), Duration.ofSeconds(5), false);
        executor.run(Direction.UPGRADE, "a1", unnamed.to(Direction.UPGRADE, "a1"), BeforeRun.NONE);
        sql("CREATE UNIQUE INDEX ON public.b (v)");

        executor.run(Direction.UPGRADE, "head", unnamed.to(Direction.UPGRADE, "head"), BeforeRun.NONE);

        assertThat(db.query("SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = 'b'::regclass"))
                .containsExactly("b_v_idx");
    }
}
