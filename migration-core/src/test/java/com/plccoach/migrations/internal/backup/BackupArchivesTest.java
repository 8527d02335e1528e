package com.plccoach.migrations.internal.backup;

import com.plccoach.migrations.Advice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.EnvironmentException;
import com.plccoach.migrations.MigrationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupArchivesTest {

    @TempDir
    Path dir;

    @Test
    void a_file_is_the_archive_itself() {
        Path file = dir.resolve("x.dump");

        assertThat(BackupArchives.resolve(file, Advice.MAVEN)).isEqualTo(file);
    }

    @Test
    void a_directory_means_its_newest_dump_in_any_subdirectory() throws Exception {
        Path older = archive("db/20261101T000000Z_db_downgrade_to_base.dump", "2026-11-01T00:00:00Z");
        Path newer = archive("db/20261102T000000Z_db_downgrade_to_001.dump", "2026-11-02T00:00:00Z");

        assertThat(BackupArchives.resolve(dir, Advice.MAVEN)).isEqualTo(newer).isNotEqualTo(older);
    }

    @Test
    void a_dump_wins_over_a_newer_columns_file_which_belongs_to_it() throws Exception {
        Path dump = archive("db/a.dump", "2026-11-01T00:00:00Z");
        archive("db/a.columns", "2026-11-02T00:00:00Z");

        assertThat(BackupArchives.resolve(dir, Advice.MAVEN)).isEqualTo(dump);
    }

    @Test
    void a_columns_file_alone_is_the_backup_of_dropped_columns() throws Exception {
        Path columns = archive("db/b.columns", "2026-11-01T00:00:00Z");

        assertThat(BackupArchives.resolve(dir, Advice.MAVEN)).isEqualTo(columns);
    }

    @Test
    void a_directory_without_an_archive_is_refused_saying_what_to_give() throws Exception {
        archive("notes.txt", "2026-11-01T00:00:00Z");

        assertThatThrownBy(() -> BackupArchives.resolve(dir, Advice.MAVEN))
                .isInstanceOf(MigrationException.class)
                .isNotInstanceOf(EnvironmentException.class)
                .hasMessage("No backup archive in " + dir + ": give the archive the downgrade printed, as in"
                        + " `mvn plccoach:restore -Dplccoach.backupFile=...`");
    }

    private Path archive(String name, String modified) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse(modified)));
        return file;
    }
}
