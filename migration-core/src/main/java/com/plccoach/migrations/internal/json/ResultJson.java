package com.plccoach.migrations.internal.json;

import com.plccoach.migrations.AlembicImportResult;
import com.plccoach.migrations.AppliedRevision;
import com.plccoach.migrations.AutogenerateResult;
import com.plccoach.migrations.CheckFailedException;
import com.plccoach.migrations.CheckReport;
import com.plccoach.migrations.CurrentState;
import com.plccoach.migrations.DriftReport;
import com.plccoach.migrations.EnvironmentException;
import com.plccoach.migrations.FleetFailedException;
import com.plccoach.migrations.FleetReport;
import com.plccoach.migrations.FleetResult;
import com.plccoach.migrations.HistoryEntry;
import com.plccoach.migrations.HtmlReport;
import com.plccoach.migrations.ImportResult;
import com.plccoach.migrations.LintFinding;
import com.plccoach.migrations.MigrationResult;
import com.plccoach.migrations.PlanReport;
import com.plccoach.migrations.RestoreResult;
import com.plccoach.migrations.RevisionInfo;
import com.plccoach.migrations.VerifyReport;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes each goal's result in format 1 (docs/json-format.md). A new field is a compatible change;
 * renaming or removing one, or changing its meaning, is format 2.
 */
public final class ResultJson {

    public static final int FORMAT = 1;

    private ResultJson() {
    }

    /** The result of {@code goal}; a value of a type this format does not describe is an {@link IllegalArgumentException}. */
    public static String of(String goal, Object result) {
        JsonOut out = header(goal).field("outcome", "success");
        body(out, result);
        return out.end().text();
    }

    /**
     * A goal that failed: the message the user saw and whose fault it was; a failed {@code check} first
     * writes every finding by kind, as a passing one does.
     */
    public static String failure(String goal, RuntimeException error) {
        JsonOut out = header(goal).field("outcome", "failure");
        if (error instanceof CheckFailedException failed && failed.report() != null) {
            check(out, failed.report());
        } else if (error instanceof FleetFailedException failed) {
            fleet(out, failed.report());
        }
        return out.object("error")
                .field("kind", error instanceof EnvironmentException ? "environment" : "input")
                .field("type", error.getClass().getSimpleName())
                .field("message", error.getMessage())
                .end().end().text();
    }

    private static JsonOut header(String goal) {
        return new JsonOut().start().field("format", FORMAT).field("goal", goal);
    }

    private static void body(JsonOut out, Object result) {
        if (result instanceof MigrationResult r) {
            migration(out, r);
        } else if (result instanceof PlanReport r) {
            PlanJson.write(out, r);
        } else if (result instanceof CheckReport r) {
            check(out, r);
        } else if (result instanceof DriftReport r) {
            drift(out.object("drift"), r).end();
        } else if (result instanceof VerifyReport r) {
            verify(out, r);
        } else if (result instanceof CurrentState r) {
            current(out, r);
        } else if (result instanceof RestoreResult r) {
            restore(out, r);
        } else if (result instanceof AutogenerateResult r) {
            out.strings("files", r.files().stream().map(p -> p.toAbsolutePath().toString()).toList())
                    .strings("changes", r.changes()).millis("durationMs", r.duration());
        } else if (result instanceof HtmlReport r) {
            out.file("file", r.file()).field("revisions", r.revisions()).field("applied", r.applied()).field("runs", r.runs());
        } else if (result instanceof RevisionInfo r) {
            revision(out.object("revision"), r).end();
        } else if (result instanceof ImportResult r) {
            out.strings("written", paths(r.written())).strings("unchanged", paths(r.unchanged()))
                    .strings("applied", r.applied()).field("stamped", r.stamped()).field("state", r.state());
        } else if (result instanceof AlembicImportResult r) {
            out.field("revisions", r.revisions()).strings("written", paths(r.written())).strings("unchanged", paths(r.unchanged()))
                    .strings("stubs", r.stubs()).field("database", r.database()).strings("alembicHeads", r.alembicHeads())
                    .strings("recorded", r.recorded());
        } else if (result instanceof String sql) {
            out.field("sql", sql);
        } else if (result instanceof Path p) {
            out.strings("files", List.of(p.toAbsolutePath().toString()));
        } else if (result instanceof List<?> list) {
            list(out, list);
        } else if (result instanceof FleetReport<?> r) {
            fleet(out, r);
        } else if (result != null) {
            throw new IllegalArgumentException("No JSON format for " + result.getClass().getName());
        }
    }

