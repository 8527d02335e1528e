package com.plccoach.migrations.internal.report;

import com.plccoach.migrations.HistoryEntry;
import com.plccoach.migrations.RevisionInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Places each revision of a history (newest first) on a row and a lane, as {@code git log --graph}
 * does: a lane is kept for the revision it waits for, a branch opens a lane, a merge frees one.
 */
final class GraphLayout {

    /** Where a revision is drawn. */
    record Place(RevisionInfo revision, int row, int lane) {
    }

    private final Map<String, Place> places = new LinkedHashMap<>();
    private int lanes;

    GraphLayout(List<HistoryEntry> newestFirst) {
        List<String> waiting = new ArrayList<>();
        for (int row = 0; row < newestFirst.size(); row++) {
            RevisionInfo revision = newestFirst.get(row).revision();
            int lane = waiting.indexOf(revision.id());
            if (lane < 0) {
                lane = free(waiting);
            }
            for (int i = 0; i < waiting.size(); i++) {
                if (revision.id().equals(waiting.get(i))) {
                    waiting.set(i, null);
                }
            }
            places.put(revision.id(), new Place(revision, row, lane));
            List<String> parents = revision.parents();
            waiting.set(lane, parents.isEmpty() ? null : parents.get(0));
            for (String parent : parents.subList(Math.min(1, parents.size()), parents.size())) {
                if (!waiting.contains(parent)) {
                    waiting.set(free(waiting), parent);
                }
            }
            lanes = Math.max(lanes, waiting.size());
        }
    }

    private static int free(List<String> waiting) {
        int lane = waiting.indexOf(null);
        if (lane >= 0) {
            return lane;
        }
        waiting.add(null);
        return waiting.size() - 1;
    }

    List<Place> places() {
        return List.copyOf(places.values());
    }

    /** The place of a parent drawn in this history; null when it lies outside (a history range). */
    Place place(String revision) {
        return places.get(revision);
    }

    int lanes() {
        return Math.max(1, lanes);
    }

    @Override
    public String toString() {
        return "GraphLayout[" + places.size() + " revision(s) on " + lanes() + " lane(s)]";
    }
}
