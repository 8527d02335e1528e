package com.plccoach.migrations.internal.script;

import com.plccoach.migrations.ScriptSource;
import java.util.List;

/** Revision files at a classpath location, in a directory or inside a jar. */
public final class ClasspathScriptSource implements ScriptSource {

    private final String location;
    private final ClassLoader loader;

    public ClasspathScriptSource(String location, ClassLoader loader) {
        this.location = location;
        this.loader = loader;
    }

    @Override
    public List<Script> read() {
        throw new UnsupportedOperationException("issue #3");
    }

    @Override
    public String describe() {
        return "classpath:" + location;
    }

    @Override
    public String toString() {
        return describe();
    }
}
