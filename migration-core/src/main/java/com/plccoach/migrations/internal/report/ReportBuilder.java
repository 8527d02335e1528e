package com.plccoach.migrations.internal.report;

import com.plccoach.migrations.CurrentState;
import com.plccoach.migrations.HistoryEntry;
import com.plccoach.migrations.HtmlReport;
import com.plccoach.migrations.MigrationException;
import com.plccoach.migrations.MigratorConfig;
import com.plccoach.migrations.PlanReport;
import com.plccoach.migrations.internal.connection.ConnectionFactory;
import com.plccoach.migrations.internal.report.RecentRuns.Run;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds {@code plccoach:report}'s page. Everything is inline (style, SVG), so the page opens from a
 * CI artifact or a mail with no network. Without a database it still draws the graph.
 */
public final class ReportBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(ReportBuilder.class);

    private final MigratorConfig config;

    public ReportBuilder(MigratorConfig config) {
        this.config = config;
    }

    /** The graph from {@code history}; state, runs and the plan to {@code target} when a database is configured. */
    public HtmlReport build(String target, List<HistoryEntry> history, Supplier<CurrentState> current, Supplier<PlanReport> plan) {
        boolean database = config.url() != null || config.dataSource() != null || System.getenv("DATABASE_URL") != null;
        CurrentState state = database ? current.get() : null;
        Set<String> applied = state == null ? null : new HashSet<>(state.applied().stream().map(a -> a.id()).toList());
        List<Run> runs = database ? runs() : List.of();
        String planSection = database ? planSection(target, plan) : "<p class=\"empty\">No database configured: give "
                + "plccoach.url (or DATABASE_URL) to see what is applied, the recent runs and the plan.</p>\n";
        String html = page(history, applied, runs, planSection, target);
        LOG.debug("Report: {} revision(s), {} run(s)", history.size(), runs.size());
        return new HtmlReport(html, history.size(), applied == null ? -1 : applied.size(), runs.size(), null);
    }

    private List<Run> runs() {
        try (Connection connection = new ConnectionFactory(config).open()) {
            return RecentRuns.read(connection, config.schema());
        } catch (SQLException e) {
            throw new com.plccoach.migrations.DatabaseUnavailableException("Cannot read the recent runs: " + e.getMessage(), e);
        }
    }

    /** A plan that cannot be made (several heads, an unknown target) is shown with its message, not a failed page. */
    private static String planSection(String target, Supplier<PlanReport> plan) {
        try {
            PlanReport report = plan.get();
            return "<p class=\"verdict " + (report.refused() ? "refused" : "runs") + "\">" + (report.revisions().isEmpty()
                    ? "Nothing to do: the database is at " + Html.escape(target)
                    : Html.escape(report.direction().name().toLowerCase()) + " to " + Html.escape(target) + ": "
                    + report.revisions().size() + " revision(s), " + (report.refused() ? "REFUSED" : "would run"))
                    + "</p>\n<pre class=\"plan\">" + Html.escape(report.render()) + "</pre>\n";
        } catch (MigrationException e) {
            return "<p class=\"verdict refused\">No plan to " + Html.escape(target) + ":</p>\n<pre class=\"plan\">"
                    + Html.escape(e.getMessage()) + "</pre>\n";
        }
    }

    private static String page(List<HistoryEntry> history, Set<String> applied, List<Run> runs, String planSection,
                               String target) {
        long pending = applied == null ? 0 : history.stream().filter(h -> !applied.contains(h.revision().id())).count();
        String summary = history.size() + " revision(s), " + history.stream().filter(HistoryEntry::head).count() + " head(s)"
                + (applied == null ? "" : ", " + applied.size() + " applied, " + pending + " pending");
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
                + "<title>PLC Coach Migrations report</title>\n<style>\n" + STYLE + "</style></head>\n<body>\n"
                + "<h1>PLC Coach Migrations report</h1>\n<p class=\"summary\">" + Html.escape(summary) + ". Made "
                + Html.escape(Instant.now()) + ".</p>\n"
                + "<h2>Revisions</h2>\n<p class=\"legend\"><span class=\"applied\">&#9679; applied</span> "
                + "<span class=\"pending\">&#9675; pending</span></p>\n"
                + GraphSvg.draw(new GraphLayout(history), applied)
                + "<h2>Recent runs</h2>\n" + RunsChart.draw(runs)
                + "<h2>Plan to " + Html.escape(target) + "</h2>\n" + planSection
                + "</body></html>\n";
    }

    private static final String STYLE = """
            body { font: 14px/1.4 system-ui, sans-serif; margin: 24px; color: #1d2330; background: #fff; }
            h1 { font-size: 22px; } h2 { font-size: 17px; margin-top: 28px; border-bottom: 1px solid #d5dae3; }
            svg.graph text { font: 13px ui-monospace, monospace; fill: #1d2330; }
            svg.graph .label { fill: #6b4fbb; } svg.graph .message { fill: #3d4659; } svg.graph .state { fill: #8a93a6; }
            .edge { fill: none; stroke: #8a93a6; stroke-width: 2; }
            .revision circle { stroke-width: 2.5; stroke: #8a93a6; fill: #dfe3ea; }
            .revision.applied circle { stroke: #1f7a3a; fill: #2ea44f; }
            .revision.pending circle { stroke: #c26b00; fill: #fff; }
            .legend .applied { color: #2ea44f; } .legend .pending { color: #c26b00; }
            rect.run.success { fill: #2ea44f; } rect.run.failed { fill: #cf222e; } .axis { font-size: 11px; fill: #8a93a6; }
            table.runs { border-collapse: collapse; margin-top: 8px; }
            table.runs td, table.runs th { padding: 2px 10px; border-bottom: 1px solid #eef0f4; text-align: left; }
            tr.failed td { color: #cf222e; }
            pre.plan { background: #f6f8fa; padding: 12px; overflow-x: auto; }
            .verdict.refused { color: #cf222e; font-weight: bold; } .verdict.runs { color: #1f7a3a; font-weight: bold; }
            .empty { color: #8a93a6; }
            """;

    @Override
    public String toString() {
        return "ReportBuilder[" + MigratorConfig.redactUrl(config.url()) + "]";
    }
}
