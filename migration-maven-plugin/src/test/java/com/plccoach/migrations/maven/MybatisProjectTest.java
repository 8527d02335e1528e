package com.plccoach.migrations.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.ImportedRevision;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MybatisProjectTest {

    private static final File SAMPLE = new File("src/test/resources/mybatis-sample");

    @Test
    void every_script_becomes_a_revision_in_a_chain_keeping_mybatis_file_names() throws Exception {
        List<ImportedRevision> revisions = MybatisProject.open(SAMPLE, "development").revisions();

        assertThat(revisions).extracting(ImportedRevision::id)
                .containsExactly("20250101000000", "20250102093000", "20250103100000");
        assertThat(revisions).extracting(ImportedRevision::fileName)
                .containsExactly("20250101000000_create_changelog.sql", "20250102093000_create_users.sql",
                        "20250103100000_add_user_email.sql");
    }

    @Test
    void a_revision_has_our_header_its_parent_and_the_undo_part() throws Exception {
        ImportedRevision users = MybatisProject.open(SAMPLE, "development").revisions().get(1);

        assertThat(users.content()).isEqualTo("""
                -- revision: 20250102093000
                -- down_revision: 20250101000000
                -- message: create users
                -- create_date: 2025-01-02 09:30:00

                -- // create users
                -- Migration SQL that makes the change goes here.

                CREATE TABLE app_users (
                  id bigint PRIMARY KEY,
                  name text NOT NULL
                );

                -- //@UNDO

                -- SQL to undo the change goes here.

                DROP TABLE app_users;
                """);
    }

    @Test
    void the_first_script_is_a_root() throws Exception {
        assertThat(MybatisProject.open(SAMPLE, "development").revisions().get(0).content())
                .startsWith("-- revision: 20250101000000\n-- down_revision: base\n-- message: create changelog\n");
    }

    @Test
    void the_changelog_table_comes_from_the_environment() throws Exception {
        assertThat(MybatisProject.open(SAMPLE, "development").changelogTable()).isEqualTo("CHANGELOG");
    }

    @Test
    void a_directory_without_a_mybatis_project_is_refused_naming_what_is_missing(@TempDir Path empty) {
        assertThatThrownBy(() -> MybatisProject.open(empty.toFile(), "production"))
                .isInstanceOf(MojoFailureException.class)
                .hasMessage(empty + " is not a MyBatis Migrations project: it needs scripts/ and "
                        + "environments/production.properties (set plccoach.mybatisDir and plccoach.mybatisEnvironment)");
    }
}
