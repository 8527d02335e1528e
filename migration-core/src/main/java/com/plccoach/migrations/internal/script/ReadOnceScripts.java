package com.plccoach.migrations.internal.script;

import com.plccoach.migrations.ScriptSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A source read once and parsed once per set of placeholders, shared by every member of a fleet: 200
 * databases migrate with the same revisions, so the files are read and parsed one time, not 200. Held
 * by the fleet's run, not by anything static.
 */
public final class ReadOnceScripts implements ScriptSource {

    private final ScriptSource source;
    private volatile List<Script> scripts;
    private final Map<Map<String, String>, List<Revision>> parsed = new ConcurrentHashMap<>();

    public ReadOnceScripts(ScriptSource source) {
        this.source = source instanceof ReadOnceScripts once ? once.source : source;
    }

    @Override
    public List<Script> read() {
        List<Script> read = scripts;
        if (read == null) {
            synchronized (this) {
                if (scripts == null) {
                    scripts = List.copyOf(source.read());
                }
                read = scripts;
            }
        }
        return read;
    }

    /** The revisions parsed with these placeholders: parsed on first use, the same list afterwards. */
    public List<Revision> parsed(Map<String, String> placeholders, Supplier<List<Revision>> parse) {
        return parsed.computeIfAbsent(Map.copyOf(placeholders), p -> List.copyOf(parse.get()));
    }

    /** How many distinct parses were made (one per distinct placeholder set). */
    public int parses() {
        return parsed.size();
    }

    @Override
    public String describe() {
        return source.describe();
    }

    @Override
    public String toString() {
        return source.toString();
    }
}
