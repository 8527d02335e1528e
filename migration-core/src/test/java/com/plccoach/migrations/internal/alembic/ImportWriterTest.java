package com.plccoach.migrations.internal.alembic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.RevisionFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportWriterTest {

    @TempDir
    Path project;

    private final List<ImportedFile> history = List.of(
            ImportedFile.of(Revisions.rendered("001", List.of(), "CREATE TABLE users (id int);\n", "DROP TABLE users;\n")),
            ImportedFile.of(Revisions.rendered("002", List.of("001"), "ALTER TABLE users ADD COLUMN email text;\n",
                    "ALTER TABLE users DROP COLUMN email;\n")));

    private Path scripts() {
        return project.resolve("revisions");
    }

    private ImportWriter.Outcome write(List<ImportedFile> files) {
        return new ImportWriter(scripts(), Map.of()).write(files);
    }

    private List<String> names() throws IOException {
        try (var list = Files.list(scripts())) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void every_revision_becomes_one_file_in_the_scripts_directory() throws IOException {
        ImportWriter.Outcome outcome = write(history);

        assertThat(outcome.written()).hasSize(2);
        assertThat(names()).containsExactly("20251113_0100_001_revision_001.sql", "20251113_0100_002_revision_002.sql");
    }

    @Test
    void importing_the_same_history_again_writes_nothing() throws IOException {
        write(history);

        ImportWriter.Outcome again = write(history);

        assertThat(again.written()).isEmpty();
        assertThat(again.unchanged()).hasSize(2);
    }

    @Test
    void a_file_whose_up_part_differs_from_alembic_stops_the_import_naming_it_and_writes_nothing() throws IOException {
        write(history.subList(0, 1));
        Path first = scripts().resolve("20251113_0100_001_revision_001.sql");
        Files.writeString(first, Files.readString(first).replace("CREATE TABLE users (id int);", "CREATE TABLE users (id bigint);"));

        assertThatThrownBy(() -> write(history))
                .isInstanceOf(RevisionFileException.class)
                .hasMessageContaining(first + " (revision 001) disagrees with Alembic's alembic/versions/001.py:"
                        + " the up part differs from the SQL Alembic renders for upgrade(). Nothing was imported.");
        assertThat(names()).containsExactly("20251113_0100_001_revision_001.sql");
    }

    @Test
    void a_file_with_other_parents_names_both() throws IOException {
        write(history);
        ImportedFile rebased = ImportedFile.of(Revisions.rendered("002", List.of(), "ALTER TABLE users ADD COLUMN email text;\n",
                "ALTER TABLE users DROP COLUMN email;\n"));

        assertThatThrownBy(() -> write(List.of(history.get(0), rebased)))
                .hasMessageContaining("down_revision is 001 in the file but base in Alembic");
    }

    @Test
    void a_foreign_file_with_the_name_the_import_needs_stops_it() throws IOException {
        Files.createDirectories(scripts());
        Files.writeString(scripts().resolve("20251113_0100_001_revision_001.sql"),
                "-- revision: other\n-- down_revision: base\n\nSELECT 1;\n");

        assertThatThrownBy(() -> write(history))
                .isInstanceOf(RevisionFileException.class)
                .hasMessageEndingWith("20251113_0100_001_revision_001.sql exists but is not revision 001: move it away, then import again");
        assertThat(names()).containsExactly("20251113_0100_001_revision_001.sql");
    }
}
