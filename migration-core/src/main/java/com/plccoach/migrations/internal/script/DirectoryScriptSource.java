package com.plccoach.migrations.internal.script;

import com.plccoach.migrations.RevisionFileException;
import com.plccoach.migrations.ScriptSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Revision files in a directory of the file system (not its subdirectories), in file name order. */
public final class DirectoryScriptSource implements ScriptSource {

    private final Path directory;

    public DirectoryScriptSource(Path directory) {
        this.directory = directory;
    }

    /** Where {@code revision} and {@code merge} write new files. */
    public Path directory() {
        return directory;
    }

    @Override
    public List<Script> read() {
        if (!Files.isDirectory(directory)) {
            throw new RevisionFileException("the scripts directory " + directory + " does not exist; create it or point"
                    + " plccoach.scripts at the directory that holds the revision files");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(directory)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".sql") && Files.isRegularFile(p))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the scripts directory " + directory, e);
        }
        List<Script> scripts = new ArrayList<>(files.size());
        for (Path file : files) {
            try {
                scripts.add(new Script(file.toString(), Files.readAllBytes(file)));
            } catch (IOException e) {
                throw new RevisionFileException(file + ": cannot read the file (" + e.getMessage() + ")", e);
            }
        }
        return scripts;
    }

    @Override
    public String describe() {
        return directory.toString();
    }

    @Override
    public String toString() {
        return "directory " + directory;
    }
}
