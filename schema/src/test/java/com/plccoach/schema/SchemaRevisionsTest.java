package com.plccoach.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.plccoach.migrations.BackupMode;
import com.plccoach.migrations.MigrationResult;
import com.plccoach.migrations.RevisionInfo;
import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.ScriptSource;
import com.plccoach.migrations.VerifyReport;
import com.plccoach.migrations.internal.catalog.CatalogReader;
import com.plccoach.migrations.internal.catalog.SchemaSnapshot;
import com.plccoach.migrations.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PLC Coach's real revisions, as shipped in the jar, through the real tool on a fresh database. */
class SchemaRevisionsTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @BeforeEach
    void freshDatabase() throws SQLException {
        db.recreate();
    }

    @Test
    void the_revisions_form_one_chain_whose_only_head_is_005() {
        assertThat(migrator().heads()).extracting(RevisionInfo::id).containsExactly("005");
        assertThat(migrator().show("003").transactional()).isFalse();
    }

    @Test
    void the_schema_upgrades_to_head_applying_every_revision_in_order() {
        MigrationResult result = migrator().upgrade("head");

        assertThat(result.steps()).extracting(MigrationResult.Step::revision).containsExactly("001", "002", "003", "004", "005");
        assertThat(result.headsAfter()).containsExactly("005");
    }

    @Test
    void head_has_every_table_of_plc_coach() throws SQLException {
        migrator().upgrade("head");

        assertThat(snapshot().tables()).containsOnlyKeys("public.users", "public.sessions", "public.conversations",
                "public.messages", "public.message_embeddings", "public.message_feedback");
        assertThat(snapshot().views()).containsOnlyKeys("public.user_monthly_usage");
        assertThat(snapshot().extensions()).containsKey("vector");
    }

    @Test
    void every_foreign_key_column_leads_an_index() throws SQLException {
        migrator().upgrade("head");

        assertThat(db.query("""
                SELECT c.conrelid::regclass || '.' || a.attname
                  FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
                 WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
                   AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.conrelid AND i.indkey[0] = c.conkey[1])
                """)).isEmpty();
    }

    @Test
    void the_hnsw_index_is_built_valid_with_cosine_distance() throws SQLException {
        migrator().upgrade("head");

        assertThat(snapshot().indexes().get("public.message_embeddings_embedding_hnsw_idx"))
                .satisfies(index -> {
                    assertThat(index.valid()).isTrue();
                    assertThat(index.definition()).isEqualTo("CREATE INDEX message_embeddings_embedding_hnsw_idx ON "
                            + "public.message_embeddings USING hnsw (embedding vector_cosine_ops) WITH (m='16', ef_construction='64')");
                });
    }

    @Test
    void downgrading_to_base_leaves_the_database_as_it_was_extension_included() throws SQLException {
        SchemaSnapshot empty = snapshot();
        migrator().upgrade("head");

        MigrationResult result = migrator().downgrade("base");

        assertThat(result.steps()).extracting(MigrationResult.Step::revision).containsExactly("005", "004", "003", "002", "001");
        assertThat(snapshot()).isEqualTo(empty);
        assertThat(snapshot().extensions()).doesNotContainKey("vector");
    }

    @Test
    void the_real_schema_verifies_clean() {
        VerifyReport report = migrator().verify();

        assertThat(report.problems()).isEmpty();
        assertThat(report.revisions()).extracting(VerifyReport.RevisionCheck::revision)
                .containsExactly("001", "002", "003", "004", "005");
    }

    private static Migrator migrator() {
        return Migrator.builder().url(db.url()).scripts(ScriptSource.classpath("db/revisions"))
                .backupMode(BackupMode.NONE).build();
    }

    private static SchemaSnapshot snapshot() throws SQLException {
        try (Connection c = db.connect()) {
            return new CatalogReader("public").read(c);
        }
    }

}
