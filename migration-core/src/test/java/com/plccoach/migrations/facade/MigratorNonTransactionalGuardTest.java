package com.plccoach.migrations.facade;

import static com.plccoach.migrations.testing.RevisionFiles.revision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.BackupMode;
import com.plccoach.migrations.DataLossException;
import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.ScriptSource;
import com.plccoach.migrations.testing.RevisionFiles;
import com.plccoach.migrations.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The guard watches {@code transactional: false} revisions too: each statement that can destroy data
 * runs in a short transaction of its own and is refused, rolled back, when it destroys data without
 * allowDataLoss; what committed before it stays, and the next run starts at the refused statement.
 */
class MigratorNonTransactionalGuardTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    /** Line 6 of 002.sql's up part: the index; line 8: the statement under test (lines 10 and 12 in its down part). */
    private static final String INDEX = "CREATE INDEX CONCURRENTLY feedback_rating ON feedback (rating);\n\n";

    @TempDir
    Path dir;

    private Path scripts;
    private RevisionFiles files;

    @BeforeEach
    void populated() throws IOException, SQLException {
        db.recreate();
        scripts = dir.resolve("revisions");
        files = RevisionFiles.in(scripts);
        files.write("001", "base", """
                CREATE TABLE feedback (id bigint PRIMARY KEY, rating int);
                CREATE TABLE empty_t (id int);""", "SELECT 1;");
        Migrator.builder().url(db.url()).scripts(ScriptSource.directory(scripts)).build().upgrade("head");
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO feedback SELECT g, g % 5 FROM generate_series(1, 7) g");
        }
    }

    private void nonTransactional002(String up, String down) throws IOException {
        files.write(revision("002", "001").header("transactional", "false").up(up).down(down));
    }

    private Migrator.Builder builder() {
        return Migrator.builder().url(db.url()).scripts(ScriptSource.directory(scripts)).backupDir(dir.resolve("backups"));
    }

    private String state() throws SQLException {
        return db.query("SELECT (SELECT count(*) FROM feedback) || '/' || (SELECT count(*) FROM pg_indexes WHERE indexname = 'feedback_rating')"
                + " || '/' || (SELECT string_agg(id, ',' ORDER BY id) FROM plccoach_version)").get(0);
    }

    private static final String CASES = """
            DROP TABLE feedback;|table public.feedback (7 row(s)) dropped
            TRUNCATE feedback;|table public.feedback (7 row(s)) truncated
            DELETE FROM feedback;|table public.feedback (7 row(s)) deleted by a DELETE without WHERE
            DO $$ BEGIN EXECUTE 'DROP TABLE feedback'; END $$;|table public.feedback (7 row(s)) dropped
            """;

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = CASES)
    void a_non_transactional_upgrade_that_destroys_data_is_refused_with_counts_and_keeps_the_rows(String sql, String loss) throws Exception {
        nonTransactional002(INDEX + sql, "SELECT 1;");

        assertThatThrownBy(() -> builder().build().upgrade("head"))
                .isInstanceOf(DataLossException.class)
                .hasMessageStartingWith("Refused: the upgrade to head would destroy data: " + loss + " by revision 002 (")
                .hasMessageEndingWith("002.sql line 8). Revision 002 is transactional: false: its 1 "
                        + "statement(s) before line 8 (lines 6) committed and stay, they cannot be undone; line 8 did not take effect, and "
                        + "the next run starts there. Save what you need, then run again with Migrator.builder().allowDataLoss(true) to accept the loss.");
        assertThat(state()).isEqualTo("7/1/001");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = CASES)
    void allow_data_loss_lets_a_non_transactional_upgrade_through(String sql, String loss) throws Exception {
        nonTransactional002(INDEX + sql, "SELECT 1;");

        builder().allowDataLoss(true).build().upgrade("head");

        assertThat(db.query("SELECT string_agg(id, ',' ORDER BY id) FROM plccoach_version")).containsExactly("001,002");
    }

    @Test
    void the_run_after_a_refusal_starts_at_the_refused_statement() throws Exception {
        nonTransactional002(INDEX + "DROP TABLE feedback;", "SELECT 1;");
        assertThatThrownBy(() -> builder().build().upgrade("head")).isInstanceOf(DataLossException.class);
        String index = db.query("SELECT 'feedback_rating'::regclass::oid::text").get(0);

        builder().allowDataLoss(true).build().upgrade("head");

        assertThat(db.query("SELECT count(*) FROM pg_class WHERE oid = " + index + " OR relname = 'feedback'")).containsExactly("0");
        assertThat(db.query("SELECT string_agg(id, ',' ORDER BY id) FROM plccoach_version")).containsExactly("001,002");
    }

    @Test
    void dropping_an_empty_table_in_a_non_transactional_revision_needs_no_switch() throws Exception {
        nonTransactional002("DROP TABLE empty_t;", "SELECT 1;");

        builder().build().upgrade("head");

        assertThat(db.query("SELECT count(*) FROM pg_class WHERE relname = 'empty_t'")).containsExactly("0");
    }

    @Test
    void create_index_concurrently_alone_still_runs_outside_any_transaction() throws Exception {
        nonTransactional002("CREATE INDEX CONCURRENTLY feedback_rating ON feedback (rating);\n"
                + "DROP INDEX CONCURRENTLY feedback_rating;\nCREATE INDEX CONCURRENTLY feedback_rating ON feedback (rating);", "SELECT 1;");

        builder().build().upgrade("head");

        assertThat(db.query("SELECT indisvalid FROM pg_index WHERE indexrelid = 'feedback_rating'::regclass")).containsExactly("t");
    }

    @Test
    void a_do_block_that_commits_inside_itself_is_refused_before_it_runs() throws Exception {
        nonTransactional002("DO $$ BEGIN DELETE FROM empty_t; COMMIT; DROP TABLE feedback; END $$;", "SELECT 1;");

        assertThatThrownBy(() -> builder().build().upgrade("head"))
                .isInstanceOf(DataLossException.class)
                .hasMessageStartingWith("Refused: revision 002 (")
                .hasMessageEndingWith("002.sql line 6) can destroy data and commits or rolls back inside itself, which it "
                        + "cannot do inside a transaction block, so the guard cannot read what it destroys before it commits. Revision "
                        + "002 is transactional: false: none of its statements ran; line 6 did not take effect, and the next run starts "
                        + "there. Move what it destroys into statements that can run in a transaction (the guard then counts it), or, "
                        + "having saved what you need, run again with Migrator.builder().allowDataLoss(true) to run it unchecked.");
        assertThat(state()).isEqualTo("7/0/001");
    }

    @Test
    void allow_data_loss_runs_a_do_block_that_commits_inside_itself_unchecked() throws Exception {
        nonTransactional002("DO $$ BEGIN DELETE FROM empty_t; COMMIT; DROP TABLE feedback; END $$;", "SELECT 1;");

        builder().allowDataLoss(true).build().upgrade("head");

        assertThat(db.query("SELECT count(*) FROM pg_class WHERE relname = 'feedback'")).containsExactly("0");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = CASES)
    void plan_gives_the_verdict_the_guard_gives_a_non_transactional_revision(String sql, String loss) throws Exception {
        nonTransactional002(INDEX + sql, "SELECT 1;");

        assertThat(builder().build().plan("head").refusal()).startsWith("the upgrade to head would destroy data: " + loss + " by revision 002 (")
                .contains("002.sql line 8)");
        assertThat(state()).isEqualTo("7/0/001");
    }

    @Test
    void plan_refuses_a_do_block_that_commits_inside_itself_as_the_run_does() throws Exception {
        nonTransactional002("DO $$ BEGIN DROP TABLE feedback; COMMIT; END $$;", "SELECT 1;");

        assertThat(builder().build().plan("head").refusal()).startsWith("revision 002 (").endsWith("002.sql line 6) can destroy data and commits or "
                + "rolls back inside itself, which it cannot do inside a transaction block, so the guard cannot read what it destroys "
                + "before it commits. The run would refuse it before it runs. Move what it destroys into statements that can run in a "
                + "transaction (the guard then counts it), or, having saved what you need, run again with Migrator.builder().allowDataLoss(true) "
                + "to run it unchecked");
    }

    @Test
    void a_non_transactional_downgrade_that_destroys_data_is_refused_before_anything_runs() throws Exception {
        nonTransactional002("SELECT 1;", INDEX + "DROP TABLE feedback;");
        Migrator migrator = builder().backupMode(BackupMode.NONE).build();
        migrator.upgrade("head");

        assertThatThrownBy(() -> migrator.downgrade("001"))
                .isInstanceOf(DataLossException.class)
                .hasMessageStartingWith("Refused: the downgrade to 001 would destroy data: table public.feedback (7 row(s)) dropped by "
                        + "revision 002 (")
                .hasMessageContaining("002.sql line 12). Nothing was changed.");
        assertThat(state()).isEqualTo("7/0/001,002");
    }

    @Test
    void a_backed_up_non_transactional_downgrade_that_destroys_data_is_refused_as_uncovered() throws Exception {
        nonTransactional002("SELECT 1;", "DROP TABLE feedback;");
        Migrator migrator = builder().allowDataLoss(true).backupMode(BackupMode.AFFECTED).build();
        migrator.upgrade("head");

        assertThatThrownBy(() -> migrator.downgrade("001"))
                .isInstanceOf(DataLossException.class)
                .hasMessageStartingWith("Refused: the downgrade to 001 would destroy [table public.feedback by revision 002 line 10] after "
                        + "the transaction that takes the backup has committed (its first reverted revision 002 is transactional: false");
        assertThat(state()).isEqualTo("7/0/001,002");
    }
}
