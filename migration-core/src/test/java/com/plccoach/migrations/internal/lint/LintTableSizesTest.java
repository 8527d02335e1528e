package com.plccoach.migrations.internal.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.plccoach.migrations.CheckReport;
import com.plccoach.migrations.LintFinding;
import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.ScriptSource;
import com.plccoach.migrations.testing.RevisionFiles;
import com.plccoach.migrations.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** With a database, check's findings carry each table's size, and hazards on new or empty tables are left out. */
class LintTableSizesTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path scripts;

    @BeforeEach
    void revisions() throws IOException, SQLException {
        db.recreate();
        RevisionFiles files = RevisionFiles.in(scripts);
        files.write("001", "base", "CREATE TABLE users (id bigint PRIMARY KEY, email text);\nCREATE TABLE tags (id bigint PRIMARY KEY, name text);",
                "SELECT 1;");
        files.write("002", "001", "CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint);", "SELECT 1;");
        files.write("003", "002", """
                CREATE INDEX users_email_idx ON users (email);
                CREATE INDEX tags_name_idx ON tags (name);
                CREATE INDEX orders_user_idx ON orders (user_id);
                ALTER TABLE tags RENAME COLUMN name TO label;""", "SELECT 1;");
    }

    @Test
    void a_hazard_on_a_table_with_rows_carries_its_size_and_row_estimate() throws SQLException {
        applyFirstRevisionWith1000Users();

        assertThat(migrator().check().lintFindings()).filteredOn(f -> f.table().equals("users")).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("require-concurrent-index-creation");
            assertThat(f.rowEstimate()).isEqualTo(1000);
            assertThat(f.tableBytes()).isGreaterThan(8192);
            assertThat(f.toString()).contains("[users: ").contains(" kB, ~1,000 rows]");
        });
    }

    @Test
    void a_lock_hazard_on_an_empty_table_is_left_out_but_a_rename_of_it_is_not() throws SQLException {
        applyFirstRevisionWith1000Users();

        assertThat(migrator().check().lintFindings()).filteredOn(f -> f.table().equals("tags"))
                .extracting(LintFinding::rule).containsExactly("renaming-column");
    }

    @Test
    void a_hazard_on_a_table_an_earlier_pending_revision_creates_is_left_out() throws SQLException {
        applyFirstRevisionWith1000Users();

        CheckReport report = migrator().check();

        assertThat(report.pending()).containsExactly("002", "003");
        assertThat(report.lintFindings()).extracting(LintFinding::table).doesNotContain("orders");
    }

    @Test
    void without_a_database_every_hazard_is_reported_without_sizes() {
        assertThat(migrator().lint()).extracting(f -> f.rule() + " " + f.table() + " " + f.tableBytes())
                .containsExactly("require-concurrent-index-creation users -1", "require-concurrent-index-creation tags -1",
                        "lock-held-during-long-work tags -1", "require-concurrent-index-creation orders -1",
                        "lock-held-during-long-work orders -1", "renaming-column tags -1");
    }

    private void applyFirstRevisionWith1000Users() throws SQLException {
        migrator().upgrade("001");
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO users SELECT i, 'u' || i || '@school.org' FROM generate_series(1, 1000) i");
            s.execute("ANALYZE users");
            s.execute("ANALYZE tags");
        }
    }

    private Migrator migrator() {
        return Migrator.builder().url(db.url()).scripts(ScriptSource.directory(scripts)).build();
    }
}
