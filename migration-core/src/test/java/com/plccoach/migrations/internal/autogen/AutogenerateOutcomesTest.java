package com.plccoach.migrations.internal.autogen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.AutogenerateException;
import com.plccoach.migrations.AutogenerateResult;
import com.plccoach.migrations.MigrationException;
import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.RevisionFileException;
import com.plccoach.migrations.ScriptSource;
import com.plccoach.migrations.TargetException;
import com.plccoach.migrations.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** No difference, a revision that would not round-trip, and every bad input. */
class AutogenerateOutcomesTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path temp;

    @Test
    void no_difference_writes_nothing_and_says_so() {
        AutogenFixture f = new AutogenFixture(db, temp).given("CREATE TABLE t (a int, b text); CREATE INDEX t_a ON t (a);",
                "CREATE TABLE t (a int, b text);\nCREATE INDEX t_a ON t (a);\n");
        AutogenerateResult result = f.autogenerate();
        assertThat(result.noChanges()).isTrue();
        assertThat(result.toString()).startsWith("No difference between the revisions' schema and the desired schema: nothing written");
        assertThat(f.generatedFiles()).isEmpty();
    }

    @Test
    void a_different_column_order_alone_is_no_difference() {
        AutogenFixture f = new AutogenFixture(db, temp).given("CREATE TABLE t (a int); ALTER TABLE t ADD COLUMN b text;",
                "CREATE TABLE t (b text, a int);");
        assertThat(f.autogenerate().noChanges()).isTrue();
    }

    @Test
    void the_result_lists_what_the_revision_changes() {
        AutogenFixture f = new AutogenFixture(db, temp).given("CREATE TABLE t (a int, gone text);", "CREATE TABLE t (a bigint, added text);");
        assertThat(f.autogenerate().changes()).containsExactly("change type of column t.a from integer to bigint",
                "drop column t.gone", "add column t.added");
    }

    @Test
    void a_first_revision_is_generated_from_an_empty_folder_as_a_root() {
        AutogenFixture f = new AutogenFixture(db, temp).given("", "CREATE TABLE t (a int);");
        AutogenerateResult result = f.autogenerate();
        assertThat(AutogenFixture.read(result.files().get(0))).contains("-- down_revision: base\n");
    }

    @Test
    void a_revision_that_does_not_reach_the_desired_schema_is_reported_and_not_written() {
        AutogenFixture f = new AutogenFixture(db, temp).given("CREATE TABLE t (a int);", "CREATE TABLE t (a int);"
                + " CREATE AGGREGATE total(int) (SFUNC = int4pl, STYPE = int);");
        assertThatThrownBy(f::autogenerate).isInstanceOf(AutogenerateException.class)
                .hasMessageStartingWith("The generated revision was not written: its up part does not give the desired schema:"
                        + " aggregate total(integer) is missing. Write this change by hand");
        assertThat(f.generatedFiles()).isEmpty();
    }

    @Test
    void a_generated_statement_that_fails_is_reported_with_its_line_and_not_written() {
        // the desired NOT NULL column without a default cannot be added to the rows the current revisions insert
        AutogenFixture f = new AutogenFixture(db, temp).given("CREATE TABLE t (a int); INSERT INTO t VALUES (1);",
                "CREATE TABLE t (a int, b int NOT NULL);");
        assertThatThrownBy(f::autogenerate).isInstanceOf(AutogenerateException.class)
                .hasMessageContaining("The generated revision was not written: it fails on the scratch database: the generated up part, line 2:")
                .hasMessageContaining("column \"b\" of relation \"t\" contains null values")
                .hasMessageContaining("  in: ALTER TABLE t ADD COLUMN b integer NOT NULL.")
                .hasMessageContaining("-- NOT NULL without a default fails if t has rows: give it a default first");
        assertThat(f.generatedFiles()).isEmpty();
    }

    @Test
    void an_error_in_the_desired_schema_names_the_file_and_line() throws IOException {
        AutogenFixture f = new AutogenFixture(db, temp).given("CREATE TABLE t (a int);", "CREATE TABLE t (a int);\n\nCREATE TABLE u (b nosuchtype);\n");
        assertThatThrownBy(f::autogenerate).isInstanceOf(MigrationException.class)
                .hasMessageContaining("desired schema file " + f.desired + ", line 3: ERROR: type \"nosuchtype\" does not exist");
        assertThat(f.generatedFiles()).isEmpty();
    }

    @Test
    void an_unclosed_string_in_the_desired_schema_names_the_file_and_line() {
        AutogenFixture f = new AutogenFixture(db, temp).given("CREATE TABLE t (a int);",
                "CREATE TABLE t (a int);\n\nCOMMENT ON TABLE t IS 'never closed;\n");
        assertThatThrownBy(f::autogenerate).isInstanceOf(RevisionFileException.class)
                .hasMessageStartingWith("desired schema file " + f.desired + ":3: ");
        assertThat(f.generatedFiles()).isEmpty();
    }

    @Test
    void copy_data_in_the_desired_schema_is_loaded_as_psql_would() {
        AutogenFixture f = new AutogenFixture(db, temp).given("CREATE TABLE t (a int);",
                "CREATE TABLE t (a int);\nCREATE TABLE kinds (name text PRIMARY KEY);\nCOPY kinds (name) FROM stdin;\nplc\ncoach\n\\.\n");
        assertThat(f.autogenerate().changes()).containsExactly("add table kinds");
    }

    @Test
    void a_desired_schema_folder_is_applied_in_name_order() throws IOException {
        Path folder = temp.resolve("desired");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("02_tables.sql"), "CREATE TABLE t (s status);");
        Files.writeString(folder.resolve("01_types.sql"), "CREATE TYPE status AS ENUM ('a');");
        AutogenFixture f = new AutogenFixture(db, temp).given("CREATE TABLE x (a int);", "");
        Migrator migrator = Migrator.builder().url(db.url()).scripts(ScriptSource.directory(f.scripts)).desiredSchema(folder).build();
        AutogenerateResult result = migrator.autogenerate("types and tables");
        assertThat(result.changes()).contains("add enum type status", "add table t", "drop table x");
    }

    @Test
    void without_a_desired_schema_the_message_says_which_setting_to_give() {
        AutogenFixture f = new AutogenFixture(db, temp).given("CREATE TABLE t (a int);", "");
        Migrator migrator = Migrator.builder().url(db.url()).scripts(ScriptSource.directory(f.scripts)).build();
        assertThatThrownBy(() -> migrator.autogenerate("x")).isInstanceOf(MigrationException.class)
                .hasMessage("no desired schema is configured: set Migrator.builder().desiredSchema(...)"
                        + " to a .sql file or a folder of .sql files describing the schema");
    }

    @Test
    void a_desired_schema_that_does_not_exist_is_named() {
        AutogenFixture f = new AutogenFixture(db, temp).given("CREATE TABLE t (a int);", "");
        Path missing = temp.resolve("nope.sql");
        Migrator migrator = Migrator.builder().url(db.url()).scripts(ScriptSource.directory(f.scripts)).desiredSchema(missing).build();
        assertThatThrownBy(() -> migrator.autogenerate("x")).isInstanceOf(RevisionFileException.class)
                .hasMessage("the desired schema " + missing.toAbsolutePath() + " does not exist: point Migrator.builder().desiredSchema(...) at a .sql"
                        + " file or a folder of .sql files");
    }

    @Test
    void several_heads_are_refused_with_the_merge_command() throws IOException {
        AutogenFixture f = new AutogenFixture(db, temp).given("CREATE TABLE t (a int);", "CREATE TABLE t (a int);");
        Files.writeString(f.scripts.resolve("20250101_0001_002_other.sql"),
                "-- revision: 002\n-- down_revision: base\n-- message: other root\n\nSELECT 1;\n\n-- //@UNDO\n\nSELECT 1;\n");
        assertThatThrownBy(f::autogenerate).isInstanceOf(TargetException.class)
                .hasMessage("the graph has 2 heads (001, 002), so there is no single current schema to start from: join them"
                        + " with `migrator.merge(heads, message)`");
    }

    @Test
    void a_classpath_script_source_is_refused_because_it_cannot_be_written() {
        Migrator migrator = Migrator.builder().url(db.url()).scripts(ScriptSource.classpath("db/nothing-here"))
                .desiredSchema(temp.resolve("d.sql")).build();
        assertThatThrownBy(() -> migrator.autogenerate("x")).isInstanceOf(RevisionFileException.class)
                .hasMessageContaining("it is read-only; point Migrator.builder().scripts(...) at the source directory")
                .hasMessageEndingWith("to run `migrator.autogenerate(message)`");
    }
}
