package com.plccoach.migrations.internal.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.RevisionFileException;
import com.plccoach.migrations.ScriptSource;
import com.plccoach.migrations.internal.graph.RevisionGraph;
import com.plccoach.migrations.internal.graph.RevisionLoader;
import com.plccoach.migrations.testing.RevisionFiles;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptSourceTest {

    @TempDir
    Path tmp;

    private static String revision(String id, String parent) {
        return RevisionFiles.revision(id, parent).up("CREATE TABLE t_" + id + " ();").down("DROP TABLE t_" + id + ";").text();
    }

    private Path jar(String name, boolean directoryEntries, Map<String, String> files) throws IOException {
        Path jar = tmp.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            if (directoryEntries) {
                out.putNextEntry(new JarEntry("db/"));
                out.closeEntry();
                out.putNextEntry(new JarEntry("db/revisions/"));
                out.closeEntry();
            }
            for (Map.Entry<String, String> f : files.entrySet()) {
                out.putNextEntry(new JarEntry(f.getKey()));
                out.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static List<String> names(List<ScriptSource.Script> scripts) {
        return scripts.stream().map(s -> s.location().substring(s.location().replace('\\', '/').lastIndexOf('/') + 1)).toList();
    }

    @Test
    void a_directory_gives_its_sql_files_in_name_order() throws IOException {
        Files.writeString(tmp.resolve("20250102_0000_b_second.sql"), revision("b", "a"));
        Files.writeString(tmp.resolve("20250101_0000_a_first.sql"), revision("a", "base"));
        Files.writeString(tmp.resolve("notes.txt"), "not a revision");
        Files.createDirectories(tmp.resolve("sub"));
        Files.writeString(tmp.resolve("sub/x.sql"), revision("x", "base"));
        List<ScriptSource.Script> scripts = ScriptSource.directory(tmp).read();
        assertThat(names(scripts)).containsExactly("20250101_0000_a_first.sql", "20250102_0000_b_second.sql");
        assertThat(scripts.get(0).location()).isEqualTo(tmp.resolve("20250101_0000_a_first.sql").toString());
    }

    @Test
    void a_missing_directory_is_reported_with_what_to_do() {
        Path missing = tmp.resolve("nope");
        assertThatThrownBy(() -> ScriptSource.directory(missing).read())
                .isInstanceOf(RevisionFileException.class)
                .hasMessage("the scripts directory " + missing + " does not exist; create it or point plccoach.scripts at the"
                        + " directory that holds the revision files");
    }

    @Test
    void a_classpath_directory_is_read() throws IOException {
        Path root = tmp.resolve("classes");
        Files.createDirectories(root.resolve("db/revisions"));
        Files.writeString(root.resolve("db/revisions/002_b.sql"), revision("b", "a"));
        Files.writeString(root.resolve("db/revisions/001_a.sql"), revision("a", "base"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            List<ScriptSource.Script> scripts = ScriptSource.classpath("db/revisions", loader).read();
            assertThat(names(scripts)).containsExactly("001_a.sql", "002_b.sql");
        }
    }

    @Test
    void a_classpath_location_inside_a_jar_is_read_and_loads_a_graph() throws IOException {
        Path jar = jar("schema.jar", true, Map.of(
                "db/revisions/002_b.sql", revision("b", "a"),
                "db/revisions/001_a.sql", revision("a", "base"),
                "db/revisions/nested/003_c.sql", revision("c", "b"),
                "db/other/004_d.sql", revision("d", "base")));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            ScriptSource source = ScriptSource.classpath("/db/revisions/", loader);
            List<ScriptSource.Script> scripts = source.read();
            assertThat(scripts).extracting(ScriptSource.Script::location)
                    .containsExactly("classpath:db/revisions/001_a.sql (in schema.jar)", "classpath:db/revisions/002_b.sql (in schema.jar)");
            RevisionGraph graph = RevisionLoader.load(source, Map.of());
            assertThat(graph.heads()).extracting(Revision::id).containsExactly("b");
        }
    }

    @Test
    void a_jar_without_directory_entries_is_read() throws IOException {
        Path jar = jar("flat.jar", false, Map.of("db/revisions/001_a.sql", revision("a", "base")));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThat(ScriptSource.classpath("db/revisions", loader).read()).extracting(ScriptSource.Script::location)
                    .containsExactly("classpath:db/revisions/001_a.sql (in flat.jar)");
        }
    }

    @Test
    void files_from_several_classpath_roots_are_merged_in_name_order() throws IOException {
        Path one = jar("one.jar", true, Map.of("db/revisions/002_b.sql", revision("b", "a")));
        Path two = jar("two.jar", true, Map.of("db/revisions/001_a.sql", revision("a", "base")));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {one.toUri().toURL(), two.toUri().toURL()}, null)) {
            assertThat(ScriptSource.classpath("db/revisions", loader).read()).extracting(ScriptSource.Script::location)
                    .containsExactly("classpath:db/revisions/001_a.sql (in two.jar)", "classpath:db/revisions/002_b.sql (in one.jar)");
        }
    }

    @Test
    void a_duplicate_id_in_two_jars_names_both() throws IOException {
        Path one = jar("one.jar", true, Map.of("db/revisions/001_a.sql", revision("a", "base")));
        Path two = jar("two.jar", true, Map.of("db/revisions/001_a.sql", revision("a", "base")));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {one.toUri().toURL(), two.toUri().toURL()}, null)) {
            assertThatThrownBy(() -> RevisionLoader.load(ScriptSource.classpath("db/revisions", loader), Map.of()))
                    .hasMessageStartingWith("revision id a is declared by two files: classpath:db/revisions/001_a.sql (in one.jar) and"
                            + " classpath:db/revisions/001_a.sql (in two.jar);");
        }
    }

    @Test
    void a_missing_classpath_location_is_reported() throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[0], null)) {
            assertThatThrownBy(() -> ScriptSource.classpath("db/nothing-here", loader).read())
                    .isInstanceOf(RevisionFileException.class)
                    .hasMessage("classpath location db/nothing-here not found; put the revisions jar (e.g. plccoach-schema)"
                            + " on the classpath, or check the location (files go under db/nothing-here/)");
        }
    }

    @Test
    void a_parse_error_names_the_jar_entry() throws IOException {
        Path jar = jar("bad.jar", true, Map.of("db/revisions/001_a.sql", "-- revision: a\n-- down_revision: base\n-- who: me\n\nSELECT 1;\n"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThatThrownBy(() -> RevisionLoader.load(ScriptSource.classpath("db/revisions", loader), Map.of()))
                    .isInstanceOf(RevisionFileException.class)
                    .hasMessageStartingWith("classpath:db/revisions/001_a.sql (in bad.jar):3: unknown header key 'who'.");
        }
    }

    @Test
    void the_loader_substitutes_configured_placeholders() throws IOException {
        Files.writeString(tmp.resolve("001_a.sql"), "-- revision: a\n-- down_revision: base\n\nCREATE SCHEMA ${s};\n");
        RevisionGraph graph = RevisionLoader.load(ScriptSource.directory(tmp), Map.of("s", "app"));
        assertThat(graph.require("a").upSql()).isEqualTo("\nCREATE SCHEMA app;\n");
    }

}
