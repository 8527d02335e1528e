package com.plccoach.migrations.internal.backup;

import static com.plccoach.migrations.internal.safety.Plans.exec;
import static com.plccoach.migrations.internal.safety.Plans.revision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.BackupException;
import com.plccoach.migrations.EnvironmentException;
import com.plccoach.migrations.MigrationException;
import com.plccoach.migrations.BackupMode;
import com.plccoach.migrations.Direction;
import com.plccoach.migrations.PlanReport;
import com.plccoach.migrations.RestoreResult;
import com.plccoach.migrations.internal.safety.ImpactAnalyzer;
import com.plccoach.migrations.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class RestorerTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path backups;

    private Connection connection;

    /** Every kind of value a backup must carry exactly: NULLs, unicode, binary, JSON, arrays, time zones, vectors. */
    @BeforeEach
    void tables() throws SQLException {
        db.recreate();
        connection = db.connect();
        exec(connection, "CREATE EXTENSION IF NOT EXISTS vector",
                "CREATE TABLE notes (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body text, score numeric(12,4), "
                        + "tags text[], meta jsonb, raw bytea, at timestamptz, embedding vector(3))",
                "INSERT INTO notes (body, score, tags, meta, raw, at, embedding) SELECT "
                        + "CASE WHEN g % 5 = 0 THEN NULL ELSE 'note ' || g || ' é€😀 \"quoted\", comma\ttab\nnewline\\\\' END, "
                        + "g / 7.0, ARRAY['a' || g, NULL, 'c'], jsonb_build_object('n', g, 'nested', jsonb_build_array(g, 'x')), "
                        + "decode(md5(g::text), 'hex'), TIMESTAMPTZ '2025-01-01 00:00:00+02' + g * INTERVAL '1 hour 1 second', "
                        + "ARRAY[g, g / 2.0, -g]::vector FROM generate_series(1, 500) g",
                "CREATE TABLE keep (id int PRIMARY KEY, v text)",
                "INSERT INTO keep SELECT g, 'k' || g FROM generate_series(1, 10) g");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private BackupSettings settings(BackupMode mode) {
        return new BackupSettings(mode, backups, "pg_dump", "pg_restore", Duration.ofSeconds(5), Duration.ofMinutes(2), null);
    }

    /** What a downgrade does: analyse, back up in its transaction, run the statements, commit. */
    private BackupResult downgrade(Connection c, BackupMode mode, String... statements) throws SQLException {
        PlanReport report = new ImpactAnalyzer().analyse(c, Direction.DOWNGRADE, "001", List.of(revision("002", statements)));
        c.setAutoCommit(false);
        BackupResult result = new PgDumpBackup(settings(mode)).take(c, report, "downgrade_to_001").orElseThrow();
        exec(c, statements);
        c.commit();
        c.setAutoCommit(true);
        return result;
    }

    static String fingerprint(Connection c, String table, String columns) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) || ':' || md5(string_agg(row(" + columns + ")::text, '|' ORDER BY id)) FROM " + table)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static final String ALL = "id, body, score, tags, meta, raw, at, embedding";

    @Test
    void an_affected_backup_brings_back_every_row_and_value_of_a_dropped_table() throws SQLException {
        String before = fingerprint(connection, "notes", ALL);
        BackupResult backup = downgrade(connection, BackupMode.AFFECTED, "DROP TABLE notes");

        RestoreResult restored = new Restorer(settings(BackupMode.AFFECTED)).restore(connection, backup.archive());

        assertThat(fingerprint(connection, "notes", ALL)).isEqualTo(before).startsWith("500:");
        assertThat(restored.tables()).containsExactly("public.notes");
        assertThat(restored.dataOnly()).isFalse();
        exec(connection, "INSERT INTO notes (body) VALUES ('identity continues')");
        assertThat(fingerprint(connection, "notes WHERE id = 501", "id, body")).startsWith("1:");
    }

    @Test
    void a_full_backup_brings_back_every_row_and_value_into_an_empty_database() throws SQLException {
        String before = fingerprint(connection, "notes", ALL);
        BackupResult backup = downgrade(connection, BackupMode.FULL, "DROP TABLE notes");
        String scratch = db.createScratch("restore_full");
        try (Connection target = db.server().connect(db.server().urlFor(scratch))) {
            RestoreResult restored = new Restorer(settings(BackupMode.FULL)).restore(target, backup.archive());

            assertThat(fingerprint(target, "notes", ALL)).isEqualTo(before);
            assertThat(restored.tables()).contains("public.notes", "public.keep");
        } finally {
            db.drop(scratch);
        }
    }

    @Test
    void rows_go_back_into_a_table_an_upgrade_created_again_empty() throws SQLException {
        String before = fingerprint(connection, "keep", "id, v");
        BackupResult backup = downgrade(connection, BackupMode.AFFECTED, "DROP TABLE keep");
        exec(connection, "CREATE TABLE keep (id int PRIMARY KEY, v text)");

        RestoreResult restored = new Restorer(settings(BackupMode.AFFECTED)).restore(connection, backup.archive());

        assertThat(restored.dataOnly()).isTrue();
        assertThat(fingerprint(connection, "keep", "id, v")).isEqualTo(before);
    }

    @Test
    void dropped_column_values_go_back_by_primary_key_once_an_upgrade_re_added_the_column() throws SQLException {
        String before = fingerprint(connection, "notes", "id, body, meta");
        BackupResult backup = downgrade(connection, BackupMode.AFFECTED, "ALTER TABLE notes DROP COLUMN body", "ALTER TABLE notes DROP COLUMN meta");
        exec(connection, "ALTER TABLE notes ADD COLUMN body text DEFAULT 'placeholder'", "ALTER TABLE notes ADD COLUMN meta jsonb");

        RestoreResult restored = new Restorer(settings(BackupMode.AFFECTED)).restore(connection, backup.archive());

        assertThat(fingerprint(connection, "notes", "id, body, meta")).isEqualTo(before);
        assertThat(restored.columns()).containsExactly("public.notes.body", "public.notes.meta");
        assertThat(restored.columnValues()).isEqualTo(1000);
    }

    @Test
    void a_dropped_column_comes_back_with_its_values_in_the_database_it_was_dropped_from() throws SQLException {
        String before = fingerprint(connection, "notes", "id, body");
        BackupResult backup = downgrade(connection, BackupMode.AFFECTED, "ALTER TABLE notes DROP COLUMN body");

        RestoreResult restored = new Restorer(settings(BackupMode.AFFECTED)).restore(connection, backup.archive());

        assertThat(fingerprint(connection, "notes", "id, body")).isEqualTo(before);
        assertThat(restored.columnValues()).isEqualTo(500);
    }

    @Test
    void a_full_backup_restored_where_it_was_taken_recreates_the_dropped_table_and_leaves_the_others_alone() throws SQLException {
        String before = fingerprint(connection, "notes", ALL);
        BackupResult backup = downgrade(connection, BackupMode.FULL, "DROP TABLE notes");
        exec(connection, "UPDATE keep SET v = 'changed since' WHERE id = 1");

        RestoreResult restored = new Restorer(settings(BackupMode.FULL)).restore(connection, backup.archive());

        assertThat(restored.tables()).containsExactly("public.notes");
        assertThat(fingerprint(connection, "notes", ALL)).isEqualTo(before);
        assertThat(db.query("SELECT v FROM keep WHERE id = 1")).containsExactly("changed since");
        assertThat(db.query("SELECT indexname FROM pg_indexes WHERE tablename = 'notes'")).containsExactly("notes_pkey");
    }

    @Test
    void a_full_backup_restored_where_it_was_taken_puts_a_dropped_column_back_by_key() throws SQLException {
        String before = fingerprint(connection, "notes", "id, meta");
        BackupResult backup = downgrade(connection, BackupMode.FULL, "ALTER TABLE notes DROP COLUMN meta");

        new Restorer(settings(BackupMode.FULL)).restore(connection, backup.archive());

        assertThat(fingerprint(connection, "notes", "id, meta")).isEqualTo(before);
    }

    @Test
    void an_object_standing_where_the_restore_would_create_one_is_named_and_nothing_is_restored() throws SQLException {
        BackupResult backup = downgrade(connection, BackupMode.FULL, "DROP TABLE notes");
        exec(connection, "CREATE TABLE intruder (id int)", "ALTER TABLE intruder ADD CONSTRAINT notes_pkey PRIMARY KEY (id)");

        assertThatThrownBy(() -> new Restorer(settings(BackupMode.FULL)).restore(connection, backup.archive()))
                .isInstanceOf(BackupException.class)
                .hasMessage("Refused to restore " + backup.archive() + ": constraint public.notes_pkey exists already (the restore "
                        + "would create it). Drop or rename it (or empty the tables) and run restore again, or restore into a new "
                        + "empty database (createdb, then point Migrator.builder().url(...) at it). Nothing was changed.");
        assertThat(db.query("SELECT to_regclass('notes') IS NULL")).containsExactly("t");
    }

    @Test
    void a_restore_never_mixes_the_backup_with_rows_already_in_a_table() throws SQLException {
        BackupResult backup = downgrade(connection, BackupMode.AFFECTED, "DROP TABLE keep");
        exec(connection, "CREATE TABLE keep (id int PRIMARY KEY, v text)", "INSERT INTO keep VALUES (1, 'new')");

        assertThatThrownBy(() -> new Restorer(settings(BackupMode.AFFECTED)).restore(connection, backup.archive()))
                .isInstanceOf(BackupException.class)
                .hasMessageStartingWith("Refused to restore " + backup.archive() + ": table public.keep already holds 1 rows that the "
                        + "restore would mix with the backup's. ");
        assertThat(fingerprint(connection, "keep", "id, v")).startsWith("1:");
    }

    @Test
    void a_missing_backup_file_is_named() {
        Path missing = backups.resolve("nope.dump");

        assertThatThrownBy(() -> new Restorer(settings(BackupMode.FULL)).restore(connection, missing))
                .isInstanceOf(MigrationException.class)
                .isNotInstanceOf(EnvironmentException.class)
                .hasMessage("No backup at " + missing + ": give the archive the downgrade printed, as in `migrator.restore(archive)`.");
    }
}
