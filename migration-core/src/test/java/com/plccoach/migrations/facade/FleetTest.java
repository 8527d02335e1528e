package com.plccoach.migrations.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.plccoach.migrations.BackupMode;
import com.plccoach.migrations.CheckOptions;
import com.plccoach.migrations.CheckReport;
import com.plccoach.migrations.FleetConfig;
import com.plccoach.migrations.FleetFailedException;
import com.plccoach.migrations.Json;
import com.plccoach.migrations.FleetReport;
import com.plccoach.migrations.FleetResult;
import com.plccoach.migrations.MigrationResult;
import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.ScriptSource;
import com.plccoach.migrations.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Fleet mode through the facade: a few real databases on the test server, each migrated like one. */
class FleetTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path scripts;

    @TempDir
    Path backups;

    private final List<String> databases = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        db.recreate();
        Files.writeString(scripts.resolve("001_users.sql"), """
                -- revision: 001
                -- down_revision: base
                -- message: users

                CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
                COMMENT ON TABLE users IS 'users of ${schema}';

                -- //@UNDO

                DROP TABLE users;
                """);
        Files.writeString(scripts.resolve("002_notes.sql"), """
                -- revision: 002
                -- down_revision: 001
                -- message: notes

                CREATE TABLE notes (id bigint PRIMARY KEY, user_id bigint REFERENCES users, body text);

                -- //@UNDO

                DROP TABLE notes;
                """);
        for (int i = 0; i < 4; i++) {
            databases.add(db.createScratch("fleet_" + i));
        }
    }

    @AfterEach
    void dropDatabases() throws SQLException {
        for (String name : databases) {
            db.drop(name);
        }
    }

    @Test
    void upgrade_migrates_every_database_and_returns_one_result_each_in_list_order() {
        FleetReport<MigrationResult> report = template().fleet(FleetConfig.databases(urls()).withParallelism(2)).upgrade("head");

        assertThat(report.succeeded()).isTrue();
        assertThat(report.results()).extracting(FleetResult::database).containsExactlyElementsOf(labels());
        assertThat(report.results()).allSatisfy(r -> {
            assertThat(r.revisions()).isEqualTo(2);
            assertThat(r.to()).containsExactly("002");
        });
        assertThat(count("SELECT count(*) FROM plccoach_version")).containsOnly("2");
    }

    @Test
    void a_failing_database_stops_none_of_the_others_and_the_summary_names_it() throws Exception {
        execute(databases.get(1), "CREATE TABLE notes (id int)");

        FleetReport<MigrationResult> report = template().fleet(FleetConfig.databases(urls()).withParallelism(2)).upgrade("head");

        assertThat(report.failures()).extracting(FleetResult::database).containsExactly(labels().get(1));
        assertThat(report.failures().get(0).errorLine()).startsWith("Revision 002 (notes) failed in ").contains("002_notes.sql at line 5");
        assertThat(report.failures().get(0).error()).contains("relation \"notes\" already exists");
        assertThat(report.failures().get(0).to()).isEmpty();
        assertThat(report.table()).anySatisfy(line -> assertThat(line).startsWith(labels().get(1)).contains("<base> -> <base>")
                .contains("failed: "));
        assertThat(count("SELECT count(*) FROM plccoach_version")).containsExactly("2", "0", "2", "2");
        assertThatThrownBy(report::requireSuccess).isInstanceOf(FleetFailedException.class)
                .hasMessageContaining("upgrade to head on 4 database(s), 2 at once: 3 succeeded, 1 failed")
                .hasMessageContaining("\n  " + labels().get(1) + ": ");
    }

    @Test
    void the_json_of_a_fleet_run_has_one_entry_per_database_with_its_outcome_and_its_own_result() throws Exception {
        execute(databases.get(1), "CREATE TABLE notes (id int)");
        FleetReport<MigrationResult> report = template().fleet(FleetConfig.databases(urls()).withParallelism(2)).upgrade("head");

        JsonNode json = new ObjectMapper().readTree(Json.failure("upgrade", new FleetFailedException(report)));

        assertThat(json.path("outcome").asText()).isEqualTo("failure");
        assertThat(json.path("count").asInt()).isEqualTo(4);
        assertThat(json.path("failed").asInt()).isEqualTo(1);
        assertThat(json.path("databases")).extracting(d -> d.path("database").asText()).containsExactlyElementsOf(labels());
        assertThat(json.path("databases").get(1).path("outcome").asText()).isEqualTo("failed");
        assertThat(json.path("databases").get(1).path("error").asText()).contains("relation \"notes\" already exists");
        assertThat(json.path("databases").get(0).path("result").path("revisions")).hasSize(2);
        assertThat(json.path("error").path("type").asText()).isEqualTo("FleetFailedException");
    }

    @Test
    void a_rerun_after_the_fix_touches_only_the_database_that_failed() throws Exception {
        execute(databases.get(1), "CREATE TABLE notes (id int)");
        template().fleet(FleetConfig.databases(urls())).upgrade("head");
        execute(databases.get(1), "DROP TABLE notes");

        FleetReport<MigrationResult> rerun = template().fleet(FleetConfig.databases(urls())).upgrade("head");

        assertThat(rerun.succeeded()).isTrue();
        assertThat(rerun.results()).extracting(FleetResult::revisions).containsExactly(0, 2, 0, 0);
    }

    @Test
    void fail_fast_starts_no_other_database_after_the_first_failure() throws Exception {
        execute(databases.get(0), "CREATE TABLE notes (id int)");

        FleetReport<MigrationResult> report = template().fleet(FleetConfig.databases(urls()).withParallelism(1).withFailFast(true))
                .upgrade("head");

        assertThat(report.results()).extracting(FleetResult::outcome).containsExactly(FleetResult.Outcome.FAILED,
                FleetResult.Outcome.NOT_RUN, FleetResult.Outcome.NOT_RUN, FleetResult.Outcome.NOT_RUN);
        assertThat(report.results().get(1).error()).isEqualTo("not run: " + labels().get(0)
                + " failed and failFast stops the fleet at the first failure");
        assertThat(count("SELECT count(*) FROM pg_tables WHERE tablename = 'users'")).containsExactly("0", "0", "0", "0");
    }

    @Test
    void the_databases_can_come_from_a_registry_query_on_the_template_database() throws Exception {
        execute(db.name(), "CREATE TABLE tenants (url text)");
        for (String url : urls()) {
            execute(db.name(), "INSERT INTO tenants VALUES ('" + url + "')");
        }

        FleetReport<MigrationResult> report = Migrator.builder().url(db.url()).scripts(ScriptSource.directory(scripts)).build()
                .fleet(FleetConfig.fromProperties("query:SELECT url FROM tenants ORDER BY url", null, 4, false)).upgrade("head");

        assertThat(report.results()).hasSize(4).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(FleetResult.Outcome.SUCCESS));
    }

    @Test
    void every_schema_gets_the_revisions_its_own_state_tables_and_its_name_as_placeholder() throws Exception {
        FleetReport<MigrationResult> report = Migrator.builder().url(db.url()).scripts(ScriptSource.directory(scripts)).build()
                .fleet(FleetConfig.schemas(List.of("tenant_a", "tenant_b", "tenant_c"))).upgrade("head");

        assertThat(report.succeeded()).isTrue();
        assertThat(db.query("SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_schema LIKE 'tenant_%'"
                + " ORDER BY 1")).containsExactly("tenant_a.notes", "tenant_a.plccoach_history", "tenant_a.plccoach_version",
                "tenant_a.users", "tenant_b.notes", "tenant_b.plccoach_history", "tenant_b.plccoach_version", "tenant_b.users",
                "tenant_c.notes", "tenant_c.plccoach_history", "tenant_c.plccoach_version", "tenant_c.users");
        assertThat(db.query("SELECT obj_description('tenant_b.users'::regclass)")).containsExactly("users of tenant_b");
        assertThat(db.query("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = 'users'")).containsExactly("0");
    }

    @Test
    void revisions_are_read_once_for_the_whole_fleet() {
        AtomicInteger reads = new AtomicInteger();
        ScriptSource directory = ScriptSource.directory(scripts);
        ScriptSource counting = new ScriptSource() {
            @Override
            public List<Script> read() {
                reads.incrementAndGet();
                return directory.read();
            }

            @Override
            public String describe() {
                return directory.describe();
            }
        };

        Migrator.builder().scripts(counting).backupDir(backups).build().fleet(FleetConfig.databases(urls())).upgrade("head");

        assertThat(reads).hasValue(1);
    }

    @Test
    void a_downgrade_refuses_data_loss_per_database_and_backs_up_the_others() throws Exception {
        template().fleet(FleetConfig.databases(urls())).upgrade("head").requireSuccess();
        execute(databases.get(2), "INSERT INTO users VALUES (1, 'a@b.c')");

        FleetReport<MigrationResult> report = template().fleet(FleetConfig.databases(urls())).downgrade("base");

        assertThat(report.failures()).extracting(FleetResult::database).containsExactly(labels().get(2));
        assertThat(report.failures().get(0).error()).contains("users").contains("run again with Migrator.builder().allowDataLoss(true)");
        assertThat(report.results()).filteredOn(r -> !r.failed()).allSatisfy(r -> assertThat(r.result().backup()).isNotNull());
        assertThat(count("SELECT count(*) FROM plccoach_version")).containsExactly("0", "0", "2", "0");
    }

    @Test
    void current_reports_each_database_heads() {
        template().fleet(FleetConfig.databases(urls().subList(0, 2))).upgrade("001");

        assertThat(template().fleet(FleetConfig.databases(urls())).current().results()).extracting(r -> r.result().heads())
                .containsExactly(List.of("001"), List.of("001"), List.of(), List.of());
    }

    @Test
    void stamp_records_the_target_in_every_database_without_running_anything() {
        FleetReport<MigrationResult> report = template().fleet(FleetConfig.databases(urls())).stamp("002", false);

        assertThat(report.results()).extracting(FleetResult::to).containsOnly(List.of("002"));
        assertThat(count("SELECT count(*) FROM plccoach_version")).containsOnly("2");
        assertThat(count("SELECT count(*) FROM pg_tables WHERE tablename = 'users'")).containsOnly("0");
    }

    @Test
    void check_fails_only_the_database_whose_applied_revision_changed() throws Exception {
        template().fleet(FleetConfig.databases(urls())).upgrade("head").requireSuccess();
        execute(databases.get(3), "UPDATE plccoach_version SET checksum = 'edited' WHERE id = '001'");

        FleetReport<CheckReport> report = template().fleet(FleetConfig.databases(urls())).check(new CheckOptions(false, false, false, false));

        assertThat(report.failures()).extracting(FleetResult::database).containsExactly(labels().get(3));
        assertThat(report.failures().get(0).error()).contains("001");
    }

    private Migrator template() {
        return Migrator.builder().scripts(ScriptSource.directory(scripts)).backupMode(BackupMode.FULL).backupDir(backups).build();
    }

    private List<String> urls() {
        return databases.stream().map(name -> db.server().urlFor(name)).toList();
    }

    private List<String> labels() {
        return databases.stream().map(name -> "127.0.0.1:5432/" + name).toList();
    }

    private List<String> count(String sql) {
        List<String> counts = new ArrayList<>();
        for (String name : databases) {
            try (Connection c = db.server().connect(db.server().urlFor(name)); Statement s = c.createStatement();
                 var rs = s.executeQuery("SELECT to_regclass('plccoach_version') IS NOT NULL")) {
                rs.next();
                if (!rs.getBoolean(1) && sql.contains("plccoach_version")) {
                    counts.add("0");
                    continue;
                }
                try (var rows = s.executeQuery(sql)) {
                    rows.next();
                    counts.add(rows.getString(1));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return counts;
    }

    private void execute(String database, String sql) throws SQLException {
        try (Connection c = db.server().connect(db.server().urlFor(database)); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
