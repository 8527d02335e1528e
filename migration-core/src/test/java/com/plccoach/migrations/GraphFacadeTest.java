package com.plccoach.migrations;

import static com.plccoach.migrations.testing.RevisionFiles.revision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.testing.RevisionFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade methods that need no database: heads, branches, show, history, revision, merge. */
class GraphFacadeTest {

    @TempDir
    Path dir;

    private RevisionFiles files;

    @BeforeEach
    void files() throws IOException {
        files = RevisionFiles.in(dir);
    }

    private Migrator migrator() {
        return Migrator.builder().scripts(ScriptSource.directory(dir)).build();
    }

    /** "make id" is the message that the history and show assertions read. */
    private static RevisionFiles.Revision table(String id, String parents) {
        return revision(id, parents).message("make " + id).up("CREATE TABLE t_" + id + " ();").down("DROP TABLE t_" + id + ";");
    }

    private void branched() throws IOException {
        files.write("01_a.sql", table("a", "base"));
        files.write("02_b.sql", table("b", "a"));
        files.write("03_c.sql", table("c", "a").header("branch_labels", "feature"));
    }

    @Test
    void heads_lists_the_graph_heads() throws IOException {
        branched();
        assertThat(migrator().heads()).extracting(RevisionInfo::id).containsExactly("b", "c");
    }

    @Test
    void branches_lists_the_branch_points() throws IOException {
        branched();
        assertThat(migrator().branches()).extracting(RevisionInfo::id).containsExactly("a");
    }

    @Test
    void show_reports_what_the_file_declares() throws IOException {
        branched();
        RevisionInfo c = migrator().show("feature@head");
        assertThat(c.id()).isEqualTo("c");
        assertThat(c.parents()).containsExactly("a");
        assertThat(c.branchLabels()).containsExactly("feature");
        assertThat(c.message()).isEqualTo("make c");
        assertThat(c.location()).isEqualTo(dir.resolve("03_c.sql").toString());
        assertThat(c.reversible()).isTrue();
        assertThat(c.transactional()).isTrue();
    }

    @Test
    void history_is_newest_first_with_a_graph() throws IOException {
        branched();
        files.write("04_m.sql", table("m", "b, c"));
        List<HistoryEntry> history = migrator().history(null, false);
        assertThat(String.join("\n", history.stream().map(HistoryEntry::toString).toList())).isEqualTo("""
                *   b, c -> m (head) (mergepoint), make m
                |\\
                | * a -> c (feature), make c
                * | a -> b, make b
                |/
                * <base> -> a (branchpoint), make a""");
        assertThat(history).extracting(e -> e.revision().id()).containsExactly("m", "c", "b", "a");
    }

    @Test
    void history_with_a_range_shows_only_that_part() throws IOException {
        files.write("01_a.sql", table("a", "base"));
        files.write("02_b.sql", table("b", "a"));
        files.write("03_c.sql", table("c", "b"));
        files.write("04_d.sql", table("d", "c"));
        assertThat(migrator().history("b:c", false)).extracting(e -> e.revision().id()).containsExactly("c", "b");
        assertThat(migrator().history("c:", false)).extracting(e -> e.revision().id()).containsExactly("d", "c");
        assertThat(migrator().history(":b", false)).extracting(e -> e.revision().id()).containsExactly("b", "a");
    }

    @Test
    void a_range_without_colon_is_refused() throws IOException {
        branched();
        assertThatThrownBy(() -> migrator().history("a", false))
                .isInstanceOf(TargetException.class)
                .hasMessage("history range 'a' has no ':'; write it as older:newer, e.g. 'base:head', 'abc123:' or ':abc123'");
    }

    @Test
    void verbose_history_adds_parents_labels_and_file() throws IOException {
        branched();
        List<String> lines = migrator().history("a:c", true).get(0).lines();
        assertThat(lines).containsExactly(
                "* Rev: c (head) (feature)",
                "| Parent: a",
                "| Branch names: feature",
                "| Path: " + dir.resolve("03_c.sql"),
                "|",
                "|     make c",
                "|");
    }

    @Test
    void new_revision_writes_a_file_on_the_single_head() throws IOException {
        files.write("01_a.sql", table("a", "base"));
        Path written = migrator().newRevision("Add Users table!", null, null, "b1");
        assertThat(written.getFileName().toString()).matches("\\d{8}_\\d{4}_b1_add_users_table\\.sql");
        String text = Files.readString(written);
        assertThat(text).startsWith("-- revision: b1\n-- down_revision: a\n-- message: Add Users table!\n-- create_date: ");
        assertThat(migrator().heads()).extracting(RevisionInfo::id).containsExactly("b1");
    }

    @Test
    void a_new_revision_gets_a_random_twelve_hex_id() throws IOException {
        Path written = migrator().newRevision("first", null, null, null);
        String id = migrator().heads().get(0).id();
        assertThat(id).matches("[0-9a-f]{12}");
        assertThat(written.getFileName().toString()).endsWith("_" + id + "_first.sql");
        assertThat(migrator().heads().get(0).parents()).isEmpty();
    }

    @Test
    void a_new_revision_can_name_its_parent_and_a_branch_label() throws IOException {
        branched();
        migrator().newRevision("on a", "a", "billing", "d");
        RevisionInfo d = migrator().show("billing@head");
        assertThat(d.parents()).containsExactly("a");
        assertThat(d.branchLabels()).containsExactly("billing");
    }

