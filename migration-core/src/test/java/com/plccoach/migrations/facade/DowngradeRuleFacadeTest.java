package com.plccoach.migrations.facade;

import static com.plccoach.migrations.testing.RevisionFiles.revision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.BackupMode;
import com.plccoach.migrations.MigrationResult;
import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.ScriptSource;
import com.plccoach.migrations.TargetException;
import com.plccoach.migrations.testing.RevisionFiles;
import com.plccoach.migrations.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12's downgrade items through the facade on a real PostgreSQL: what is reverted, and what stays. */
class DowngradeRuleFacadeTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path scripts;

    private RevisionFiles files;

    @BeforeEach
    void setUp() throws IOException, SQLException {
        db.recreate();
        files = RevisionFiles.in(scripts);
    }

    /** Each revision creates a table named after it, so the tables left behind show which revisions ran. */
    private static RevisionFiles.Revision table(String id, String parents) {
        return revision(id, parents).message("make " + id).up("CREATE TABLE t_" + id + " ();").down("DROP TABLE t_" + id + ";");
    }

    /** Backups are another helper's concern; these tests are about which revisions a downgrade reverts. */
    private Migrator migrator() {
        return Migrator.builder().url(db.url()).scripts(ScriptSource.directory(scripts)).backupMode(BackupMode.NONE).build();
    }

    private List<String> tables() throws SQLException {
        return db.query("SELECT tablename FROM pg_tables WHERE tablename LIKE 't\\_%' ORDER BY tablename");
    }

    @Test
    void a_downgrade_keeps_a_revision_that_only_depends_on_the_target() throws Exception {
        files.write("01_a.sql", table("a", "base"));
        files.write("02_b.sql", table("b", "a"));
        files.write("03_x.sql", table("x", "base").header("depends_on", "a"));
        migrator().upgrade("heads");

        MigrationResult result = migrator().downgrade("a");

        assertThat(result.steps()).extracting(MigrationResult.Step::revision).containsExactly("b");
        assertThat(tables()).containsExactly("t_a", "t_x");
    }

    @Test
    void a_downgrade_to_a_revision_applied_only_as_a_dependency_is_refused_and_changes_nothing() throws Exception {
        files.write("01_a.sql", table("a", "base"));
        files.write("03_x.sql", table("x", "base").header("depends_on", "a"));
        migrator().upgrade("heads");
        List<String> versions = db.query("SELECT id FROM plccoach_version ORDER BY id");

        assertThatThrownBy(() -> migrator().downgrade("a"))
                .isInstanceOf(TargetException.class)
                .hasMessage("cannot downgrade to a: it is applied only as a dependency of x (depends_on), and nothing built on a"
                        + " through down_revision is applied, so no downgrade ends at a. The applied heads are x; to revert x,"
                        + " downgrade to 'x-1'");
        assertThat(tables()).containsExactly("t_a", "t_x");
        assertThat(db.query("SELECT id FROM plccoach_version ORDER BY id")).isEqualTo(versions);
    }

    @Test
    void label_at_head_minus_one_reverts_only_the_labelled_branch() throws Exception {
        files.write("01_a.sql", table("a", "base"));
        files.write("02_b.sql", table("b", "a"));
        files.write("03_x.sql", table("x", "base").header("branch_labels", "lx"));
        migrator().upgrade("heads");

        MigrationResult result = migrator().downgrade("lx@head-1");

        assertThat(result.steps()).extracting(MigrationResult.Step::revision).containsExactly("x");
        assertThat(tables()).containsExactly("t_a", "t_b");
    }

    @Test
    void label_at_head_minus_one_with_that_branch_not_applied_reverts_nothing() throws Exception {
        files.write("01_a.sql", table("a", "base"));
        files.write("02_b.sql", table("b", "a"));
        files.write("03_x.sql", table("x", "base").header("branch_labels", "lx"));
        migrator().upgrade("b");

        MigrationResult result = migrator().downgrade("lx@head-1");

        assertThat(result.steps()).isEmpty();
        assertThat(tables()).containsExactly("t_a", "t_b");
    }
}
