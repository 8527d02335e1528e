package com.plccoach.migrations;

import java.nio.file.Path;
import java.util.List;

/** Where revision files come from: a directory, a classpath location (also inside a jar), or your own. */
public interface ScriptSource {

    /** One revision file's bytes and the location that messages name. */
    record Script(String location, byte[] content) {
        @Override
        public String toString() {
            return location;
        }
    }

    /** Every {@code .sql} file of the source, in name order. */
    List<Script> read();

    /** A description for messages, such as the directory path. */
    String describe();

    static ScriptSource directory(Path directory) {
        return new com.plccoach.migrations.internal.script.DirectoryScriptSource(directory);
    }

    static ScriptSource classpath(String location) {
        return classpath(location, Thread.currentThread().getContextClassLoader());
    }

    static ScriptSource classpath(String location, ClassLoader loader) {
        return new com.plccoach.migrations.internal.script.ClasspathScriptSource(location, loader);
    }
}
