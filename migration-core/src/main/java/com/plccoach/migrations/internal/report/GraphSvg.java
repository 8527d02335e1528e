package com.plccoach.migrations.internal.report;

import com.plccoach.migrations.RevisionInfo;
import com.plccoach.migrations.internal.report.GraphLayout.Place;
import java.util.Set;

/**
 * The revision graph as inline SVG: one {@code <g class="revision">} per revision (circle, id, labels,
 * message), edges to its parents, applied revisions filled, pending ones hollow.
 */
final class GraphSvg {

    private static final int LANE = 22;
    private static final int ROW = 26;
    private static final int MARGIN = 16;

    private GraphSvg() {
    }

    /** {@code applied} null when no database is configured: every node is then drawn neutral. */
    static String draw(GraphLayout layout, Set<String> applied) {
        int textX = MARGIN + layout.lanes() * LANE + 8;
        int height = MARGIN * 2 + Math.max(0, layout.places().size() - 1) * ROW;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"graph\" width=\"").append(textX + 900)
                .append("\" height=\"").append(height).append("\" role=\"img\" aria-label=\"revision graph\">\n");
        for (Place place : layout.places()) {
            boolean firstParent = true;
            for (String parentId : place.revision().parents()) {
                Place parent = layout.place(parentId);
                if (parent != null) {
                    svg.append("<path class=\"edge\" d=\"").append(edge(place, parent, firstParent)).append("\"/>\n");
                }
                firstParent = false;
            }
        }
        for (Place place : layout.places()) {
            node(svg, place, textX, applied);
        }
        return svg.append("</svg>\n").toString();
    }

    /** A first parent's edge stays in the child's lane and bends just above the parent; a merge's other parents bend at once. */
    private static String edge(Place child, Place parent, boolean firstParent) {
        int x1 = x(child.lane());
        int y1 = y(child.row());
        int x2 = x(parent.lane());
        int y2 = y(parent.row());
        if (x1 == x2) {
            return "M" + x1 + " " + y1 + " L" + x2 + " " + y2;
        }
        if (firstParent) {
            int bend = y2 - ROW;
            return "M" + x1 + " " + y1 + " L" + x1 + " " + bend + " C" + x1 + " " + (bend + ROW / 2) + " " + x2 + " "
                    + (bend + ROW / 2) + " " + x2 + " " + y2;
        }
        int bend = y1 + ROW;
        return "M" + x1 + " " + y1 + " C" + x1 + " " + (y1 + ROW / 2) + " " + x2 + " " + (y1 + ROW / 2) + " " + x2 + " " + bend
                + " L" + x2 + " " + y2;
    }

    private static void node(StringBuilder svg, Place place, int textX, Set<String> applied) {
        RevisionInfo r = place.revision();
        String state = applied == null ? "unknown" : applied.contains(r.id()) ? "applied" : "pending";
        int x = x(place.lane());
        int y = y(place.row());
        svg.append("<g class=\"revision ").append(state).append("\" data-revision=\"").append(Html.escape(r.id()))
                .append("\" data-state=\"").append(state).append("\">")
                .append("<title>").append(Html.escape(r.id() + " " + state + (r.location() == null ? "" : ": " + r.location())))
                .append("</title>")
                .append("<circle cx=\"").append(x).append("\" cy=\"").append(y).append("\" r=\"").append(r.isMerge() ? 7 : 6)
                .append("\"/>")
                .append("<text x=\"").append(textX).append("\" y=\"").append(y + 4).append("\"><tspan class=\"id\">")
                .append(Html.escape(r.id())).append("</tspan>");
        if (!r.branchLabels().isEmpty()) {
            svg.append(" <tspan class=\"label\">(").append(Html.escape(String.join(", ", r.branchLabels()))).append(")</tspan>");
        }
        if (r.isMerge()) {
            svg.append(" <tspan class=\"label\">merge</tspan>");
        }
        svg.append(" <tspan class=\"message\">").append(Html.escape(r.message() == null ? "" : r.message())).append("</tspan>")
                .append(" <tspan class=\"state\">").append(state.equals("unknown") ? "" : state).append("</tspan></text></g>\n");
    }

    private static int x(int lane) {
        return MARGIN + lane * LANE;
    }

    private static int y(int row) {
        return MARGIN + row * ROW;
    }
}
