package com.plccoach.migrations.internal.execution;

import static com.plccoach.migrations.testing.RevisionFiles.revision;
import static org.assertj.core.api.Assertions.assertThat;

import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.ScriptSource;
import com.plccoach.migrations.testing.RevisionFiles;
import com.plccoach.migrations.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 of a runner JVM halfway through a batched backfill, then a rerun: each row is updated once, the version row written once. */
class BackfillCrashTest {

    private static final int ROWS = 300_000;

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path scripts;

    @Test
    void a_backfill_killed_halfway_finishes_on_the_next_run_updating_each_row_once() throws Exception {
        db.recreate();
        RevisionFiles files = RevisionFiles.in(scripts);
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
        files.write(revision("002", "001").header("transactional", "false").header("batch_size", "10000")
                .up("UPDATE messages SET score = id % 10 WHERE id IN (SELECT id FROM messages WHERE score IS NULL LIMIT ${batch_size});")
                .down("SELECT 1;"));
        Migrator migrator = Migrator.builder().url(db.url()).scripts(ScriptSource.directory(scripts)).build();
        migrator.upgrade("001");

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), BackfillCrashChild.class.getName(), db.url(), scripts.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        while (batchesCommitted() < 5 && child.isAlive()) {
            Thread.sleep(20);
        }
        child.destroyForcibly();
        child.waitFor();
        while (!db.query("SELECT pid FROM pg_stat_activity WHERE application_name = '" + BackfillCrashChild.APPLICATION_NAME + "'")
                .isEmpty()) {
            Thread.sleep(20);
        }
        int updatedBeforeRerun = Integer.parseInt(db.query("SELECT count(*) FROM updates").get(0));
        assertThat(updatedBeforeRerun).as("the kill came halfway").isBetween(1, ROWS - 1);
        assertThat(db.query("SELECT count(*) FROM plccoach_version WHERE id = '002'")).containsExactly("0");

        migrator.upgrade("head");

        assertThat(db.query("SELECT count(*) || ' ' || count(DISTINCT id) FROM updates")).containsExactly(ROWS + " " + ROWS);
        assertThat(db.query("SELECT count(*) FROM messages WHERE score IS NULL")).containsExactly("0");
        assertThat(db.query("SELECT count(*) FROM plccoach_version WHERE id = '002'")).containsExactly("1");
    }

    private static int batchesCommitted() throws SQLException {
        return Integer.parseInt(db.query("SELECT count(DISTINCT txid) FROM updates").get(0));
    }
}
