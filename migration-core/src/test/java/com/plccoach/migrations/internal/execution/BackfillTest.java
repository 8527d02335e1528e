package com.plccoach.migrations.internal.execution;

import static com.plccoach.migrations.testing.RevisionFiles.revision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.MigrationResult;
import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.ScriptFailedException;
import com.plccoach.migrations.ScriptSource;
import com.plccoach.migrations.testing.RevisionFiles;
import com.plccoach.migrations.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A batched backfill (transactional: false, batch_size) over 200,000 rows; a trigger records every update and its transaction. */
class BackfillTest {

    private static final int ROWS = 200_000;
    private static final String BATCH = "UPDATE messages SET score = id % 10 WHERE id IN (SELECT id FROM messages WHERE score IS NULL"
            + " LIMIT ${batch_size})";

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path scripts;

    private RevisionFiles files;

    @BeforeEach
    void revisions() throws IOException, SQLException {
        db.recreate();
        files = RevisionFiles.in(scripts);
        files.write("001", "base", """
                CREATE TABLE messages (id bigint PRIMARY KEY, score int);
                CREATE TABLE updates (id bigint, txid bigint);
                CREATE FUNCTION record_update() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO updates VALUES (NEW.id, txid_current());
                    RETURN NEW;
                END;
                $$;
                CREATE TRIGGER messages_updates AFTER UPDATE ON messages FOR EACH ROW EXECUTE FUNCTION record_update();
                INSERT INTO messages SELECT g, NULL FROM generate_series(1, %d) g;
                ANALYZE messages;""".formatted(ROWS), "SELECT 1;");
        migrator().upgrade("001");
    }

    @Test
    void every_row_is_updated_once_in_transactions_of_at_most_one_batch_and_the_version_row_is_written_once() throws Exception {
        batched002(BATCH + ";");

        MigrationResult result = migrator().upgrade("head");

        assertThat(result.steps()).extracting(MigrationResult.Step::revision).containsExactly("002");
        assertThat(db.query("SELECT count(*) || ' ' || count(DISTINCT id) FROM updates")).containsExactly(ROWS + " " + ROWS);
        assertThat(db.query("SELECT count(*) || ' ' || max(n) FROM (SELECT count(*) AS n FROM updates GROUP BY txid) t"))
                .containsExactly("20 10000");
        assertThat(db.query("SELECT count(*) FROM messages WHERE score IS DISTINCT FROM id % 10")).containsExactly("0");
        assertThat(db.query("SELECT count(*) FROM plccoach_version WHERE id = '002'")).containsExactly("1");
    }

    @Test
    void a_rerun_after_an_interrupted_backfill_updates_only_the_rows_left() throws Exception {
        batched002(BATCH + ";");
        // what a run killed after seven batches leaves: those batches committed, no version row
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            for (int i = 0; i < 7; i++) {
                st.execute(BATCH.replace("${batch_size}", "10000"));
            }
        }

        migrator().upgrade("head");

        assertThat(db.query("SELECT count(*) || ' ' || count(DISTINCT id) FROM updates")).containsExactly(ROWS + " " + ROWS);
        assertThat(db.query("SELECT count(*) FROM plccoach_version WHERE id = '002'")).containsExactly("1");
    }

    @Test
    void a_batched_statement_that_does_not_use_batch_size_is_refused_before_it_runs() throws Exception {
        batched002("UPDATE messages SET score = 1 WHERE score IS NULL;");

        assertThatThrownBy(() -> migrator().upgrade("head"))
                .isInstanceOf(ScriptFailedException.class)
                .hasMessageContaining("002_revision.sql at line 7: UPDATE messages SET score = 1 WHERE score IS NULL")
                .hasMessageContaining("this statement of a batched revision does not use ${batch_size}, so nothing bounds a batch");
        assertThat(db.query("SELECT count(*) FROM updates")).containsExactly("0");
        assertThat(db.query("SELECT id FROM plccoach_version")).isEqualTo(List.of("001"));
    }

    private Migrator migrator() {
        return Migrator.builder().url(db.url()).scripts(ScriptSource.directory(scripts)).build();
    }

    /** Named 002_revision.sql, as the refusal asserted above names it. */
    private void batched002(String up) throws IOException {
        files.write("002_revision.sql", revision("002", "001").header("transactional", "false").header("batch_size", "10000").up(up)
                .down("SELECT 1;"));
    }
}
