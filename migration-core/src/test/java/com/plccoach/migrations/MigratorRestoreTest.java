package com.plccoach.migrations;

import static com.plccoach.migrations.internal.safety.Plans.exec;
import static com.plccoach.migrations.internal.safety.Plans.queryLong;
import static com.plccoach.migrations.internal.safety.Plans.revision;
import static org.assertj.core.api.Assertions.assertThat;

import com.plccoach.migrations.internal.backup.BackupSettings;
import com.plccoach.migrations.internal.backup.PgDumpBackup;
import com.plccoach.migrations.internal.safety.ImpactAnalyzer;
import com.plccoach.migrations.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class MigratorRestoreTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path dir;

    @Test
    void restore_brings_a_dropped_table_back_through_the_facade() throws Exception {
        Migrator migrator = Migrator.builder().url(db.url()).scripts(ScriptSource.directory(dir))
                .backupMode(BackupMode.AFFECTED).backupDir(dir.resolve("backups")).build();
        Path archive;
        try (Connection c = db.connect()) {
            exec(c, "CREATE TABLE quotas (id int PRIMARY KEY, used bigint)", "INSERT INTO quotas SELECT g, g * 10 FROM generate_series(1, 40) g");
            PlanReport report = new ImpactAnalyzer().analyse(c, Direction.DOWNGRADE, "004", List.of(revision("005", "DROP TABLE quotas")));
            c.setAutoCommit(false);
            archive = new PgDumpBackup(BackupSettings.from(migrator.config())).take(c, report, "downgrade_to_004").orElseThrow().archive();
            exec(c, "DROP TABLE quotas");
            c.commit();
        }

        RestoreResult result = migrator.restore(archive);

        assertThat(result.tables()).containsExactly("public.quotas");
        try (Connection c = db.connect()) {
            assertThat(queryLong(c, "SELECT sum(used) FROM quotas")).isEqualTo(8200);
        }
    }
}
