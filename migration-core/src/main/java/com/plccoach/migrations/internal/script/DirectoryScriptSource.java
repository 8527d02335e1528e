package com.plccoach.migrations.internal.script;

import com.plccoach.migrations.RevisionFileException;
import com.plccoach.migrations.ScriptSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
        // names only, sorted as strings: a stream with comparator lambdas costs a cold JVM more than the listing
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> list = Files.newDirectoryStream(directory)) {
            for (Path p : list) {
                String name = p.getFileName().toString();
                if (name.endsWith(".sql") && Files.isRegularFile(p)) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the scripts directory " + directory, e);
        }
        Collections.sort(names);
        List<Script> scripts = new ArrayList<>(names.size());
        for (String name : names) {
            Path file = directory.resolve(name);
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
