package com.plccoach.migrations.internal.autogen;

import com.plccoach.migrations.AutogenerateResult;
import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.ScriptSource;
import com.plccoach.migrations.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A scripts folder with one revision holding the current schema, and a desired schema file, in a temporary folder. */
final class AutogenFixture {

    final Path scripts;
    final Path desired;
    private final TestDatabase db;

    AutogenFixture(TestDatabase db, Path temp) {
        this.db = db;
        this.scripts = temp.resolve("revisions");
        this.desired = temp.resolve("desired.sql");
    }

    /** Writes revision 001 with the given up part (its down part is not used by autogenerate) and the desired schema. */
    AutogenFixture given(String current, String desiredSql) {
        try {
            Files.createDirectories(scripts);
            if (!current.isBlank()) {
                Files.writeString(scripts.resolve("20250101_0000_001_current.sql"), "-- revision: 001\n-- down_revision: base\n"
                        + "-- message: current\n\n" + current + "\n\n-- //@UNDO\n\nSELECT 1;\n", StandardCharsets.UTF_8);
            }
            Files.writeString(desired, desiredSql, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Migrator migrator() {
        return Migrator.builder().url(db.url()).scripts(ScriptSource.directory(scripts)).desiredSchema(desired).build();
    }

    AutogenerateResult autogenerate() {
        return migrator().autogenerate("generated change");
    }

    /** The written files other than 001, in name order. */
    List<Path> generatedFiles() {
        try (Stream<Path> files = Files.list(scripts)) {
            return files.filter(p -> !p.getFileName().toString().contains("_001_")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String up(Path file) {
        String text = read(file);
        return text.substring(0, text.indexOf("-- //@UNDO"));
    }

    static String down(Path file) {
        String text = read(file);
        return text.substring(text.indexOf("-- //@UNDO"));
    }
}