    /** One entry per member, in the order they were listed, each with the shape its own result has when run alone. */
    private static void fleet(JsonOut out, FleetReport<?> report) {
        out.field("operation", report.operation()).field("target", report.target()).field("parallelism", report.parallelism())
                .millis("durationMs", report.duration()).field("count", report.results().size())
                .field("failed", report.failures().size()).array("databases");
        for (FleetResult<?> member : report.results()) {
            out.startItem().field("database", member.database()).field("outcome", member.outcome().name().toLowerCase())
                    .strings("from", member.from()).strings("to", member.to()).field("revisions", member.revisions())
                    .millis("durationMs", member.duration()).field("error", member.error());
            if (member.result() != null) {
                body(out.object("result"), member.result());
                out.end();
            }
            out.end();
        }
        out.endArray();
    }

    private static List<String> paths(List<Path> files) {
        return files.stream().map(p -> p.toAbsolutePath().toString()).toList();
    }

    private static void list(JsonOut out, List<?> list) {
        out.field("count", list.size()).array("revisions");
        for (Object item : list) {
            out.startItem();
            if (item instanceof HistoryEntry entry) {
                revision(out, entry.revision()).field("head", entry.head()).field("branchPoint", entry.branchPoint())
                        .field("mergePoint", entry.mergePoint()).field("graph", entry.graph().stripTrailing());
            } else if (item instanceof RevisionInfo info) {
                revision(out, info);
            } else {
                throw new IllegalArgumentException("No JSON format for a list of " + item.getClass().getName());
            }
            out.end();
        }
        out.endArray();
    }

    private static void migration(JsonOut out, MigrationResult r) {
        out.field("direction", r.direction().name().toLowerCase()).field("target", r.target())
                .strings("headsBefore", r.headsBefore()).strings("headsAfter", r.headsAfter())
                .field("upToDate", r.upToDate()).millis("durationMs", r.duration())
                .field("count", r.steps().size()).array("revisions");
        for (MigrationResult.Step step : r.steps()) {
            out.startItem().field("revision", step.revision()).field("message", step.message())
                    .millis("durationMs", step.duration()).end();
        }
        out.endArray().file("backup", r.backup());
    }

    private static void check(JsonOut out, CheckReport r) {
        out.object("findings")
                .strings("graphErrors", r.graphErrors())
                .strings("missingFiles", r.missingFiles())
                .strings("checksumDrift", r.checksumDrift())
                .strings("severalHeads", r.multipleHeads() ? r.heads() : List.of());
        if (r.liveDrift() != null) {
            out.strings("liveDrift", r.liveDrift().differences());
        }
        if (r.desiredDrift() != null) {
            out.strings("desiredSchemaDrift", r.desiredDrift().differences());
        }
        out.array("lockHazards");
        for (LintFinding f : r.lintFindings()) {
            out.startItem().field("rule", f.rule()).field("revision", f.revision()).field("location", f.location())
                    .field("line", f.line()).field("table", f.table()).field("problem", f.problem())
                    .field("saferForm", f.saferForm()).field("tableBytes", f.tableBytes()).field("rowEstimate", f.rowEstimate()).end();
        }
        out.endArray().end().strings("heads", r.heads()).strings("appliedHeads", r.appliedHeads()).strings("pending", r.pending());
    }

    private static JsonOut drift(JsonOut out, DriftReport r) {
        return out.field("compared", r.compared()).field("clean", r.clean()).strings("differences", r.differences())
                .millis("durationMs", r.duration());
    }

    private static void verify(JsonOut out, VerifyReport r) {
        out.field("clean", r.clean()).field("database", r.database()).millis("durationMs", r.duration())
                .field("count", r.revisions().size()).array("revisions");
        for (VerifyReport.RevisionCheck check : r.revisions()) {
            out.startItem().field("revision", check.revision()).field("message", check.message()).field("clean", check.clean())
                    .strings("problems", check.problems()).end();
        }
        out.endArray();
    }

    private static void current(JsonOut out, CurrentState r) {
        out.strings("heads", r.heads()).field("atBase", r.atBase()).field("count", r.applied().size()).array("applied");
        for (AppliedRevision a : r.applied()) {
            out.startItem().field("revision", a.id()).field("checksum", a.checksum()).field("appliedAt", a.appliedAt())
                    .field("appliedBy", a.appliedBy()).millis("durationMs", a.duration()).end();
        }
        out.endArray();
    }

    private static void restore(JsonOut out, RestoreResult r) {
        out.file("archive", r.archive()).field("database", r.database()).strings("tables", r.tables())
                .field("dataOnly", r.dataOnly()).strings("columns", r.columns()).field("columnValues", r.columnValues())
                .millis("durationMs", r.duration());
    }

    static JsonOut revision(JsonOut out, RevisionInfo r) {
        return out.field("revision", r.id()).strings("parents", r.parents()).strings("branchLabels", r.branchLabels())
                .strings("dependsOn", r.dependsOn()).field("message", r.message()).field("createDate", r.createDate())
                .field("location", r.location()).field("transactional", r.transactional()).field("reversible", r.reversible());
    }
}
