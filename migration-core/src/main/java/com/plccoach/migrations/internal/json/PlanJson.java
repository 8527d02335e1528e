package com.plccoach.migrations.internal.json;

import com.plccoach.migrations.PlanReport;
import com.plccoach.migrations.PlanReport.DataLoss;
import com.plccoach.migrations.PlanReport.DroppedColumn;
import com.plccoach.migrations.PlanReport.DroppedTable;
import com.plccoach.migrations.PlanReport.LockTaken;
import com.plccoach.migrations.PlanReport.RevisionReport;
import com.plccoach.migrations.PlanReport.Rewrite;
import com.plccoach.migrations.PlanReport.RowChanges;
import com.plccoach.migrations.PlanReport.StatementReport;
import com.plccoach.migrations.PlanReport.TableScan;

/** The plan report: verdict and counts first (what CI reads), then every revision, statement and object. */
final class PlanJson {

    private PlanJson() {
    }

    static void write(JsonOut out, PlanReport r) {
        long statements = r.revisions().stream().mapToLong(rev -> rev.statements().size()).sum();
        long droppedTables = count(r, s -> s.droppedTables().size());
        long droppedColumns = count(r, s -> s.droppedColumns().size());
        long rewrites = count(r, s -> s.rewrites().stream().filter(w -> !w.truncated()).count());
        long truncations = count(r, s -> s.rewrites().stream().filter(Rewrite::truncated).count());
        out.field("direction", r.direction().name().toLowerCase()).field("target", r.target())
                .field("verdict", r.refused() ? "refused" : "would run").field("refusal", r.refusal())
                .object("counts")
                .field("revisions", r.revisions().size()).field("statements", statements)
                .field("droppedTables", droppedTables).field("droppedColumns", droppedColumns)
                .field("rewrites", rewrites).field("truncations", truncations)
                .field("dataLoss", r.dataLoss().size()).field("notAnalysed", r.notAnalysed().size())
                .end();
        out.array("dataLoss");
        for (DataLoss loss : r.dataLoss()) {
            out.startItem().field("object", loss.object()).field("amount", loss.amount()).field("how", loss.how())
                    .field("revision", loss.revision().revision()).field("location", loss.revision().location())
                    .field("line", loss.statement().line()).end();
        }
        out.endArray().array("revisions");
        for (RevisionReport revision : r.revisions()) {
            out.startItem().field("revision", revision.revision()).field("message", revision.message())
                    .field("location", revision.location()).array("statements");
            revision.statements().forEach(s -> statement(out, s));
            out.endArray().end();
        }
        out.endArray();
    }

    private static void statement(JsonOut out, StatementReport s) {
        out.startItem().field("line", s.line()).field("sql", s.sql()).field("outcome", s.outcome().name().toLowerCase())
                .field("detail", s.detail()).field("updateCount", s.updateCount());
        out.array("locks");
        for (LockTaken lock : s.locks()) {
            out.startItem().field("relation", lock.relation()).field("mode", lock.mode().sqlName()).end();
        }
        out.endArray().array("droppedTables");
        for (DroppedTable t : s.droppedTables()) {
            out.startItem().field("relation", t.name()).field("kind", t.kind()).field("partitionOf", t.partitionOf())
                    .field("rows", t.rows()).field("holdsData", t.holdsData()).end();
        }
        out.endArray().array("droppedColumns");
        for (DroppedColumn c : s.droppedColumns()) {
            out.startItem().field("relation", c.table()).field("column", c.column()).field("type", c.type())
                    .field("nonNullValues", c.nonNullValues()).strings("primaryKey", c.primaryKey()).end();
        }
        out.endArray().array("rewrites");
        for (Rewrite w : s.rewrites()) {
            out.startItem().field("relation", w.name()).field("kind", w.kind()).field("partitionOf", w.partitionOf())
                    .field("truncated", w.truncated()).field("bytes", w.bytes()).field("rowsBefore", w.rowsBefore()).end();
        }
        out.endArray().array("scans");
        for (TableScan scan : s.scans()) {
            out.startItem().field("relation", scan.relation()).field("sequentialScans", scan.sequentialScans()).end();
        }
        out.endArray().array("rowChanges");
        for (RowChanges c : s.rowChanges()) {
            out.startItem().field("relation", c.relation()).field("inserted", c.inserted()).field("updated", c.updated())
                    .field("deleted", c.deleted()).field("unfiltered", c.unfiltered()).end();
        }
        out.endArray().end();
    }

    private static long count(PlanReport r, java.util.function.ToLongFunction<StatementReport> f) {
        return r.revisions().stream().flatMap(rev -> rev.statements().stream()).mapToLong(f).sum();
    }
}
