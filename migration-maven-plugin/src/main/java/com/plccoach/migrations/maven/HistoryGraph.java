package com.plccoach.migrations.maven;

import com.plccoach.migrations.RevisionInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Draws history newest first with one lane per open line of descent, as {@code git log --graph}
 * does: {@code *} is the revision, a lane opening to the right ({@code \}) is a merge's other parent,
 * lanes closing ({@code /}) meet at a branch point.
 */
final class HistoryGraph {

    private HistoryGraph() {
    }

    /** One string per line: graph lines with a revision carry it in {@code revisions()} order. */
    record Line(String graph, RevisionInfo revision) {
    }

    static List<Line> draw(List<RevisionInfo> newestFirst) {
        List<Line> lines = new ArrayList<>();
        List<String> lanes = new ArrayList<>();
        for (RevisionInfo revision : newestFirst) {
            int lane = lanes.indexOf(revision.id());
            if (lane < 0) {
                lanes.add(revision.id());
                lane = lanes.size() - 1;
            }
            // other lanes waiting for the same revision end here: its children were on several lanes
            for (int other = lanes.lastIndexOf(revision.id()); other > lane; other = lanes.lastIndexOf(revision.id())) {
                lines.add(new Line(closing(lanes.size(), other), null));
                lanes.remove(other);
            }
            lines.add(new Line(row(lanes.size(), lane), revision));
            List<String> parents = revision.parents();
            if (parents.isEmpty()) {
                lanes.remove(lane);
                if (lane < lanes.size()) {
                    lines.add(new Line(closing(lanes.size() + 1, lane), null));
                }
                continue;
            }
            lanes.set(lane, parents.get(0));
            for (int p = 1; p < parents.size(); p++) {
                lanes.add(lane + p, parents.get(p));
            }
            if (parents.size() > 1) {
                lines.add(new Line(opening(lanes.size(), lane), null));
            }
        }
        return lines;
    }

    private static String row(int width, int lane) {
        char[] cells = blank(width);
        for (int i = 0; i < width; i++) {
            cells[2 * i] = i == lane ? '*' : '|';
        }
        return new String(cells).stripTrailing();
    }

    /** Lane {@code closed} joins the one to its left; lanes right of it move one left. */
    private static String closing(int width, int closed) {
        char[] cells = blank(width);
        for (int i = 0; i < width; i++) {
            if (i < closed) {
                cells[2 * i] = '|';
            } else {
                cells[2 * i - 1] = '/';
            }
        }
        return new String(cells).stripTrailing();
    }

    /** New lanes right of {@code lane}; lanes further right move right. */
    private static String opening(int width, int lane) {
        char[] cells = blank(width);
        for (int i = 0; i < width; i++) {
            if (i <= lane) {
                cells[2 * i] = '|';
            } else {
                cells[2 * i - 1] = '\\';
            }
        }
        return new String(cells).stripTrailing();
    }

    private static char[] blank(int width) {
        char[] cells = new char[Math.max(1, 2 * width)];
        Arrays.fill(cells, ' ');
        return cells;
    }
}
