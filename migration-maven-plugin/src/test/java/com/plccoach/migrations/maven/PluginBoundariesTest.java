package com.plccoach.migrations.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The plugin is an entry point: it reaches the core only through the facade and its public values. */
class PluginBoundariesTest {

    private static final Path SOURCES = Path.of("src/main/java");

    @Test
    void no_plugin_class_imports_the_cores_internal_packages() throws IOException {
        assertThat(sources()).allSatisfy(file -> assertThat(Files.readAllLines(file))
                .as(file.toString()).noneMatch(line -> line.contains(".internal.")));
    }

    @Test
    void every_goal_stays_within_sixty_lines() throws IOException {
        assertThat(sources()).filteredOn(file -> file.getFileName().toString().endsWith("Mojo.java")
                        && !file.getFileName().toString().startsWith("Abstract"))
                .isNotEmpty()
                .allSatisfy(file -> assertThat(Files.readAllLines(file)).as(file.toString()).hasSizeLessThanOrEqualTo(60));
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java")).toList();
        }
    }
}