    @Test
    void a_new_revision_with_several_heads_needs_a_parent() throws IOException {
        branched();
        assertThatThrownBy(() -> migrator().newRevision("x", null, null, null))
                .isInstanceOf(TargetException.class)
                .hasMessage("the graph has 2 heads (b, c), so the new revision's parent is not obvious: join them with"
                        + " `migrator.merge(heads, message)`, or give the parent: `migrator.newRevision(message, \"b\", branchLabel, id)`");
    }

    @Test
    void from_maven_a_new_revision_with_several_heads_names_the_parent_property() throws IOException {
        branched();
        Migrator maven = Migrator.builder().scripts(ScriptSource.directory(dir)).entryPoint(EntryPoint.MAVEN).build();
        assertThatThrownBy(() -> maven.newRevision("x", null, null, null))
                .isInstanceOf(TargetException.class)
                .hasMessage("the graph has 2 heads (b, c), so the new revision's parent is not obvious: join them with"
                        + " `mvn plccoach:merge`, or give the parent: `mvn plccoach:revision -Dplccoach.message=... -Dplccoach.parent=b`");
    }

    @Test
    void a_new_revision_refuses_an_existing_id() throws IOException {
        branched();
        assertThatThrownBy(() -> migrator().newRevision("x", "b", null, "c"))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessage("revision id c already exists (" + dir.resolve("03_c.sql") + "); choose another id, or leave it"
                        + " out for a random one");
    }

    @Test
    void a_new_revision_refuses_a_label_in_use() throws IOException {
        branched();
        assertThatThrownBy(() -> migrator().newRevision("x", "b", "feature", null))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessage("branch label 'feature' is already declared by c (" + dir.resolve("03_c.sql") + "); choose another label");
    }

    @Test
    void a_classpath_source_is_read_only() {
        Migrator readOnly = Migrator.builder().scripts(ScriptSource.classpath("db/revisions")).build();
        assertThatThrownBy(() -> readOnly.newRevision("x", null, null, null))
                .isInstanceOf(RevisionFileException.class)
                .hasMessage("cannot write a new revision into classpath:db/revisions: it is read-only; point"
                        + " Migrator.builder().scripts(...) at the source directory of the revisions, e.g."
                        + " src/main/resources/db/revisions, to run `migrator.newRevision(message, parent, branchLabel, id)`");
    }

    @Test
    void merge_joins_all_heads_with_empty_parts() throws IOException {
        branched();
        Path written = migrator().merge(null, null);
        RevisionInfo merge = migrator().heads().get(0);
        assertThat(merge.parents()).containsExactly("b", "c");
        assertThat(merge.message()).isEqualTo("merge b, c");
        assertThat(merge.reversible()).isTrue();
        assertThat(written.getFileName().toString()).endsWith("_" + merge.id() + "_merge_b_c.sql");
    }

    @Test
    void merge_joins_the_named_revisions() throws IOException {
        branched();
        files.write("04_d.sql", table("d", "a"));
        migrator().merge(List.of("b", "feature@head"), "join b and feature");
        assertThat(migrator().heads()).extracting(RevisionInfo::id).hasSize(2).contains("d");
    }

    @Test
    void a_label_on_two_branches_is_a_valid_graph_that_a_merge_joins() throws IOException {
        files.write("01_a.sql", table("a", "base").header("branch_labels", "core"));
        files.write("02_b.sql", table("b", "a"));
        files.write("03_c.sql", table("c", "a"));
        assertThat(migrator().heads()).extracting(RevisionInfo::id).containsExactly("b", "c");
        migrator().merge(null, "join");
        assertThat(migrator().heads()).hasSize(1);
    }

    @Test
    void merge_of_a_single_head_is_refused() throws IOException {
        files.write("01_a.sql", table("a", "base"));
        assertThatThrownBy(() -> migrator().merge(null, null))
                .isInstanceOf(TargetException.class)
                .hasMessage("nothing to merge: only a was given or is a head; a merge joins two or more heads"
                        + " (`migrator.merge(heads, message)`)");
    }

    @Test
    void a_history_range_with_an_unknown_end_names_it() throws IOException {
        branched();
        assertThatThrownBy(() -> migrator().history("a:zz", false))
                .isInstanceOf(TargetException.class)
                .hasMessage("history range 'a:zz': unknown revision 'zz': no revision id is or starts with it, and no branch"
                        + " label is named so; the history lists the revisions");
    }

    @Test
    void show_of_an_ambiguous_prefix_lists_the_candidates() throws IOException {
        files.write("01_abc1.sql", table("abc1", "base"));
        files.write("02_abc2.sql", table("abc2", "abc1"));
        assertThatThrownBy(() -> migrator().show("abc"))
                .isInstanceOf(TargetException.class)
                .hasMessage("ambiguous revision prefix 'abc': it starts 2 ids: abc1 (" + dir.resolve("01_abc1.sql") + "), abc2 ("
                        + dir.resolve("02_abc2.sql") + "); type more of the id");
    }

    @Test
    void the_first_revision_of_a_new_directory_is_a_root() {
        Migrator fresh = Migrator.builder().scripts(ScriptSource.directory(dir.resolve("new/revisions"))).build();
        fresh.newRevision("initial schema", null, null, "001");
        assertThat(fresh.heads()).extracting(RevisionInfo::id).containsExactly("001");
        assertThat(fresh.heads().get(0).parents()).isEmpty();
    }
}
