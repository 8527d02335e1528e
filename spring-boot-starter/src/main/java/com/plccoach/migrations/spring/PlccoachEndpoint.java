package com.plccoach.migrations.spring;

import com.plccoach.migrations.AppliedRevision;
import com.plccoach.migrations.CheckReport;
import com.plccoach.migrations.CurrentState;
import com.plccoach.migrations.Migrator;
import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/** {@code /actuator/plccoach}: the applied revisions, the pending ones and the heads, read-only. */
@Endpoint(id = "plccoach")
public class PlccoachEndpoint {

    private final Migrator migrator;

    public PlccoachEndpoint(Migrator migrator) {
        this.migrator = migrator;
    }

    @ReadOperation
    public Revisions revisions() {
        CurrentState current = migrator.current();
        CheckReport check = migrator.check();
        return new Revisions(current.applied().stream().map(Applied::of).toList(), check.pending(), check.heads(),
                current.heads(), check.problems(true));
    }

    /**
     * The endpoint's JSON.
     *
     * @param applied      applied revisions, oldest first
     * @param pending      revisions an upgrade to heads would apply, in that order
     * @param heads        heads of the revision graph (the files)
     * @param appliedHeads heads of the applied set (the database)
     * @param problems     missing files and checksum drift, as {@code check} words them
     */
    public record Revisions(List<Applied> applied, List<String> pending, List<String> heads, List<String> appliedHeads,
                            List<String> problems) {
    }

    /** One applied revision; times as ISO-8601 text so every JSON mapper writes them alike. */
    public record Applied(String revision, String appliedAt, String appliedBy, long durationMillis, String checksum) {

        static Applied of(AppliedRevision revision) {
            return new Applied(revision.id(), String.valueOf(revision.appliedAt()), revision.appliedBy(),
                    revision.duration() == null ? 0 : revision.duration().toMillis(), revision.checksum());
        }
    }

    @Override
    public String toString() {
        return "PlccoachEndpoint[" + migrator + "]";
    }
}
