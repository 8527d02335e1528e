package com.plccoach.schema.bench;

import com.plccoach.migrations.BackupMode;
import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.ScriptSource;
import com.plccoach.migrations.VerifyReport;
import com.plccoach.migrations.internal.catalog.CatalogReader;
import com.plccoach.migrations.internal.catalog.SchemaSnapshot;
import com.plccoach.migrations.testing.PostgresServer;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * How long a catalog snapshot and a whole verify take on PLC Coach's schema, medians of N runs
 * (default 5), on the test server. Run with
 * {@code ./mvnw -B -q -pl migration-core,schema test-compile exec:java -Dexec.skip=true -Dexec.classpathScope=test
 * -Dexec.mainClass=com.plccoach.schema.bench.VerifyBenchmark -Dexec.args=5}
 * ({@code exec.skip} keeps exec:java off migration-core; the schema pom un-skips itself).
 */
public final class VerifyBenchmark {

    private VerifyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        PostgresServer server = PostgresServer.get();
        String database = "bench_verify_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection admin = server.connectAdmin(); Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        try {
            String url = server.urlFor(database);
            Migrator migrator = Migrator.builder().url(url).scripts(ScriptSource.classpath("db/revisions"))
                    .backupMode(BackupMode.NONE).build();
            migrator.upgrade("head");
            List<Double> snapshots = new ArrayList<>();
            int objects = 0;
            for (int i = 0; i < runs; i++) {
                try (Connection c = server.connect(url)) {
                    long start = System.nanoTime();
                    SchemaSnapshot snapshot = new CatalogReader("public").read(c);
                    snapshots.add((System.nanoTime() - start) / 1e6);
                    objects = snapshot.objectCount();
                }
            }
            List<Double> verifies = new ArrayList<>();
            int revisions = 0;
            for (int i = 0; i < runs; i++) {
                VerifyReport report = migrator.verify().requireClean();
                verifies.add(report.duration().toNanos() / 1e6);
                revisions = report.revisions().size();
            }
            System.out.printf("catalog snapshot of PLC Coach at head (%d objects): median %.0f ms over %d runs%n",
                    objects, median(snapshots), runs);
            System.out.printf("verify of %d revisions (scratch database created and dropped): median %.0f ms over %d runs, "
                    + "%.0f ms per revision%n", revisions, median(verifies), runs, median(verifies) / revisions);
        } finally {
            try (Connection admin = server.connectAdmin(); Statement s = admin.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
