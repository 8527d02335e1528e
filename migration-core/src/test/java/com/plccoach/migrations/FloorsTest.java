package com.plccoach.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The floors of ARCHITECTURE.md: nothing internal calls back into the facade. */
class FloorsTest {

    private static final Path INTERNAL = Path.of("src/main/java/com/plccoach/migrations/internal");

    @Test
    void nothing_under_internal_imports_the_facade() throws IOException {
        try (Stream<Path> files = Files.walk(INTERNAL)) {
            List<Path> offenders = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    String text = Files.readString(p);
                    return text.contains("import com.plccoach.migrations.Migrator;")
                            || text.contains("com.plccoach.migrations.Migrator.");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            assertThat(offenders).isEmpty();
        }
    }
}
