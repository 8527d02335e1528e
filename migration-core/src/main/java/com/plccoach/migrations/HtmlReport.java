package com.plccoach.migrations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@link Migrator#report(String)} drew: one self-contained HTML page (no script, style or font
 * fetched at view time) with the revision graph as SVG, recent runs and the plan to a target.
 *
 * @param html      the page
 * @param revisions revisions in the graph, one SVG node each
 * @param applied   revisions applied in the database; -1 when no database is configured
 * @param runs      rows of {@code plccoach_history} shown
 * @param file      where {@link #writeTo(Path)} wrote the page; null before
 */
public record HtmlReport(String html, int revisions, int applied, int runs, Path file) {

    /** Writes the page (creating its directory) and returns this report with its file. */
    public HtmlReport writeTo(Path path) {
        try {
            if (path.toAbsolutePath().getParent() != null) {
                Files.createDirectories(path.toAbsolutePath().getParent());
            }
            Files.writeString(path, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EnvironmentException("Cannot write the report to " + path + ": " + e.getMessage()
                    + ". Give a writable file, e.g. target/plccoach/report.html", e);
        }
        return new HtmlReport(html, revisions, applied, runs, path);
    }

    /** This report in the format of docs/json-format.md (goal {@code report}), without the page itself. */
    public String toJson() {
        return Json.of("report", this);
    }

    @Override
    public String toString() {
        return "report of " + revisions + " revision(s)" + (applied < 0 ? "" : ", " + applied + " applied") + ", " + runs
                + " recent run(s)" + (file == null ? "" : " in " + file);
    }
}
