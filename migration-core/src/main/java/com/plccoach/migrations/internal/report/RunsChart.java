package com.plccoach.migrations.internal.report;

import com.plccoach.migrations.internal.report.RecentRuns.Run;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Recent runs as an SVG bar chart of their durations (oldest left) and a table. */
final class RunsChart {

    private static final int BAR = 16;
    private static final int GAP = 4;
    private static final int HEIGHT = 120;

    private RunsChart() {
    }

    static String draw(List<Run> newestFirst) {
        if (newestFirst.isEmpty()) {
            return "<p class=\"empty\">No run recorded in plccoach_history yet.</p>\n";
        }
        List<Run> runs = new ArrayList<>(newestFirst);
        Collections.reverse(runs);
        long longest = Math.max(1, runs.stream().mapToLong(Run::durationMs).max().orElse(1));
        StringBuilder out = new StringBuilder();
        out.append("<svg class=\"runs\" width=\"").append(runs.size() * (BAR + GAP) + 60)
                .append("\" height=\"").append(HEIGHT + 20).append("\" role=\"img\" aria-label=\"durations of recent runs\">\n")
                .append("<text x=\"0\" y=\"12\" class=\"axis\">").append(longest).append(" ms</text>\n");
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            long height = Math.max(2, run.durationMs() * (HEIGHT - 20) / longest);
            out.append("<rect class=\"run ").append(run.success() ? "success" : "failed").append("\" x=\"")
                    .append(50 + i * (BAR + GAP)).append("\" y=\"").append(HEIGHT - height).append("\" width=\"").append(BAR)
                    .append("\" height=\"").append(height).append("\"><title>").append(Html.escape(describe(run)))
                    .append("</title></rect>\n");
        }
        out.append("</svg>\n<table class=\"runs\"><tr><th>started</th><th>operation</th><th>target</th><th>revisions</th>"
                + "<th>duration</th><th>outcome</th></tr>\n");
        for (Run run : newestFirst) {
            out.append("<tr class=\"").append(run.success() ? "success" : "failed").append("\"><td>")
                    .append(Html.escape(run.startedAt())).append("</td><td>").append(Html.escape(run.operation()))
                    .append("</td><td>").append(Html.escape(run.target() == null ? "" : run.target())).append("</td><td>")
                    .append(run.revisions()).append("</td><td>").append(run.durationMs()).append(" ms</td><td>")
                    .append(run.success() ? "success" : "failed").append("</td></tr>\n");
        }
        return out.append("</table>\n").toString();
    }

    private static String describe(Run run) {
        return run.operation() + (run.target() == null ? "" : " to " + run.target()) + ": " + run.revisions() + " revision(s) in "
                + run.durationMs() + " ms, " + (run.success() ? "success" : "failed") + " at " + run.startedAt();
    }
}
