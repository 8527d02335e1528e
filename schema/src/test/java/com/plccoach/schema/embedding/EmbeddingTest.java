package com.plccoach.schema.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.testing.TestDatabase;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plain Java program in its own JVM, with only migration-core, its runtime dependencies and a
 * plccoach-schema jar on the classpath, migrates a fresh database to head at start-up.
 */
class EmbeddingTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path work;

    @Test
    void a_service_with_the_schema_jar_on_its_classpath_migrates_to_head_at_start_up() throws Exception {
        Path schemaJar = schemaJar();
        List<String> classpath = new ArrayList<>(List.of(schemaJar.toString(), location(Migrator.class),
                location(org.postgresql.Driver.class), location(org.apache.commons.exec.CommandLine.class),
                location(org.slf4j.LoggerFactory.class), location(com.fasterxml.jackson.core.JsonFactory.class),
                location(org.slf4j.simple.SimpleLogger.class), location(EmbeddedStartup.class)));
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(java.io.File.pathSeparator, classpath), EmbeddedStartup.class.getName())
                .redirectErrorStream(true);
        pb.environment().put("PLCCOACH_DB_URL", db.url());

        Process process = pb.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();

        assertThat(exit).as(output).isZero();
        assertThat(output).contains("schema at [005] after 5 revision(s)", "\"goal\" : \"upgrade\"");
        assertThat(appliedRevisions()).containsExactly("001", "002", "003", "004", "005");
    }

    /** The jar the schema module ships: its resources under db/revisions, packed as `package` would. */
    private Path schemaJar() throws IOException, URISyntaxException {
        Path classes = Path.of(getClass().getClassLoader().getResource("db/revisions").toURI()).getParent().getParent();
        Path jar = work.resolve("plccoach-schema.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(out);
             Stream<Path> files = Files.walk(classes.resolve("db"))) {
            for (Path file : files.sorted().toList()) {
                String name = classes.relativize(file).toString().replace('\\', '/') + (Files.isDirectory(file) ? "/" : "");
                jos.putNextEntry(new JarEntry(name));
                if (Files.isRegularFile(file)) {
                    jos.write(Files.readAllBytes(file));
                }
                jos.closeEntry();
            }
        }
        return jar;
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static List<String> appliedRevisions() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM plccoach_version ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }
}
