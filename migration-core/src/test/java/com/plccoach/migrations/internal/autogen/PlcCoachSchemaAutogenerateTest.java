package com.plccoach.migrations.internal.autogen;

import static org.assertj.core.api.Assertions.assertThat;

import com.plccoach.migrations.AutogenerateResult;
import com.plccoach.migrations.LintFinding;
import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.ScriptSource;
import com.plccoach.migrations.internal.graph.RevisionLoader;
import com.plccoach.migrations.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** PLC Coach's own revisions (schema module) as the current state, the runner building them. */
class PlcCoachSchemaAutogenerateTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final Path REVISIONS = Path.of("../schema/src/main/resources/db/revisions");

    @TempDir
    Path temp;

    private Migrator migrator(String extraDesiredSql) throws IOException {
        Path scripts = temp.resolve("revisions");
        Files.createDirectories(scripts);
        try (Stream<Path> files = Files.list(REVISIONS)) {
            for (Path f : files.toList()) {
                Files.copy(f, scripts.resolve(f.getFileName()));
            }
        }
        StringBuilder desired = new StringBuilder();
        RevisionLoader.load(ScriptSource.directory(REVISIONS), Map.of()).upgradePlan(Set.of(), "head").steps()
                .forEach(r -> desired.append(r.upSql()).append('\n'));
        desired.append(extraDesiredSql);
        Path file = temp.resolve("desired.sql");
        Files.writeString(file, desired);
        return Migrator.builder().url(db.url()).scripts(ScriptSource.directory(scripts)).desiredSchema(file).build();
    }

    @Test
    void the_schema_of_its_own_revisions_as_desired_schema_is_no_difference() throws IOException {
        assertThat(migrator("").autogenerate("nothing").noChanges()).isTrue();
    }

    @Test
    void a_realistic_change_is_generated_proven_and_split_around_its_concurrent_index() throws IOException {
        AutogenerateResult result = migrator("""
                ALTER TABLE conversations ADD COLUMN archived_at timestamptz;
                ALTER TABLE messages ADD COLUMN parent_id uuid REFERENCES messages (id) ON DELETE SET NULL;
                CREATE INDEX conversations_archived_idx ON conversations (archived_at) WHERE archived_at IS NOT NULL;
                """).autogenerate("archive conversations, thread messages");
        assertThat(result.files()).hasSize(2);
        assertThat(result.changes()).containsExactlyInAnyOrder("add column conversations.archived_at", "add column messages.parent_id",
                "add constraint messages_parent_id_fkey on messages", "add index conversations_archived_idx");
        assertThat(AutogenFixture.read(result.files().get(0))).contains("-- down_revision: 005\n")
                .contains("FOREIGN KEY (parent_id) REFERENCES messages(id) ON DELETE SET NULL NOT VALID;");
        assertThat(AutogenFixture.read(result.files().get(1))).contains("-- transactional: false\n")
                .contains("CREATE INDEX CONCURRENTLY conversations_archived_idx ON public.conversations");
    }

    @Test
    void what_autogenerate_writes_for_a_realistic_change_passes_the_lint() throws IOException {
        Migrator migrator = migrator("""
                ALTER TABLE conversations ADD COLUMN archived_at timestamptz;
                ALTER TABLE conversations ADD COLUMN pinned boolean NOT NULL DEFAULT false;
                ALTER TABLE messages ADD COLUMN parent_id uuid REFERENCES messages (id) ON DELETE SET NULL;
                ALTER TABLE messages ADD CONSTRAINT messages_model_check CHECK (model <> '');
                CREATE INDEX conversations_archived_idx ON conversations (archived_at) WHERE archived_at IS NOT NULL;
                CREATE TABLE tags (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL UNIQUE);
                CREATE INDEX tags_name_lower_idx ON tags (lower(name));
                """);
        AutogenerateResult result = migrator.autogenerate("archive, pin and thread conversations");

        assertThat(migrator.lint(result.files())).isEmpty();
        assertThat(AutogenFixture.read(result.files().get(1))).contains("VALIDATE CONSTRAINT messages_parent_id_fkey;")
                .contains("VALIDATE CONSTRAINT messages_model_check;");
    }

    @Test
    void a_hazard_autogenerate_cannot_avoid_is_reported_under_a_comment_naming_its_rule() throws IOException {
        Migrator migrator = migrator("ALTER TABLE sessions DROP COLUMN user_agent;\n");
        AutogenerateResult result = migrator.autogenerate("sessions forget the user agent");

        assertThat(migrator.lint(result.files())).extracting(LintFinding::rule).containsExactly("ban-drop-column");
        assertThat(AutogenFixture.up(result.files().get(0))).contains("-- ban-drop-column: column sessions.user_agent is not in the"
                + " target schema: dropped, not renamed\nALTER TABLE sessions DROP COLUMN user_agent;");
    }
}
