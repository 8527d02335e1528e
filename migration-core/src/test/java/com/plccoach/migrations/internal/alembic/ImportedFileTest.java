package com.plccoach.migrations.internal.alembic;

import static org.assertj.core.api.Assertions.assertThat;

import com.plccoach.migrations.internal.script.Revision;
import com.plccoach.migrations.internal.script.RevisionParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportedFileTest {

    private static Revision parse(ImportedFile file) {
        return new RevisionParser(Map.of()).parse(file.fileName(), file.content().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_revision_is_named_as_plccoach_revision_names_files_with_the_time_of_its_create_date() {
        AlembicRevision initial = new AlembicRevision("001", List.of(), List.of(), List.of(), "2025-11-13 01:00:00",
                "initial schema", "alembic/versions/001.py", "CREATE TABLE users (id int);\n\n", null, "DROP TABLE users;\n\n", null, false);

        assertThat(ImportedFile.of(initial).fileName()).isEqualTo("20251113_0100_001_initial_schema.sql");
    }

    @Test
    void a_revision_without_create_date_is_named_by_its_id_and_message() {
        AlembicRevision undated = new AlembicRevision("ae1027a6acf", List.of(), List.of(), List.of(), null, "add index",
                "alembic/versions/x.py", "SELECT 1;", null, "SELECT 1;", null, false);

        assertThat(ImportedFile.of(undated).fileName()).isEqualTo("ae1027a6acf_add_index.sql");
    }

    @Test
    void parents_labels_dependencies_and_alembic_sql_read_back_as_the_same_revision() {
        AlembicRevision usage = new AlembicRevision("004", List.of("003"), List.of("analytics"), List.of("002"),
                "2025-11-14 11:00:00", "shared conversation usage", "alembic/versions/004.py",
                "ALTER TABLE usage_events ADD COLUMN conversation_id UUID;\n\n", null,
                "ALTER TABLE usage_events DROP COLUMN conversation_id;\n\n", null, false);

        Revision read = parse(ImportedFile.of(usage));

        assertThat(read.parents()).containsExactly("003");
        assertThat(read.branchLabels()).containsExactly("analytics");
        assertThat(read.dependsOn()).containsExactly("002");
        assertThat(read.message()).isEqualTo("shared conversation usage");
        assertThat(read.createDate()).isEqualTo("2025-11-14 11:00:00");
        assertThat(read.upSql()).contains("ALTER TABLE usage_events ADD COLUMN conversation_id UUID;");
        assertThat(read.downSql()).contains("ALTER TABLE usage_events DROP COLUMN conversation_id;");
        assertThat(read.transactional()).isTrue();
    }

    @Test
    void a_revision_with_an_autocommit_block_runs_outside_a_transaction() {
        AlembicRevision tool = new AlembicRevision("006", List.of("005"), List.of(), List.of(), "2025-11-16 09:00:00",
                "add tool role", "alembic/versions/006.py", "ALTER TYPE message_role ADD VALUE 'tool';\n", null, "", null, true);

        assertThat(parse(ImportedFile.of(tool)).transactional()).isFalse();
    }

    @Test
    void a_merge_without_sql_has_no_statements() {
        Revision merge = parse(ImportedFile.of(Revisions.rendered("005", List.of("002", "004"), "", "")));

        assertThat(merge.isMerge()).isTrue();
        assertThat(merge.upSql()).doesNotContain(";");
        assertThat(merge.reversible()).isTrue();
    }

    @Test
    void a_revision_whose_upgrade_needs_the_database_becomes_an_irreversible_stub_that_refuses_to_run() {
        ImportedFile stub = ImportedFile.of(Revisions.upNeedsDatabase("b2", List.of("a1")));

        Revision read = parse(stub);

        assertThat(stub.stubbed()).isTrue();
        assertThat(stub.stubReason()).isEqualTo("upgrade() NeedsDatabase: op.get_bind() reads the database (x.py, line 19)");
        assertThat(read.reversible()).isFalse();
        assertThat(read.upSql()).contains("RAISE EXCEPTION").contains("revision b2 was imported from Alembic as a stub");
    }

    @Test
    void a_revision_whose_downgrade_cannot_be_rendered_keeps_its_up_part_and_is_irreversible() {
        AlembicRevision revision = new AlembicRevision("c3", List.of("b2"), List.of(), List.of(), "2025-11-21 09:00:00",
                "drop legacy", "alembic/versions/c3.py", "DROP TABLE legacy;\n", null, null, "KeyError: 'x' (c3.py, line 30)", false);

        ImportedFile file = ImportedFile.of(revision);
        Revision read = parse(file);

        assertThat(file.stubReason()).isEqualTo("downgrade() KeyError: 'x' (c3.py, line 30)");
        assertThat(read.upSql()).contains("DROP TABLE legacy;");
        assertThat(read.reversible()).isFalse();
    }
}
