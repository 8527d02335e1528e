package com.plccoach.migrations.internal.script;

import com.plccoach.migrations.ScriptSource;
import java.nio.file.Path;
import java.util.List;

/** Revision files in a directory of the file system. */
public final class DirectoryScriptSource implements ScriptSource {

    private final Path directory;

    public DirectoryScriptSource(Path directory) {
        this.directory = directory;
    }

    @Override
    public List<Script> read() {
        throw new UnsupportedOperationException("issue #3");
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
