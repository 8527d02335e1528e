package com.plccoach.migrations.internal.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.RevisionFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevisionWriterTest {

    private static final Instant NOW = Instant.parse("2025-11-13T01:00:59Z");

    @TempDir
    Path dir;

    @Test
    void the_file_name_is_utc_time_id_and_slug() {
        assertThat(RevisionWriter.fileName(NOW, "001", "Initial schema")).isEqualTo("20251113_0100_001_initial_schema.sql");
    }

    @Test
    void the_slug_turns_other_characters_to_underscores() {
        assertThat(RevisionWriter.slug("Add users' e-mail (unique)!")).isEqualTo("add_users_e_mail_unique");
    }

    @Test
    void the_slug_has_at_most_forty_characters() {
        assertThat(RevisionWriter.slug("a very long message that goes on and on and on about nothing"))
                .isEqualTo("a_very_long_message_that_goes_on_and_on").hasSizeLessThanOrEqualTo(40);
    }

    @Test
    void an_empty_message_gives_no_slug() {
        assertThat(RevisionWriter.fileName(NOW, "abc", "")).isEqualTo("20251113_0100_abc.sql");
    }

    @Test
    void new_ids_are_twelve_lowercase_hex_digits() {
        assertThat(RevisionWriter.newId(new SecureRandom())).matches("[0-9a-f]{12}");
    }

    @Test
    void a_new_revision_file_reads_back_with_its_header_and_both_parts() throws IOException {
        Path file = RevisionWriter.writeRevision(dir, NOW, "3f9c2a7d1b04", List.of("001"), "billing", "add sharing");
        assertThat(Files.readString(file)).isEqualTo("""
                -- revision: 3f9c2a7d1b04
                -- down_revision: 001
                -- branch_labels: billing
                -- message: add sharing
                -- create_date: 2025-11-13 01:00:59

                -- write the SQL of the change here

                -- //@UNDO

                -- write the SQL that reverts it here
                """);
        Revision r = new RevisionParser(Map.of()).parse(file.toString(), Files.readAllBytes(file));
        assertThat(r.parents()).containsExactly("001");
        assertThat(r.branchLabels()).containsExactly("billing");
        assertThat(r.reversible()).isTrue();
    }

    @Test
    void a_root_revision_says_base() throws IOException {
        Path file = RevisionWriter.writeRevision(dir, NOW, "a1", List.of(), null, "first");
        assertThat(Files.readString(file)).startsWith("-- revision: a1\n-- down_revision: base\n-- message: first\n");
    }

    @Test
    void a_merge_file_has_its_parents_and_empty_parts() throws IOException {
        Path file = RevisionWriter.writeMerge(dir, NOW, "m1", List.of("a", "b"), "merge a, b");
        assertThat(Files.readString(file)).isEqualTo("""
                -- revision: m1
                -- down_revision: a, b
                -- message: merge a, b
                -- create_date: 2025-11-13 01:00:59

                -- //@UNDO
                """);
        Revision r = new RevisionParser(Map.of()).parse(file.toString(), Files.readAllBytes(file));
        assertThat(r.isMerge()).isTrue();
        assertThat(r.upSql()).isBlank();
        assertThat(r.downSql()).isEmpty();
    }

    @Test
    void an_existing_file_is_never_overwritten() throws IOException {
        Path first = RevisionWriter.writeRevision(dir, NOW, "a1", List.of(), null, "first");
        assertThatThrownBy(() -> RevisionWriter.writeRevision(dir, NOW, "a1", List.of(), null, "first"))
                .isInstanceOf(RevisionFileException.class)
                .hasMessage(first + " already exists; choose another id or message");
    }

    @Test
    void a_malformed_id_is_refused() {
        assertThatThrownBy(() -> RevisionWriter.writeRevision(dir, NOW, "a-1", List.of(), null, "first"))
                .isInstanceOf(RevisionFileException.class)
                .hasMessage("malformed revision id 'a-1': use only letters, digits and _");
    }

    @Test
    void a_message_on_several_lines_is_refused() {
        assertThatThrownBy(() -> RevisionWriter.writeRevision(dir, NOW, "a1", List.of(), null, "one\ntwo"))
                .isInstanceOf(RevisionFileException.class)
                .hasMessage("the message must be one line; shorten 'one\ntwo'");
    }
}
