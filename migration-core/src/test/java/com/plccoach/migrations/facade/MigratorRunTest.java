package com.plccoach.migrations.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.CheckReport;
import com.plccoach.migrations.CurrentState;
import com.plccoach.migrations.IrreversibleRevisionException;
import com.plccoach.migrations.MigrationResult;
import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.ScriptFailedException;
import com.plccoach.migrations.ScriptSource;
import com.plccoach.migrations.ValidationException;
import com.plccoach.migrations.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class MigratorRunTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path scripts;

    @TempDir
    Path backups;

    @BeforeEach
    void setUp() throws Exception {
        db.recreate();
        write("001_initial.sql", """
                -- revision: 001
                -- down_revision: base
                -- message: initial schema

                CREATE TABLE conversations (id bigint PRIMARY KEY, title text NOT NULL);

                -- //@UNDO

                DROP TABLE conversations;
                """);
        write("002_sharing.sql", """
                -- revision: 002
                -- down_revision: 001
                -- message: add conversation sharing

                ALTER TABLE conversations ADD COLUMN shared_with text[] NOT NULL DEFAULT '{}';
                CREATE FUNCTION shared_count(c conversations) RETURNS int LANGUAGE sql AS $$
                  SELECT cardinality(c.shared_with);
                $$;

                -- //@UNDO

                DROP FUNCTION shared_count(conversations);
                ALTER TABLE conversations DROP COLUMN shared_with;
                """);
        write("003_index.sql", """
                -- revision: 003
                -- down_revision: 002
                -- message: index titles
                -- transactional: false

                CREATE INDEX CONCURRENTLY conversations_title ON conversations (title);

                -- //@UNDO

                DROP INDEX CONCURRENTLY conversations_title;
                """);
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(scripts.resolve(name), text);
    }

    private Migrator migrator() {
        return Migrator.builder().url(db.url()).scripts(ScriptSource.directory(scripts)).backupDir(backups).build();
    }


    @Test
    void upgrade_to_head_applies_the_files_and_current_names_the_head() {
        MigrationResult result = migrator().upgrade("head");

        assertThat(result.steps()).extracting(MigrationResult.Step::revision).containsExactly("001", "002", "003");
        CurrentState current = migrator().current();
        assertThat(current.heads()).containsExactly("003");
        assertThat(current.applied()).extracting(a -> a.id()).containsExactly("001", "002", "003");
    }

    @Test
    void current_is_base_before_anything_ran_and_creates_nothing() throws SQLException {
        assertThat(migrator().current().atBase()).isTrue();
        assertThat(db.query("SELECT to_regclass('public.plccoach_version')::text")).containsOnlyNulls();
    }

    @Test
    void a_relative_downgrade_reverts_one_revision() throws SQLException {
        migrator().upgrade("head");
        migrator().downgrade("-1");

        assertThat(migrator().current().heads()).containsExactly("002");
        assertThat(db.query("SELECT indexname FROM pg_indexes WHERE indexname = 'conversations_title'")).isEmpty();
    }

    @Test
    void downgrade_to_base_reverts_everything() throws SQLException {
        migrator().upgrade("head");
        MigrationResult result = migrator().downgrade("base");

        assertThat(result.steps()).extracting(MigrationResult.Step::revision).containsExactly("003", "002", "001");
        assertThat(db.query("SELECT to_regclass('public.conversations')::text")).containsOnlyNulls();
    }

    @Test
    void an_sql_error_names_the_file_and_its_line() throws IOException {
        write("002_sharing.sql", Files.readString(scripts.resolve("002_sharing.sql")).replace("text[] NOT NULL", "txet[] NOT NULL"));

        assertThatThrownBy(() -> migrator().upgrade("head"))
                .isInstanceOf(ScriptFailedException.class)
                .hasMessageStartingWith("Revision 002 (add conversation sharing) failed in " + scripts.resolve("002_sharing.sql")
                        + " at line 5: ALTER TABLE conversations ADD COLUMN shared_with txet[] NOT NULL DEFAULT '{}'\n"
                        + "  ERROR: type \"txet[]\" does not exist (SQLSTATE 42704)");
    }

    @Test
    void a_downgrade_through_a_file_without_undo_is_refused() throws IOException, SQLException {
        write("002_sharing.sql", Files.readString(scripts.resolve("002_sharing.sql")).replaceAll("(?s)-- //@UNDO.*", ""));
        migrator().upgrade("head");

        assertThatThrownBy(() -> migrator().downgrade("001")).isInstanceOf(IrreversibleRevisionException.class)
                .hasMessageContaining("revision 002");
        assertThat(migrator().current().heads()).containsExactly("003");
    }

    @Test
    void stamp_records_a_revision_without_running_it_and_upgrade_continues_from_there() throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE conversations (id bigint PRIMARY KEY, title text NOT NULL)");
        }
        migrator().stamp("001", false);
        MigrationResult result = migrator().upgrade("head");

        assertThat(result.steps()).extracting(MigrationResult.Step::revision).containsExactly("002", "003");
    }

    @Test
    void stamp_down_past_an_irreversible_revision_records_a_manual_revert() throws IOException {
        write("002_sharing.sql", Files.readString(scripts.resolve("002_sharing.sql")).replaceAll("(?s)-- //@UNDO.*", ""));
        migrator().upgrade("head");
        migrator().stamp("001", false);

        assertThat(migrator().current().heads()).containsExactly("001");
    }

    @Test
    void check_reports_pending_revisions_without_touching_the_database() throws SQLException {
        CheckReport report = migrator().check();

        assertThat(report.problems(false)).isEmpty();
        assertThat(report.pending()).containsExactly("001", "002", "003");
        assertThat(report.heads()).containsExactly("003");
        assertThat(db.query("SELECT to_regclass('public.plccoach_version')::text")).containsOnlyNulls();
    }

    @Test
    void check_reports_drift_missing_files_and_several_heads() throws IOException {
        migrator().upgrade("002");
        write("001_initial.sql", Files.readString(scripts.resolve("001_initial.sql")).replace("title text", "title varchar"));
        Files.delete(scripts.resolve("003_index.sql"));
        migrator().stamp("002", false);
        Files.delete(scripts.resolve("002_sharing.sql"));
        write("002b.sql", "-- revision: 00b\n-- down_revision: 001\n\nSELECT 1;\n");
        write("002c.sql", "-- revision: 00c\n-- down_revision: 001\n\nSELECT 1;\n");
        write("001_initial.sql", Files.readString(scripts.resolve("001_initial.sql")).replace("title varchar", "title citext"));

        CheckReport report = migrator().check();

        assertThat(report.missingFiles()).singleElement().asString().startsWith("Revision 002 is applied");
        assertThat(report.checksumDrift()).singleElement().asString().startsWith("Revision 001 (" + scripts.resolve("001_initial.sql"));
        assertThat(report.heads()).containsExactly("00b", "00c");
        assertThat(report.problems(false)).hasSize(3);
        assertThat(report.problems(true)).hasSize(2);
        assertThatThrownBy(() -> migrator().upgrade("heads")).isInstanceOf(ValidationException.class);
    }

    @Test
    void check_reports_a_broken_graph() throws IOException {
        write("004_orphan.sql", "-- revision: 004\n-- down_revision: 999\n\nSELECT 1;\n");

        CheckReport report = migrator().check();

        assertThat(report.graphErrors()).singleElement().asString().contains("999");
    }

    @Test
    void offline_sql_for_a_range_needs_no_database_and_shows_what_would_run() {
        Migrator offline = Migrator.builder().url("jdbc:postgresql://127.0.0.1:1/nowhere").scripts(ScriptSource.directory(scripts))
                .schema("ops").build();

        String sql = offline.upgradeSql("001:head");

        assertThat(sql).isEqualTo(("""
                -- plccoach upgrade to head from 001: 2 revision(s)
                -- generated by plccoach-migrations VERSION; run with: psql -X -v ON_ERROR_STOP=1 -f <this file>

                CREATE SCHEMA IF NOT EXISTS "ops";

                CREATE TABLE IF NOT EXISTS "ops"."plccoach_version" (
                    id text PRIMARY KEY,
                    checksum text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now(),
                    applied_by text NOT NULL DEFAULT current_user,
                    duration_ms bigint NOT NULL DEFAULT 0
                );

                """ + historyDdl() + """
                BEGIN;

                -- upgrade 002 (add conversation sharing), %s
                SET LOCAL lock_timeout = '10000ms';
                ALTER TABLE conversations ADD COLUMN shared_with text[] NOT NULL DEFAULT '{}';
                CREATE FUNCTION shared_count(c conversations) RETURNS int LANGUAGE sql AS $$
                  SELECT cardinality(c.shared_with);
                $$;
                INSERT INTO "ops"."plccoach_version" (id, checksum, duration_ms) VALUES ('002', '%s', 0);

                COMMIT;

                -- upgrade 003 (index titles), %s (transactional: false, runs outside a transaction)
                SET lock_timeout = '10000ms';
                CREATE INDEX CONCURRENTLY conversations_title ON conversations (title);
                INSERT INTO "ops"."plccoach_version" (id, checksum, duration_ms) VALUES ('003', '%s', 0);
                RESET lock_timeout;

                """.formatted(scripts.resolve("002_sharing.sql"), checksum(offline, "002"), scripts.resolve("003_index.sql"),
                checksum(offline, "003"))).replace("VERSION", System.getProperty("plccoach.projectVersion")));
    }

    @Test
    void offline_downgrade_sql_reverts_children_first_and_deletes_version_rows() {
        String sql = migrator().downgradeSql("002:base");

        assertThat(sql).contains("BEGIN;\n\n-- downgrade 002 (add conversation sharing)")
                .contains("DROP FUNCTION shared_count(conversations);\nALTER TABLE conversations DROP COLUMN shared_with;\n"
                        + "DELETE FROM \"public\".\"plccoach_version\" WHERE id = '002';\n\n-- downgrade 001 (initial schema)")
                .endsWith("DELETE FROM \"public\".\"plccoach_version\" WHERE id = '001';\n\nCOMMIT;\n\n");
    }

    @Test
    void offline_sql_without_a_range_reads_the_applied_state_and_changes_nothing() throws SQLException {
        migrator().upgrade("001");
        List<String> before = db.query("SELECT count(*) FROM plccoach_history");

        String sql = migrator().upgradeSql("head");

        assertThat(sql).startsWith("-- plccoach upgrade to head from 001: 2 revision(s)");
        assertThat(db.query("SELECT count(*) FROM plccoach_history")).isEqualTo(before);
        assertThat(migrator().current().heads()).containsExactly("001");
    }

    @Test
    void the_offline_script_runs_in_psql_to_the_same_state() throws Exception {
        Path file = scripts.resolveSibling(scripts.getFileName() + "-upgrade.sql");
        Files.writeString(file, migrator().upgradeSql("base:head"));
        Process psql = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", libpqUrl(), "-f", file.toString())
                .redirectErrorStream(true).start();
        String output = new String(psql.getInputStream().readAllBytes());
        assertThat(psql.waitFor()).as(output).isZero();

        assertThat(migrator().current().heads()).containsExactly("003");
        assertThat(migrator().upgrade("head").upToDate()).isTrue();
    }

    private static String libpqUrl() {
        return "postgresql://postgres@127.0.0.1:5432/" + db.name();
    }

    private static String checksum(Migrator migrator, String id) {
        return com.plccoach.migrations.internal.graph.RevisionLoader.load(migrator.config().scripts(), java.util.Map.of())
                .require(id).checksum();
    }

    private static String historyDdl() {
        return new com.plccoach.migrations.internal.state.StateSql("ops").createStatements().get(2) + ";\n\n";
    }
}
