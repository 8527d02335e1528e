package com.plccoach.migrations.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.BackupException;
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
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The guard watches the one real run: each statement runs once, and data destroyed without
 * allowDataLoss rolls the run back with the objects and their counts, in upgrades and downgrades.
 */
class MigratorGuardTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final String FINGERPRINT = "SELECT (SELECT count(*) FROM feedback) || '/' || (SELECT count(summary) FROM conversations)"
            + " || '/' || (SELECT count(*) FROM archive.old) || '/' || (SELECT count(m) FROM moods) || '/' || (SELECT last_value FROM probe)"
            + " || '/' || (SELECT string_agg(id, ',' ORDER BY id) FROM plccoach_version)";

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
                CREATE TABLE conversations (id bigint PRIMARY KEY, title text NOT NULL, summary text);
                CREATE TABLE feedback (id bigint PRIMARY KEY, rating int);
                CREATE TABLE empty_t (id int);
                CREATE SCHEMA archive;
                CREATE TABLE archive.old (id int);
                CREATE TYPE mood AS ENUM ('ok', 'meh');
                CREATE TABLE moods (id int PRIMARY KEY, m mood);
                CREATE SEQUENCE probe;""", "SELECT 1;");
        Migrator.builder().url(db.url()).scripts(ScriptSource.directory(scripts)).build().upgrade("head");
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO conversations SELECT g, 't' || g, CASE WHEN g <= 4 THEN 's' || g END FROM generate_series(1, 10) g;"
                    + "INSERT INTO feedback SELECT g, g % 5 FROM generate_series(1, 7) g;"
                    + "INSERT INTO archive.old SELECT g FROM generate_series(1, 3) g;"
                    + "INSERT INTO moods VALUES (1, 'ok'), (2, 'meh')");
        }
    }

    private Migrator.Builder builder() {
        return Migrator.builder().url(db.url()).scripts(ScriptSource.directory(scripts)).backupDir(dir.resolve("backups"));
    }

    private String fingerprint() throws SQLException {
        return db.query(FINGERPRINT).get(0);
    }

    private static final String CASES = """
            DROP TABLE feedback;|table public.feedback (7 row(s)) dropped by revision 002
            ALTER TABLE conversations DROP COLUMN summary;|column public.conversations.summary (4 non-null value(s)) dropped by revision 002
            TRUNCATE feedback;|table public.feedback (7 row(s)) truncated by revision 002
            DELETE FROM feedback;|table public.feedback (7 row(s)) deleted by a DELETE without WHERE by revision 002
            /* the feedback goes */ DELETE FROM feedback;|table public.feedback (7 row(s)) deleted by a DELETE without WHERE by revision 002
            DELETE FROM feedback USING moods;|table public.feedback (7 row(s)) deleted by a DELETE without WHERE by revision 002
            DO $$ BEGIN EXECUTE 'DROP TABLE feedback'; END $$;|table public.feedback (7 row(s)) dropped by revision 002
            DROP SCHEMA archive CASCADE;|table archive.old (3 row(s)) dropped by revision 002
            DROP TYPE mood CASCADE;|column public.moods.m (2 non-null value(s)) dropped by revision 002
            """;

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = CASES)
    void an_upgrade_that_destroys_data_is_refused_with_counts_and_changes_nothing(String sql, String loss) throws Exception {
        files.write("002", "001", "SELECT nextval('probe');\n" + sql, "SELECT 1;");
        String before = fingerprint();

        assertThatThrownBy(() -> builder().build().upgrade("head"))
                .isInstanceOf(DataLossException.class)
                .hasMessageStartingWith("Refused: the upgrade to head would destroy data: ")
                .hasMessageContaining(loss)
                .hasMessageEndingWith("Save what you need, then run again with Migrator.builder().allowDataLoss(true) to accept the loss.");
        assertThat(fingerprint()).isEqualTo(before);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = CASES)
    void a_downgrade_that_destroys_data_is_refused_with_counts_and_changes_nothing(String sql, String loss) throws Exception {
        files.write("002", "001", "SELECT 1;", "SELECT nextval('probe');\n" + sql);
        Migrator migrator = builder().build();
        migrator.upgrade("head");
        String before = fingerprint();

        assertThatThrownBy(() -> migrator.downgrade("001"))
                .isInstanceOf(DataLossException.class)
                .hasMessageStartingWith("Refused: the downgrade to 001 would destroy data: ")
                .hasMessageContaining(loss);
        assertThat(fingerprint()).isEqualTo(before);
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = CASES)
    void allow_data_loss_lets_an_upgrade_through_running_it_once(String sql, String loss) throws Exception {
        files.write("002", "001", "SELECT nextval('probe');\n" + sql, "SELECT 1;");

        builder().allowDataLoss(true).build().upgrade("head");

        assertThat(db.query("SELECT last_value || '/' || is_called FROM probe")).containsExactly("1/true");
        assertThat(db.query("SELECT string_agg(id, ',' ORDER BY id) FROM plccoach_version")).containsExactly("001,002");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = CASES)
    void allow_data_loss_lets_a_downgrade_through_with_its_affected_backup(String sql, String loss) throws Exception {
        files.write("002", "001", "SELECT 1;", sql);
        Migrator migrator = builder().allowDataLoss(true).backupMode(BackupMode.AFFECTED).build();
        migrator.upgrade("head");

        assertThat(migrator.downgrade("001").backup()).exists();
        assertThat(db.query("SELECT string_agg(id, ',' ORDER BY id) FROM plccoach_version")).containsExactly("001");
    }

    @Test
    void dropping_empty_objects_needs_no_switch_either_way() throws Exception {
        files.write("002", "001", "DROP TABLE empty_t;", "CREATE TABLE empty_t (id int);\nDROP TABLE empty_t;");
        Migrator migrator = builder().build();

        migrator.upgrade("head");
        migrator.downgrade("001");

        assertThat(db.query("SELECT count(*) FROM pg_class WHERE relname = 'empty_t'")).containsExactly("0");
    }

    @Test
    void a_delete_with_a_filter_or_of_an_empty_table_needs_no_switch_either_way_and_runs_once() throws Exception {
        files.write("002", "001", "DELETE FROM feedback WHERE rating = 0;\nDELETE FROM empty_t;",
                "SELECT nextval('probe');\nDELETE FROM conversations WHERE id > 5;\nDELETE FROM empty_t;");
        Migrator migrator = builder().build();

        migrator.upgrade("head");
        migrator.downgrade("001");

        assertThat(db.query("SELECT (SELECT count(*) FROM feedback) || '/' || (SELECT count(*) FROM conversations) || '/' "
                + "|| (SELECT last_value FROM probe)")).containsExactly("6/5/1");
    }

    @Test
    void a_delete_without_where_of_a_partitioned_table_counts_the_rows_of_its_partitions_in_the_run_and_in_plan() throws Exception {
        files.write("002", "001", """
                CREATE TABLE events (id int, day date) PARTITION BY RANGE (day);
                CREATE TABLE events_a PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2026-07-01');
                CREATE TABLE events_b PARTITION OF events FOR VALUES FROM ('2026-07-01') TO ('2027-01-01');
                INSERT INTO events SELECT g, DATE '2026-01-01' + g FROM generate_series(1, 300) g;""", "DROP TABLE events;");
        builder().build().upgrade("head");
        files.write("003", "002", "DELETE FROM events;", "SELECT 1;");

        assertThatThrownBy(() -> builder().build().upgrade("head"))
                .isInstanceOf(DataLossException.class)
                .hasMessageContaining("table public.events_a (180 row(s)) deleted by a DELETE without WHERE by revision 003")
                .hasMessageContaining("table public.events_b (120 row(s)) deleted by a DELETE without WHERE by revision 003");
        assertThat(builder().build().plan("head").refusal())
                .contains("table public.events_a (180 row(s)) deleted by a DELETE without WHERE by revision 003");
        assertThat(db.query("SELECT count(*) FROM events")).containsExactly("300");
    }

    @Test
    void plan_gives_the_guards_verdict_on_a_delete_without_where() throws Exception {
        files.write("002", "001", "DELETE FROM feedback;", "SELECT 1;");

        assertThat(builder().build().plan("head").refusal())
                .contains("table public.feedback (7 row(s)) deleted by a DELETE without WHERE by revision 002");
        assertThat(fingerprint()).startsWith("7/");
    }

    @Test
    void a_do_block_in_a_downgrade_runs_once() throws Exception {
        files.write("002", "001", "SELECT 1;", "DO $$ BEGIN PERFORM nextval('probe'); END $$;");
        Migrator migrator = builder().build();
        migrator.upgrade("head");

        migrator.downgrade("001");

        assertThat(db.query("SELECT last_value || '/' || is_called FROM probe")).containsExactly("1/true");
    }

    @Test
    void a_downgrade_that_drops_more_than_its_statements_showed_is_rolled_back_not_run_without_its_backup() throws Exception {
        files.write("002", "001", "SELECT 1;", "ALTER TABLE feedback RENAME TO feedback_old;\nDROP TABLE feedback_old;");
        Migrator migrator = builder().allowDataLoss(true).backupMode(BackupMode.AFFECTED).build();
        migrator.upgrade("head");
        String before = fingerprint();

        assertThatThrownBy(() -> migrator.downgrade("001"))
                .isInstanceOf(BackupException.class)
                .hasMessageStartingWith("The downgrade to 001 destroyed what its statements did not show before it ran, so the affected "
                        + "backup taken first does not safely hold it: table public.feedback_old dropped (revision 002, ")
                .hasMessageContaining("It was rolled back: nothing was changed.");
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void plan_gives_the_verdict_the_guard_gives() throws Exception {
        files.write("002", "001", "SELECT 1;", "DROP TABLE feedback;");
        Migrator migrator = builder().build();
        migrator.upgrade("head");

        assertThat(migrator.plan("001").refusal()).contains("table public.feedback (7 row(s)) dropped by revision 002");
        assertThat(List.of(fingerprint())).allMatch(f -> f.startsWith("7/4/3/2/"));
    }

    @Test
    void plan_does_not_call_what_it_could_not_lock_safe_and_names_the_holder() throws Exception {
        files.write("002", "001", "DROP TABLE feedback;", "SELECT 1;");
        try (Connection reader = db.connect()) {
            reader.setAutoCommit(false);
            try (Statement st = reader.createStatement()) {
                st.execute("SELECT count(*) FROM feedback");
            }

            assertThat(builder().build().plan("head").refusal())
                    .startsWith("revision 002 line 5 could not be analysed: could not get its lock within 2000 ms: held by pid ")
                    .contains("holding feedback AccessShareLock");
            reader.rollback();
        }
    }
}
