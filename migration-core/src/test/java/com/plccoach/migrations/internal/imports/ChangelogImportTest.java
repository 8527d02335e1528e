package com.plccoach.migrations.internal.imports;

import static com.plccoach.migrations.testing.RevisionFiles.revision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.DatabaseUnavailableException;
import com.plccoach.migrations.ImportRefusedException;
import com.plccoach.migrations.ImportResult;
import com.plccoach.migrations.ImportedRevision;
import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.ScriptSource;
import com.plccoach.migrations.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ChangelogImportTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final List<ImportedRevision> CHAIN = List.of(
            imported("1", "base", "CREATE TABLE one (id int);", "DROP TABLE one;"),
            imported("2", "1", "CREATE TABLE two (id int);", "DROP TABLE two;"),
            imported("3", "2", "CREATE TABLE three (id int);", "DROP TABLE three;"));

    @TempDir
    Path dir;

    @BeforeEach
    void mybatisAppliedTwoOfThree() throws Exception {
        db.recreate();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE changelog (id numeric(20,0) PRIMARY KEY); INSERT INTO changelog VALUES (1), (2);"
                    + " CREATE TABLE one (id int); CREATE TABLE two (id int)");
        }
    }

    @Test
    void the_first_import_writes_every_file_and_records_the_changelog_state() {
        ImportResult result = migrator(db.url()).importChain(CHAIN, "changelog");

        assertThat(result.written()).hasSize(3);
        assertThat(result.stamped()).isTrue();
        assertThat(migrator(db.url()).current().heads()).containsExactly("2");
    }

    @Test
    void a_second_import_in_a_row_changes_nothing_and_says_so() throws Exception {
        migrator(db.url()).importChain(CHAIN, "changelog");
        List<String> historyBefore = db.query("SELECT count(*) FROM plccoach_history");

        ImportResult again = migrator(db.url()).importChain(CHAIN, "changelog");

        assertThat(again.changedNothing()).isTrue();
        assertThat(again.unchanged()).hasSize(3);
        assertThat(again.lines()).contains("The state already records 2, the last of the 2 script(s) applied in changelog: state unchanged",
                "Nothing changed: the import was already done");
        assertThat(db.query("SELECT count(*) FROM plccoach_history")).isEqualTo(historyBefore);
    }

    @Test
    void an_import_after_an_upgrade_never_moves_the_state_back() {
        migrator(db.url()).importChain(CHAIN, "changelog");
        migrator(db.url()).upgrade("head");

        ImportResult again = migrator(db.url()).importChain(CHAIN, "changelog");

        assertThat(again.changedNothing()).isTrue();
        assertThat(migrator(db.url()).current().heads()).containsExactly("3");
    }

    @Test
    void a_database_that_does_not_exist_fails_before_any_file_is_written() {
        String missing = db.url().replace("/" + db.name(), "/" + db.name() + "_missing");

        assertThatThrownBy(() -> migrator(missing).importChain(CHAIN, "changelog"))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining(db.name() + "_missing");
        assertThat(dir.resolve("revisions")).doesNotExist();
    }

    @Test
    void a_changelog_out_of_the_chains_order_is_refused_before_any_file_is_written() throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM changelog WHERE id = 1");
        }

        assertThatThrownBy(() -> migrator(db.url()).importChain(CHAIN, "changelog"))
                .isInstanceOf(ImportRefusedException.class)
                .hasMessage("changelog applied [2], which is not the first scripts of the chain [1, 2, 3] (scripts applied out of"
                        + " order, or missing). Fix changelog or the scripts, then import again. Nothing was written");
        assertThat(dir.resolve("revisions")).doesNotExist();
    }

    @Test
    void a_file_with_other_content_is_refused_and_no_other_file_is_written() throws Exception {
        Path revisions = Files.createDirectories(dir.resolve("revisions"));
        Files.writeString(revisions.resolve("3.sql"), "-- mine\n");

        assertThatThrownBy(() -> migrator(db.url()).importChain(CHAIN, "changelog"))
                .isInstanceOf(ImportRefusedException.class)
                .hasMessage(revisions.resolve("3.sql") + " exists with other content: move it away or import into an empty"
                        + " plccoach.scripts directory. Nothing was written");
        try (Stream<Path> files = Files.list(revisions)) {
            assertThat(files).containsExactly(revisions.resolve("3.sql"));
        }
    }

    private Migrator migrator(String url) {
        return Migrator.builder().url(url).scripts(ScriptSource.directory(dir.resolve("revisions"))).build();
    }

    private static ImportedRevision imported(String id, String parent, String up, String down) {
        return new ImportedRevision(id, id + ".sql", revision(id, parent).up(up).down(down).text());
    }
}
