package com.plccoach.migrations.internal.verify;

import static com.plccoach.migrations.testing.RevisionFiles.revision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.ScriptSource;
import com.plccoach.migrations.VerificationException;
import com.plccoach.migrations.VerifyReport;
import com.plccoach.migrations.testing.RevisionFiles;
import com.plccoach.migrations.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class VerifierTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path scripts;

    private static final String TABLE = "CREATE TABLE t (id int PRIMARY KEY, revoked boolean NOT NULL DEFAULT false);";

    private RevisionFiles files;

    @BeforeEach
    void files() throws IOException {
        files = RevisionFiles.in(scripts);
    }

    @Test
    void a_downgrade_that_forgets_an_index_is_caught_naming_the_index() throws IOException {
        files.write("001", "base", TABLE, "DROP TABLE t;");
        files.write("002", "001", "CREATE INDEX IF NOT EXISTS t_revoked_idx ON t (revoked);", "SELECT 1;");

        assertThat(verify().problems()).containsExactly("revision 002's downgrade leaves index t_revoked_idx behind");
    }

    @Test
    void a_downgrade_that_leaves_a_column_is_caught_naming_the_column() throws IOException {
        files.write("001", "base", TABLE, "DROP TABLE t;");
        files.write("002", "001", "ALTER TABLE t ADD COLUMN IF NOT EXISTS nickname text;", "SELECT 1;");

        assertThat(verify().problems()).containsExactly("revision 002's downgrade leaves column t.nickname behind");
    }

    @Test
    void a_downgrade_that_drops_a_default_is_caught_with_both_values() throws IOException {
        files.write("001", "base", TABLE, "DROP TABLE t;");
        files.write("002", "001", "ALTER TABLE t ADD COLUMN note text;",
                "ALTER TABLE t DROP COLUMN note; ALTER TABLE t ALTER COLUMN revoked DROP DEFAULT;");

        assertThat(verify().problems()).containsExactly(
                "revision 002's downgrade leaves default of column t.revoked changed from false to none",
                "revision 002's upgrade after its downgrade gives a different schema: "
                        + "default of column t.revoked changed from false to none");
    }

    @Test
    void a_downgrade_that_drops_too_much_is_caught_naming_what_is_missing() throws IOException {
        files.write("001", "base", TABLE + " CREATE FUNCTION answer() RETURNS int LANGUAGE sql AS 'SELECT 42';",
                "DROP TABLE t; DROP FUNCTION answer();");
        files.write("002", "001", "CREATE VIEW v AS SELECT id FROM t;", "DROP VIEW v; DROP FUNCTION answer();");

        assertThat(verify().problems()).startsWith("revision 002's downgrade leaves function answer() missing");
    }

    @Test
    void a_faithful_chain_verifies_clean_revision_by_revision() throws IOException {
        files.write("001", "base", TABLE, "DROP TABLE t;");
        files.write("002", "001", "CREATE INDEX t_revoked_idx ON t (revoked);", "DROP INDEX t_revoked_idx;");

        VerifyReport report = verify();

        assertThat(report.clean()).isTrue();
        assertThat(report.revisions()).extracting(VerifyReport.RevisionCheck::revision).containsExactly("001", "002");
    }

    @Test
    void the_scratch_database_is_dropped_afterwards() throws IOException, SQLException {
        files.write("001", "base", TABLE, "DROP TABLE t;");

        String scratch = verify().database();

        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_database WHERE datname = '" + scratch + "'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void the_configured_database_is_not_touched() throws IOException, SQLException {
        files.write("001", "base", TABLE, "DROP TABLE t;");

        verify();

        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void branches_and_their_merge_are_each_verified_from_exactly_their_prerequisites() throws IOException {
        files.write("001", "base", TABLE, "DROP TABLE t;");
        files.write("00a", "001", "CREATE TABLE a (id int);", "DROP TABLE a;");
        files.write("00b", "001", "CREATE TABLE b (id int);", "DROP TABLE b;");
        files.write("00m", "00a, 00b", "CREATE VIEW ab AS SELECT a.id FROM a JOIN b USING (id);", "DROP VIEW ab;");

        VerifyReport report = verify();

        assertThat(report.problems()).isEmpty();
        assertThat(report.revisions()).hasSize(4);
    }

    @Test
    void a_revision_that_depends_on_another_branch_is_verified_by_stepping_back_from_it() throws IOException {
        files.write("001", "base", TABLE, "DROP TABLE t;");
        files.write("00a", "001", "CREATE TABLE a (id int);", "DROP TABLE a;");
        files.write("00b", "001", "CREATE TABLE b (id int);", "DROP TABLE b;");
        files.write(revision("00c", "00b").header("depends_on", "00a").up("ALTER TABLE b ADD COLUMN a_id int;")
                .down("ALTER TABLE b DROP COLUMN a_id;"));

        VerifyReport report = verify();

        assertThat(report.problems()).isEmpty();
        assertThat(report.revisions()).hasSize(4);
    }

    @Test
    void an_irreversible_revision_is_reported_and_the_revisions_after_it_still_checked() throws IOException {
        files.write("001", "base", TABLE, null);
        files.write("002", "001", "CREATE INDEX IF NOT EXISTS t_revoked_idx ON t (revoked);", "SELECT 1;");

        assertThat(verify().problems()).containsExactly(
                "revision 001 has no down part (no `-- //@UNDO` in " + scripts.resolve("001.sql")
                        + "), so its downgrade cannot be verified",
                "revision 002's downgrade leaves index t_revoked_idx behind");
    }

    @Test
    void a_downgrade_that_fails_is_reported_and_ends_the_walk() throws IOException {
        files.write("001", "base", TABLE, "DROP TABLE no_such_table;");
        files.write("002", "001", "CREATE INDEX t_revoked_idx ON t (revoked);", "DROP INDEX t_revoked_idx;");

        VerifyReport report = verify();

        assertThat(report.problems()).singleElement().asString()
                .startsWith("revision 001's downgrade fails: ")
                .contains("no_such_table");
        assertThat(report.revisions()).hasSize(1);
    }

    @Test
    void an_upgrade_that_fails_is_reported_naming_the_revision() throws IOException {
        files.write("001", "base", "CREATE TABLE t (id no_such_type);", "DROP TABLE t;");

        assertThat(verify().problems()).singleElement().asString()
                .startsWith("revision 001's upgrade fails: ")
                .contains("no_such_type");
    }

    @Test
    void state_tables_in_their_own_schema_do_not_count_as_a_difference() throws IOException {
        files.write("001", "base", TABLE, "DROP TABLE t;");

        VerifyReport report = Migrator.builder().url(db.url()).schema("migrations_state")
                .scripts(ScriptSource.directory(scripts)).build().verify();

        assertThat(report.problems()).isEmpty();
    }

    @Test
    void require_clean_throws_listing_every_problem_and_what_to_do() throws IOException {
        files.write("001", "base", TABLE, "DROP TABLE t;");
        files.write("002", "001", "ALTER TABLE t ADD COLUMN IF NOT EXISTS nickname text;", "SELECT 1;");

        VerifyReport report = verify();

        assertThatThrownBy(report::requireClean)
                .isInstanceOf(VerificationException.class)
                .hasMessage("verify found 1 problem(s):\n  - revision 002's downgrade leaves column t.nickname behind\n"
                        + "Fix the down part (after `-- //@UNDO`) of each revision named so that it undoes exactly what its "
                        + "up part did, then run `migrator.verify()` again.");
    }

    private VerifyReport verify() {
        return Migrator.builder().url(db.url()).scripts(ScriptSource.directory(scripts)).build().verify();
    }
}
