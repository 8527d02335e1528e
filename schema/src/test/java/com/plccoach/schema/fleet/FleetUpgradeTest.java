package com.plccoach.schema.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.FleetConfig;
import com.plccoach.migrations.FleetFailedException;
import com.plccoach.migrations.FleetReport;
import com.plccoach.migrations.FleetResult;
import com.plccoach.migrations.MigrationResult;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * PLC Coach's schema on a fleet spread over two servers, upgraded 8 at once, one database holding a
 * conflicting table. Short form: 20 databases; the full form, 200: {@code -Dplccoach.fleet.databases=200}.
 * The tests read one fleet run in order; the last one fixes the database and reruns.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetUpgradeTest {

    private static final int DATABASES = Integer.getInteger("plccoach.fleet.databases", 20);
    private static final FleetServers servers = new FleetServers("upgrade");
    private static List<String> urls;
    private static int broken;
    private static FleetReport<MigrationResult> report;

    @BeforeAll
    static void upgradeTheFleet() throws SQLException {
        urls = servers.create(DATABASES);
        broken = DATABASES / 2 + 1;
        FleetServers.execute(urls.get(broken), "CREATE TABLE users (id int)");
        report = FleetServers.template().fleet(FleetConfig.databases(urls).withParallelism(8)).upgrade("head");
    }

    @AfterAll
    static void dropTheFleet() throws SQLException {
        servers.dropAll();
    }

    @Test
    @Order(1)
    void every_other_database_reaches_head_on_both_servers() throws SQLException {
        assertThat(report.results()).hasSize(DATABASES);
        assertThat(report.results()).filteredOn(r -> !r.failed()).hasSize(DATABASES - 1)
                .allSatisfy(r -> assertThat(r.to()).containsExactly("005"));
        assertThat(report.results().stream().map(FleetResult::database).map(d -> d.substring(0, d.indexOf('/'))).distinct())
                .hasSize(servers.servers());
        assertThat(FleetServers.applied(urls.get(0))).containsExactly("001", "002", "003", "004", "005");
    }

    @Test
    @Order(2)
    void the_summary_names_the_failed_database_with_its_error_and_the_run_fails() throws SQLException {
        FleetResult<MigrationResult> failed = report.failures().get(0);

        assertThat(report.failures()).hasSize(1);
        assertThat(failed.database()).isEqualTo(urls.get(broken).replaceAll("^jdbc:postgresql://|\\?.*$", ""));
        assertThat(failed.error()).contains("relation \"users\" already exists");
        assertThat(report.table()).filteredOn(line -> line.startsWith(failed.database()))
                .singleElement().asString().contains("<base> -> <base>").contains("failed: Revision 001 (initial schema) failed in");
        assertThat(FleetServers.applied(urls.get(broken))).isEmpty();
        assertThatThrownBy(report::requireSuccess).isInstanceOf(FleetFailedException.class)
                .hasMessageContaining((DATABASES - 1) + " succeeded, 1 failed").hasMessageContaining(failed.database());
    }

    @Test
    @Order(3)
    void after_the_fix_a_rerun_touches_only_the_database_that_failed() throws SQLException {
        FleetServers.execute(urls.get(broken), "DROP TABLE users");

        FleetReport<MigrationResult> rerun = FleetServers.template().fleet(FleetConfig.databases(urls).withParallelism(8)).upgrade("head");

        assertThat(rerun.succeeded()).isTrue();
        assertThat(rerun.results()).filteredOn(r -> r.revisions() > 0).extracting(FleetResult::database)
                .containsExactly(report.failures().get(0).database());
        System.out.println("fleet of " + DATABASES + " on " + servers.servers() + " server(s): " + report.summary() + "; rerun: "
                + rerun.summary());
    }
}
