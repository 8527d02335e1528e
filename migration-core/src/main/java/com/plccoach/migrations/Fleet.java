package com.plccoach.migrations;

import com.plccoach.migrations.internal.fleet.FleetMember;
import com.plccoach.migrations.internal.fleet.FleetMembers;
import com.plccoach.migrations.internal.fleet.FleetRunner;
import com.plccoach.migrations.internal.fleet.FleetRunner.Summary;
import java.util.List;
import java.util.function.Function;

/**
 * Many databases (or schemas) migrated like one: each member runs exactly what {@link Migrator} runs
 * on one database (its own advisory lock, state tables, backup and data-loss refusal), at most
 * {@link FleetConfig#parallelism()} at once; a failing member stops none of the others unless
 * {@link FleetConfig#failFast()}. Every method returns one result per member and never throws for a
 * member's failure: call {@link FleetReport#requireSuccess()} for that. A rerun does only what is
 * still pending, so after fixing a failed member the same call completes the fleet.
 *
 * <pre>
 * Fleet fleet = template.fleet(FleetConfig.databases(urls).withParallelism(8));
 * fleet.upgrade("head").requireSuccess();
 * // a service provisioning a tenant at runtime:
 * template.fleet(FleetConfig.schemas(List.of("tenant_" + id))).upgrade("head").requireSuccess();
 * </pre>
 */
public final class Fleet {

    private final MigratorConfig template;
    private final FleetConfig fleet;

    /** The template's settings (scripts, credentials, safety) applied to each member of {@code fleet}. */
    public static Fleet of(MigratorConfig template, FleetConfig fleet) {
        return new Fleet(template, fleet);
    }

    private Fleet(MigratorConfig template, FleetConfig fleet) {
        this.template = template;
        this.fleet = fleet;
    }

    /** The members as the logs name them, after running any {@code query:}; connects to nothing else. */
    public List<String> members() {
        return FleetMembers.resolve(template, fleet).stream().map(FleetMember::label).toList();
    }

    public FleetReport<MigrationResult> upgrade(String target) {
        return run("upgrade", target, config -> Migrator.of(config).upgrade(target), Fleet::ofRun);
    }

    /** Each member backs up and refuses data loss on its own, exactly as {@link Migrator#downgrade(String)}. */
    public FleetReport<MigrationResult> downgrade(String target) {
        return run("downgrade", target, config -> Migrator.of(config).downgrade(target), Fleet::ofRun);
    }

    public FleetReport<MigrationResult> stamp(String target, boolean purge) {
        return run("stamp", target, config -> Migrator.of(config).stamp(target, purge), Fleet::ofRun);
    }

    public FleetReport<CurrentState> current() {
        return run("current", null, config -> Migrator.of(config).current(),
                state -> new Summary(state.heads(), state.heads(), state.applied().size()));
    }

    /** {@link Migrator#check(CheckOptions)} on each member: a member whose check fails is a failed member. */
    public FleetReport<CheckReport> check(CheckOptions options) {
        return run("check", null, config -> Migrator.of(config).check(options),
                report -> new Summary(report.appliedHeads(), report.appliedHeads(), report.pending().size()));
    }

    public FleetReport<PlanReport> plan(String target) {
        return run("plan", target, config -> Migrator.of(config).plan(target), report -> new Summary(null, null, report.revisions().size()));
    }

    private <R> FleetReport<R> run(String operation, String target, Function<MigratorConfig, R> task, Function<R, Summary> summary) {
        return new FleetRunner(fleet).run(operation, target, FleetMembers.resolve(template, fleet), task, summary,
                config -> Migrator.of(config).current().heads());
    }

    private static Summary ofRun(MigrationResult result) {
        return new Summary(result.headsBefore(), result.headsAfter(), result.steps().size());
    }

    @Override
    public String toString() {
        return "Fleet[" + fleet + ", template " + template + "]";
    }
}
