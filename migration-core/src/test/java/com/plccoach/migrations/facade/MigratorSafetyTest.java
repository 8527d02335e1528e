package com.plccoach.migrations.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.BackupMode;
import com.plccoach.migrations.DataLossException;
import com.plccoach.migrations.Direction;
import com.plccoach.migrations.MigrationResult;
import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.PlanReport;
import com.plccoach.migrations.RestoreResult;
import com.plccoach.migrations.ScriptSource;
import com.plccoach.migrations.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The facade's safety order: analyse, guard, back up, run, record; plan; restore. */
class MigratorSafetyTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path dir;

    private Path scripts;

    @BeforeEach
    void revisions() throws IOException, SQLException {
        db.recreate();
        scripts = Files.createDirectories(dir.resolve("revisions"));
        Files.writeString(scripts.resolve("001_initial.sql"), """
                -- revision: 001
                -- down_revision: base
                -- message: initial schema

                CREATE TABLE conversations (id bigint PRIMARY KEY, title text NOT NULL);

                -- //@UNDO

                DROP TABLE conversations;
                """);
        Files.writeString(scripts.resolve("002_feedback.sql"), """
                -- revision: 002
                -- down_revision: 001
                -- message: feedback

                CREATE TABLE feedback (id bigint PRIMARY KEY, conversation_id bigint, rating int);
                ALTER TABLE conversations ADD COLUMN summary text;

                -- //@UNDO

                ALTER TABLE conversations DROP COLUMN summary;
                DROP TABLE feedback;
                """);
    }

    private Migrator.Builder builder() {
        return Migrator.builder().url(db.url()).scripts(ScriptSource.directory(scripts)).backupDir(dir.resolve("backups"));
    }

    private void fill() throws SQLException {
        sql("INSERT INTO conversations SELECT g, 't' || g, CASE WHEN g <= 4 THEN 's' || g END FROM generate_series(1, 10) g",
                "INSERT INTO feedback SELECT g, g, g % 5 FROM generate_series(1, 7) g");
    }

    private List<String> sql(String... statements) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            for (String s : statements) {
                if (st.execute(s)) {
                    try (ResultSet rs = st.getResultSet()) {
                        while (rs.next()) {
                            rows.add(rs.getString(1));
                        }
                    }
                }
            }
        }
        return rows;
    }

    /** A sequence advanced by the plan shows how often the plan ran: PostgreSQL never rolls nextval back. */
    private void sequenceAdvancingRevision() throws IOException, SQLException {
        sql("CREATE SEQUENCE ticket_seq");
        Files.writeString(scripts.resolve("003_ticket.sql"), """
                -- revision: 003
                -- down_revision: 002
                -- message: take a ticket

                SELECT nextval('ticket_seq');

                -- //@UNDO

                SELECT 1;
                """);
    }

    @Test
    void an_upgrade_of_a_database_where_no_table_holds_a_row_is_not_analysed_first() throws IOException, SQLException {
        sequenceAdvancingRevision();

        builder().build().upgrade("head");

        assertThat(sql("SELECT last_value FROM ticket_seq")).containsExactly("1");
    }

    @Test
    void an_upgrade_of_a_database_with_rows_runs_each_statement_once() throws IOException, SQLException {
        sequenceAdvancingRevision();
        Migrator migrator = builder().build();
        migrator.upgrade("002");
        fill();

        migrator.upgrade("head");

        assertThat(sql("SELECT last_value FROM ticket_seq")).containsExactly("1");
    }

    @Test
    void plan_reports_what_a_downgrade_would_destroy_and_that_it_would_be_refused_changing_nothing() throws SQLException {
        Migrator migrator = builder().build();
        migrator.upgrade("head");
        fill();

        PlanReport report = migrator.plan("001");

        assertThat(report.direction()).isEqualTo(Direction.DOWNGRADE);
        assertThat(report.dataLoss()).extracting(PlanReport.DataLoss::object)
                .containsExactly("column public.conversations.summary", "table public.feedback");
        assertThat(report.refusal()).contains("Migrator.builder().allowDataLoss(true)");
        assertThat(report.render()).contains("Verdict: REFUSED");
        assertThat(sql("SELECT count(*) FROM feedback")).containsExactly("7");
        assertThat(migrator.current().heads()).containsExactly("002");
    }

    @Test
    void plan_of_an_upgrade_reports_its_locks() {
        PlanReport report = builder().build().plan("head");

        assertThat(report.direction()).isEqualTo(Direction.UPGRADE);
        assertThat(report.revisions()).extracting(PlanReport.RevisionReport::revision).containsExactly("001", "002");
        assertThat(report.refused()).isFalse();
    }

    @Test
    void a_downgrade_that_would_lose_data_is_refused_recorded_and_changes_nothing() throws SQLException {
        Migrator migrator = builder().build();
        migrator.upgrade("head");
        fill();

        assertThatThrownBy(() -> migrator.downgrade("001"))
                .isInstanceOf(DataLossException.class)
                .hasMessageContaining("column public.conversations.summary (4 non-null value(s)) dropped by revision 002")
                .hasMessageContaining("table public.feedback (7 row(s)) dropped by revision 002");

        assertThat(migrator.current().heads()).containsExactly("002");
        assertThat(sql("SELECT count(summary) || '/' || (SELECT count(*) FROM feedback) FROM conversations")).containsExactly("4/7");
        assertThat(sql("SELECT operation || ' ' || outcome FROM plccoach_history ORDER BY id DESC LIMIT 1")).containsExactly("downgrade failed");
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    @Test
    void an_allowed_downgrade_is_backed_up_first_and_the_backup_is_recorded_and_restorable() throws SQLException {
        Migrator migrator = builder().allowDataLoss(true).backupMode(BackupMode.AFFECTED).build();
        migrator.upgrade("head");
        fill();

        MigrationResult result = migrator.downgrade("001");

        assertThat(result.backup()).isNotNull().exists();
        assertThat(sql("SELECT backup_path FROM plccoach_history WHERE operation = 'downgrade'")).containsExactly(result.backup().toString());
        migrator.upgrade("head");
        RestoreResult restored = migrator.restore(result.backup());
        assertThat(restored.dataOnly()).isTrue();
        assertThat(sql("SELECT count(*) FROM feedback", "SELECT string_agg(summary, ',' ORDER BY id) FROM conversations"))
                .containsExactly("7", "s1,s2,s3,s4");
        assertThat(sql("SELECT operation || ' ' || outcome FROM plccoach_history ORDER BY id DESC LIMIT 1")).containsExactly("restore success");
    }

    @Test
    void a_downgrade_of_empty_objects_passes_the_guard_with_a_full_backup() {
        Migrator migrator = builder().build();
        migrator.upgrade("head");

        MigrationResult result = migrator.downgrade("base");

        assertThat(result.backup().getFileName().toString()).matches("\\d{8}T\\d{6}Z_" + db.name() + "_downgrade_to_base\\.dump");
    }

    @Test
    void a_relative_target_names_the_archive_by_the_revision_it_resolved_to_and_the_history_keeps_it_as_typed() throws SQLException {
        Migrator migrator = builder().build();
        migrator.upgrade("head");

        MigrationResult result = migrator.downgrade("-1");

        assertThat(result.backup().getFileName().toString()).matches("\\d{8}T\\d{6}Z_" + db.name() + "_downgrade_to_001\\.dump");
        assertThat(sql("SELECT target FROM plccoach_history WHERE operation = 'downgrade'")).containsExactly("-1");
    }

    @Test
    void backup_none_must_be_asked_for_and_then_takes_nothing() {
        Migrator migrator = builder().backupMode(BackupMode.NONE).build();
        migrator.upgrade("head");

        assertThat(migrator.downgrade("001").backup()).isNull();
    }

    @Test
    void an_upgrade_that_would_drop_values_is_refused_too() throws IOException, SQLException {
        Migrator migrator = builder().build();
        migrator.upgrade("head");
        fill();
        Files.writeString(scripts.resolve("003_drop_summary.sql"), """
                -- revision: 003
                -- down_revision: 002
                -- message: summaries move elsewhere

                ALTER TABLE conversations DROP COLUMN summary;

                -- //@UNDO

                ALTER TABLE conversations ADD COLUMN summary text;
                """);

        assertThatThrownBy(() -> migrator.upgrade("head"))
                .isInstanceOf(DataLossException.class)
                .hasMessageStartingWith("Refused: the upgrade to head would destroy data: column public.conversations.summary (4 non-null value(s))");
        assertThat(migrator.current().heads()).containsExactly("002");
    }

    @Test
    void a_password_only_role_downgrades_with_a_full_backup_its_password_reaching_pg_dump_by_file_only() throws SQLException {
        String role = "plccoach_safety_" + Long.toHexString(System.nanoTime());
        sql("CREATE ROLE " + role + " LOGIN PASSWORD 'pa:ss\\word' IN ROLE plccoach_password_auth", "GRANT ALL ON SCHEMA public TO " + role, "GRANT CREATE ON DATABASE \"" + db.name() + "\" TO " + role);
        try {
            Migrator migrator = Migrator.builder().url(db.url().replaceAll("\\?.*", "") + "?user=" + role + "&password=pa%3Ass%5Cword")
                    .scripts(ScriptSource.directory(scripts)).backupDir(dir.resolve("backups")).build();
            migrator.upgrade("head");

            MigrationResult result = migrator.downgrade("base");

            assertThat(result.backup()).exists();
            assertThat(migrator.config().toString()).doesNotContain("pa%3Ass");
        } finally {
            sql("DROP OWNED BY " + role, "DROP ROLE " + role);
        }
    }

    private void victimThenNonTransactionalIndex() throws IOException {
        Files.writeString(scripts.resolve("003_victim.sql"), """
                -- revision: 003
                -- down_revision: 002
                -- message: victim

                CREATE TABLE victim (id bigint PRIMARY KEY, v text);

                -- //@UNDO

                DROP TABLE victim;
                """);
        Files.writeString(scripts.resolve("004_victim_index.sql"), """
                -- revision: 004
                -- down_revision: 003
                -- message: victim index
                -- transactional: false

                CREATE INDEX CONCURRENTLY victim_v ON victim (v);

                -- //@UNDO

                DROP INDEX CONCURRENTLY victim_v;
                """);
    }

    @Test
    void a_backed_up_downgrade_that_would_drop_a_table_after_its_first_transaction_is_refused_before_anything_runs() throws Exception {
        victimThenNonTransactionalIndex();
        Migrator migrator = builder().allowDataLoss(true).build();
        migrator.upgrade("head");
        sql("INSERT INTO victim SELECT g, 'v' || g FROM generate_series(1, 50) g");

        assertThatThrownBy(() -> migrator.downgrade("002"))
                .isInstanceOf(DataLossException.class)
                .hasMessage("Refused: the downgrade to 002 would destroy [table public.victim by revision 003 line 9] after the "
                        + "transaction that takes the backup has committed (its first reverted revision 004 is transactional: false, "
                        + "so the backup's transaction commits before anything is destroyed); rows written in between would be in no "
                        + "backup. Downgrade in steps, first with `migrator.downgrade(\"003\")` and then on, so that what is destroyed is "
                        + "destroyed in the transaction that backed it up; or, having saved the data another way, run it with "
                        + "Migrator.builder().backupMode(BackupMode.NONE). Nothing was changed.");
        assertThat(sql("SELECT string_agg(id, ',' ORDER BY id) FROM plccoach_version", "SELECT count(*) FROM victim"))
                .containsExactly("001,002,003,004", "50");
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    @Test
    void the_same_downgrade_in_the_steps_the_refusal_names_is_backed_up_whole() throws Exception {
        victimThenNonTransactionalIndex();
        Migrator migrator = builder().allowDataLoss(true).build();
        migrator.upgrade("head");
        sql("INSERT INTO victim SELECT g, 'v' || g FROM generate_series(1, 50) g");

        migrator.downgrade("003");
        MigrationResult second = migrator.downgrade("002");

        assertThat(second.backup().getFileName().toString()).endsWith("_downgrade_to_002.dump");
        assertThat(sql("SELECT to_regclass('victim') IS NULL")).containsExactly("t");
    }

    @Test
    void with_a_transaction_per_revision_a_table_dropped_after_the_first_revision_is_refused_too() throws Exception {
        victimThenNonTransactionalIndex();
        Files.delete(scripts.resolve("004_victim_index.sql"));
        Migrator migrator = builder().allowDataLoss(true).transactionPerRevision(true).build();
        migrator.upgrade("head");

        assertThatThrownBy(() -> migrator.downgrade("001"))
                .isInstanceOf(DataLossException.class)
                .hasMessageContaining("would destroy [column public.conversations.summary by revision 002 line 10, table "
                        + "public.feedback by revision 002 line 11]")
                .hasMessageContaining("(Migrator.builder().transactionPerRevision(true) commits the backup's transaction with revision 003)")
                .hasMessageContaining("or run without Migrator.builder().transactionPerRevision(true)");
    }

    @Test
    void one_migrator_runs_the_password_command_once_for_an_upgrade_and_a_downgrade_with_its_backup() throws SQLException {
        String role = "plccoach_once_" + Long.toHexString(System.nanoTime());
        sql("CREATE ROLE " + role + " LOGIN PASSWORD 'once' IN ROLE plccoach_password_auth", "GRANT ALL ON SCHEMA public TO " + role,
                "GRANT CREATE ON DATABASE \"" + db.name() + "\" TO " + role);
        Path counter = dir.resolve("runs");
        try {
            Migrator migrator = Migrator.builder().url(db.url().replaceAll("\\?.*", "") + "?user=" + role)
                    .passwordCommand("sh -c 'echo x >> " + counter + "; echo once'")
                    .scripts(ScriptSource.directory(scripts)).backupDir(dir.resolve("backups")).build();

            migrator.upgrade("head");
            assertThat(migrator.downgrade("base").backup()).exists();

            assertThat(counter).hasContent("x");
        } finally {
            sql("DROP OWNED BY " + role, "DROP ROLE " + role);
        }
    }
}
