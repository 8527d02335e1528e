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
        db.recreate();
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

    private Migrator twoRevisions(String url) throws Exception {
        Path scripts = java.nio.file.Files.createDirectories(dir.resolve("revisions"));
        java.nio.file.Files.writeString(scripts.resolve("001_keep.sql"), """
                -- revision: 001
                -- down_revision: base
                -- message: keep
                CREATE TABLE keep (id int PRIMARY KEY);
                -- //@UNDO
                DROP TABLE keep;
                """);
        java.nio.file.Files.writeString(scripts.resolve("002_big.sql"), """
                -- revision: 002
                -- down_revision: 001
                -- message: big
                CREATE TABLE big (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v text, keep_id int REFERENCES keep);
                CREATE INDEX big_v ON big (v);
                -- //@UNDO
                DROP TABLE big;
                """);
        return Migrator.builder().url(url).scripts(ScriptSource.directory(scripts)).allowDataLoss(true)
                .backupMode(BackupMode.FULL).backupDir(dir.resolve("backups")).build();
    }

    private Path downgradeDroppingBigWith1000Rows(Migrator migrator) throws Exception {
        migrator.upgrade("head");
        try (Connection c = db.connect()) {
            exec(c, "INSERT INTO keep VALUES (1)", "INSERT INTO big (v, keep_id) SELECT 'v' || g, 1 FROM generate_series(1, 1000) g");
        }
        return migrator.downgrade("-1").backup();
    }

    @Test
    void a_full_backup_restored_into_the_downgraded_database_brings_the_table_and_the_state_back() throws Exception {
        db.recreate();
        Migrator migrator = twoRevisions(db.url());
        Path archive = downgradeDroppingBigWith1000Rows(migrator);

        RestoreResult result = migrator.restore(archive);

        assertThat(result.tables()).containsExactly("public.big");
        assertThat(result.state()).containsExactly("001", "002");
        assertThat(db.query("SELECT count(*) || ' ' || count(DISTINCT keep_id) FROM big")).containsExactly("1000 1");
        assertThat(db.query("SELECT string_agg(id, ',' ORDER BY id) FROM plccoach_version")).containsExactly("001,002");
        assertThat(db.query("SELECT operation || ' ' || outcome || ' ' || array_to_string(revisions, ',') FROM plccoach_history "
                + "ORDER BY id DESC LIMIT 1")).containsExactly("restore success 001,002");
        assertThat(migrator.upgrade("head").steps()).isEmpty();
    }

    @Test
    void a_full_backup_restored_into_an_empty_database_brings_everything_back_with_the_state() throws Exception {
        db.recreate();
        Path archive = downgradeDroppingBigWith1000Rows(twoRevisions(db.url()));
        String empty = db.createScratch("restore_empty");
        try {
            String url = db.server().urlFor(empty);

            twoRevisions(url).restore(archive);

            try (Connection c = db.server().connect(url)) {
                assertThat(queryLong(c, "SELECT count(*) FROM big")).isEqualTo(1000);
                assertThat(queryLong(c, "SELECT count(*) FROM plccoach_version WHERE id IN ('001', '002')")).isEqualTo(2);
                assertThat(queryLong(c, "SELECT count(*) FROM plccoach_history WHERE operation = 'restore'")).isEqualTo(1);
            }
        } finally {
            db.drop(empty);
        }
    }

    @Test
    void an_archive_taken_at_revisions_the_files_no_longer_have_is_refused_saying_so() throws Exception {
        db.recreate();
        Migrator migrator = twoRevisions(db.url());
        Path archive = downgradeDroppingBigWith1000Rows(migrator);
        java.nio.file.Files.delete(dir.resolve("revisions/002_big.sql"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> migrator.restore(archive))
                .isInstanceOf(BackupException.class)
                .hasMessage("Refused to restore " + archive + ": it was taken with revisions [001, 002] applied, which is not a state "
                        + "of the revision files (not in the revision files: [002]). Restore it with the revision files of that time "
                        + "(check out the commit the backup was taken at). Nothing was changed.");
        assertThat(db.query("SELECT to_regclass('big') IS NULL")).containsExactly("t");
    }
}
