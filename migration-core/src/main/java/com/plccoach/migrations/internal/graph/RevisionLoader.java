package com.plccoach.migrations.internal.graph;

import com.plccoach.migrations.RevisionFileException;
import com.plccoach.migrations.RevisionGraphException;
import com.plccoach.migrations.ScriptSource;
import com.plccoach.migrations.internal.script.ReadOnceScripts;
import com.plccoach.migrations.internal.script.Revision;
import com.plccoach.migrations.internal.script.RevisionParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way from a {@link ScriptSource} to a validated {@link RevisionGraph}: read every file
 * (name order), parse it with the configured placeholders, build and validate the graph.
 *
 * <pre>
 * RevisionGraph graph = RevisionLoader.load(config.scripts(), config.placeholders());
 * </pre>
 *
 * @throws RevisionFileException  a file that cannot be read or parsed (names file and line)
 * @throws RevisionGraphException revisions that do not form a valid graph (names the culprits)
 */
public final class RevisionLoader {

    private static final Logger LOG = LoggerFactory.getLogger(RevisionLoader.class);

    private RevisionLoader() {
    }

    /** Reads, parses and validates every revision of the source. */
    public static RevisionGraph load(ScriptSource source, Map<String, String> placeholders) {
        return RevisionGraph.of(parse(source, placeholders));
    }

    /** As {@link #load}, but accepts a branch label split over several heads (for writing the merge that fixes it). */
    public static RevisionGraph loadForWriting(ScriptSource source, Map<String, String> placeholders) {
        return RevisionGraph.ofAllowingSplitLabels(parse(source, placeholders));
    }

    /** Every revision of the source, parsed, in the source's (file name) order. */
    public static List<Revision> parse(ScriptSource source, Map<String, String> placeholders) {
        if (source instanceof ReadOnceScripts once) {
            // a fleet: every member shares one parse of the same files
            return once.parsed(placeholders == null ? Map.of() : placeholders, () -> parseEach(source, placeholders));
        }
        return parseEach(source, placeholders);
    }

    private static List<Revision> parseEach(ScriptSource source, Map<String, String> placeholders) {
        RevisionParser parser = new RevisionParser(placeholders == null ? Map.of() : placeholders);
        List<ScriptSource.Script> scripts = source.read();
        List<Revision> revisions = new ArrayList<>(scripts.size());
        for (ScriptSource.Script script : scripts) {
            revisions.add(parser.parse(script.location(), script.content()));
        }
        LOG.debug("read {} revision files from {}", revisions.size(), source.describe());
        return revisions;
    }
}
