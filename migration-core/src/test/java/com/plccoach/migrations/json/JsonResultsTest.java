package com.plccoach.migrations.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.plccoach.migrations.CheckFailedException;
import com.plccoach.migrations.CheckOptions;
import com.plccoach.migrations.DataLossException;
import com.plccoach.migrations.ImportResult;
import com.plccoach.migrations.Json;
import com.plccoach.migrations.MigrationException;
import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.ScriptSource;
import com.plccoach.migrations.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class JsonResultsTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path scripts;

    @TempDir
    Path backups;

    private Migrator migrator;

    @BeforeEach
    void setUp() throws Exception {
        db.recreate();
        Files.writeString(scripts.resolve("001.sql"), """
                -- revision: 001
                -- down_revision: base
                -- message: notes "quoted" and\\backslashed

                CREATE TABLE notes (id bigint PRIMARY KEY, body text);

                -- //@UNDO

                DROP TABLE notes;
                """);
        Files.writeString(scripts.resolve("002.sql"), """
                -- revision: 002
                -- down_revision: 001
                -- message: tags

                CREATE TABLE tags (id bigint PRIMARY KEY);

                -- //@UNDO

                DROP TABLE tags;
                """);
        migrator = Migrator.builder().url(db.url()).scripts(ScriptSource.directory(scripts)).backupDir(backups).build();
    }

    @Test
    void anUpgradesJsonListsTheRevisionsTheVersionTableHolds() throws Exception {
        JsonNode json = MAPPER.readTree(migrator.upgrade("head").toJson());

        assertThat(json.path("format").asInt()).isEqualTo(1);
        assertThat(json.path("goal").asText()).isEqualTo("upgrade");
        assertThat(json.path("outcome").asText()).isEqualTo("success");
        assertThat(json.path("revisions").findValuesAsText("revision"))
                .containsExactlyElementsOf(db.query("SELECT id FROM plccoach_version ORDER BY applied_at, id"));
        assertThat(json.path("revisions").get(0).path("message").asText()).isEqualTo("notes \"quoted\" and\\backslashed");
        assertThat(json.path("headsAfter").get(0).asText()).isEqualTo("002");
        assertThat(json.path("backup").isNull()).isTrue();
    }

    @Test
    void aDowngradesJsonNamesItsBackupWithTheArchiveSize() throws Exception {
        migrator.upgrade("head");

        JsonNode json = MAPPER.readTree(migrator.downgrade("base").toJson());

        Path archive = Path.of(json.path("backup").path("path").asText());
        assertThat(json.path("goal").asText()).isEqualTo("downgrade");
        assertThat(json.path("backup").path("bytes").asLong()).isEqualTo(Files.size(archive)).isPositive();
        assertThat(json.path("count").asInt()).isEqualTo(2);
    }

    @Test
    void aRefusedPlanCountsTheRowsItWouldDrop() throws Exception {
        migrator.upgrade("head");
        try (var c = db.connect(); var s = c.createStatement()) {
            s.execute("INSERT INTO notes SELECT g, 'n' FROM generate_series(1, 7) g");
        }

        JsonNode json = MAPPER.readTree(migrator.plan("base").toJson());

        assertThat(json.path("verdict").asText()).isEqualTo("refused");
        assertThat(json.path("counts").path("droppedTables").asInt()).isEqualTo(2);
        assertThat(json.path("dataLoss").get(0).path("object").asText()).isEqualTo("table public.notes");
        assertThat(json.path("dataLoss").get(0).path("amount").asText()).isEqualTo("7 row(s)");
    }

    @Test
    void currentsJsonMatchesTheVersionTable() throws Exception {
        migrator.upgrade("001");

        JsonNode json = MAPPER.readTree(migrator.current().toJson());

        assertThat(json.path("heads").get(0).asText()).isEqualTo("001");
        assertThat(json.path("applied").findValuesAsText("checksum"))
                .containsExactlyElementsOf(db.query("SELECT checksum FROM plccoach_version"));
    }

    @Test
    void checksJsonListsPendingRevisionsInOrder() throws Exception {
        migrator.upgrade("001");

        JsonNode json = MAPPER.readTree(migrator.check().toJson());

        assertThat(json.path("pending").get(0).asText()).isEqualTo("002");
        assertThat(json.path("findings").path("checksumDrift")).isEmpty();
    }

    @Test
    void aPassingChecksJsonHasTheLiveDriftComparisonItMade() throws Exception {
        migrator.upgrade("head");

        JsonNode json = MAPPER.readTree(migrator.check(CheckOptions.defaults()).toJson());

        assertThat(json.path("outcome").asText()).isEqualTo("success");
        assertThat(json.path("findings").path("liveDrift").isArray()).isTrue();
        assertThat(json.path("findings").path("liveDrift")).isEmpty();
    }

    @Test
    void aFailedChecksJsonNamesTheObjectChangedByHandAndTheMessage() throws Exception {
        migrator.upgrade("head");
        try (var c = db.connect(); var s = c.createStatement()) {
            s.execute("CREATE TABLE added_by_hand (id int)");
        }
        CheckFailedException failed = catchThrowableOfType(() -> migrator.check(CheckOptions.defaults()), CheckFailedException.class);

        JsonNode json = MAPPER.readTree(Json.failure("check", failed));

        assertThat(json.path("outcome").asText()).isEqualTo("failure");
        assertThat(json.path("findings").path("liveDrift").toString()).contains("added_by_hand");
        assertThat(json.path("error").path("type").asText()).isEqualTo("CheckFailedException");
        assertThat(json.path("error").path("message").asText()).isEqualTo(failed.getMessage());
    }

    @Test
    void historysJsonHasOneEntryPerRevisionNewestFirst() throws Exception {
        JsonNode json = MAPPER.readTree(Json.of("history", migrator.history(null, false)));

        assertThat(json.path("revisions").findValuesAsText("revision")).containsExactly("002", "001");
        assertThat(json.path("revisions").get(0).path("head").asBoolean()).isTrue();
    }

    @Test
    void aFailuresJsonSaysWhoseFaultItWasAndCarriesTheMessage() throws Exception {
        migrator.upgrade("head");
        try (var c = db.connect(); var s = c.createStatement()) {
            s.execute("INSERT INTO tags VALUES (1)");
        }
        MigrationException refusal = catchRefusal();

        JsonNode json = MAPPER.readTree(Json.failure("downgrade", refusal));

        assertThat(json.path("outcome").asText()).isEqualTo("failure");
        assertThat(json.path("error").path("kind").asText()).isEqualTo("input");
        assertThat(json.path("error").path("message").asText()).isEqualTo(refusal.getMessage());
    }

    @Test
    void anImportsJsonNamesTheFilesItWroteAndTheState() throws Exception {
        ImportResult result = new ImportResult(List.of(scripts.resolve("001.sql")), List.of(), List.of("1"), true, "stamped at 1");

        JsonNode json = MAPPER.readTree(Json.of("import-mybatis", result));

        assertThat(json.path("written").get(0).asText()).isEqualTo(scripts.resolve("001.sql").toAbsolutePath().toString());
        assertThat(json.path("stamped").asBoolean()).isTrue();
        assertThat(json.path("state").asText()).isEqualTo("stamped at 1");
    }

    @Test
    void aValueWithoutAFormatIsRefusedByName() {
        assertThatThrownBy(() -> Json.of("upgrade", List.of(42)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No JSON format for a list of java.lang.Integer");
    }

    private MigrationException catchRefusal() {
        try {
            migrator.downgrade("001");
        } catch (DataLossException e) {
            return e;
        }
        throw new AssertionError("the downgrade dropping a table with a row was not refused");
    }
}
