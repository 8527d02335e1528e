package com.plccoach.migrations;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What an import did: the files it wrote, those already there with the same content, and what
 * became of the state.
 *
 * @param written   files written by this run
 * @param unchanged files that already held exactly the imported content (left alone)
 * @param applied   the other tool's applied scripts, oldest first (empty when its state was not read)
 * @param stamped   whether the state was changed (stamped up to the last applied script)
 * @param state     one sentence on the state: recorded, already recorded, or not read
 */
public record ImportResult(List<Path> written, List<Path> unchanged, List<String> applied, boolean stamped, String state) {

    public ImportResult {
        written = List.copyOf(written);
        unchanged = List.copyOf(unchanged);
        applied = List.copyOf(applied);
    }

    /** Nothing written and the state untouched: a rerun of an import already done. */
    public boolean changedNothing() {
        return written.isEmpty() && !stamped;
    }

    /** What to tell the user, one line each. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(written.size() + " file(s) written, " + unchanged.size() + " already there unchanged");
        lines.add(state);
        if (changedNothing()) {
            lines.add("Nothing changed: the import was already done");
        }
        return lines;
    }

    @Override
    public String toString() {
        return String.join("; ", lines());
    }
}
