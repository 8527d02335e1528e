package com.plccoach.schema.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.plccoach.migrations.FleetConfig;
import com.plccoach.migrations.FleetReport;
import com.plccoach.migrations.MigrationResult;
import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.ScriptSource;
import com.plccoach.migrations.testing.TestDatabase;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Schema per tenant: PLC Coach's schema in 100 schemas of one database ({@code -Dplccoach.fleet.schemas=N} for another count). */
class FleetSchemasTest {

    private static final int SCHEMAS = Integer.getInteger("plccoach.fleet.schemas", 100);

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static FleetReport<MigrationResult> report;

    @BeforeAll
    static void upgradeEveryTenant() throws Exception {
        // the server-wide extension lives in public, where every tenant's search_path (tenant, public) finds its types
        FleetServers.execute(db.url(), "CREATE EXTENSION vector");
        List<String> tenants = IntStream.range(0, SCHEMAS).mapToObj(i -> "tenant_" + i).toList();
        report = Migrator.builder().url(db.url()).scripts(ScriptSource.classpath("db/revisions")).build()
                .fleet(FleetConfig.schemas(tenants).withParallelism(8)).upgrade("head");
    }

    @Test
    void every_schema_is_at_head_with_its_own_state_tables() throws Exception {
        assertThat(report.succeeded()).isTrue();
        assertThat(db.query("SELECT count(*) FROM pg_tables WHERE tablename = 'plccoach_version' AND schemaname LIKE 'tenant_%'"))
                .containsExactly(String.valueOf(SCHEMAS));
        assertThat(db.query("SELECT count(*) FROM pg_views WHERE viewname = 'user_monthly_usage' AND schemaname LIKE 'tenant_%'"))
                .containsExactly(String.valueOf(SCHEMAS));
        assertThat(db.query("SELECT string_agg(id, ',' ORDER BY id) FROM tenant_" + (SCHEMAS - 1) + ".plccoach_version"))
                .containsExactly("001,002,003,004,005");
        System.out.println("schema per tenant: " + report.summary());
    }

    @Test
    void nothing_lands_in_public_but_the_extension() throws Exception {
        assertThat(db.query("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).containsExactly("0");
    }
}
