package com.plccoach.schema.fleet;

import com.plccoach.migrations.FleetConfig;
import com.plccoach.migrations.FleetReport;
import com.plccoach.migrations.MigrationResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Databases per second for PLC Coach's 5 revisions on a fleet spread over the two servers, at
 * parallelism 1, 4 and 8, against the baseline in the same process on the same databases: a shell
 * loop of {@code psql -f} running the SQL that {@code plccoach:upgrade -Dplccoach.sql=true} prints
 * (the same statements, version rows included). Between runs every database is emptied again
 * ({@code DROP SCHEMA public CASCADE}), which is not timed. Run with
 * {@code ./mvnw -B -q -pl migration-core,schema test-compile exec:java -Dexec.skip=true -Dexec.classpathScope=test
 * -Dexec.mainClass=com.plccoach.schema.fleet.FleetBenchmark -Dexec.args=200}.
 */
public final class FleetBenchmark {

    private FleetBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        FleetServers servers = new FleetServers("bench");
        Path dir = Files.createTempDirectory("fleet-bench");
        try {
            List<String> urls = servers.create(n);
            Path script = Files.writeString(dir.resolve("upgrade.sql"), FleetServers.template().upgradeSql("base:head"));
            double psql = psqlLoop(urls, script, dir);
            System.out.printf(Locale.ROOT, "fleet of %d databases on %d server(s), PLC Coach's 5 revisions:%n", n, servers.servers());
            System.out.printf(Locale.ROOT, "  psql -f in a shell loop:      %6.1f databases/s (baseline)%n", n / psql);
            for (int parallelism : new int[] {1, 4, 8}) {
                reset(urls);
                long start = System.nanoTime();
                FleetReport<MigrationResult> report = FleetServers.template().fleet(FleetConfig.databases(urls)
                        .withParallelism(parallelism)).upgrade("head").requireSuccess();
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "  plccoach fleet, parallelism %d: %6.1f databases/s (%.2fx the psql loop; %.0f ms per database)%n",
                        parallelism, n / seconds, psql / seconds, seconds * 1000 / n * parallelism);
                if (report.results().size() != n) {
                    throw new IllegalStateException("expected " + n + " results, got " + report.results().size());
                }
            }
        } finally {
            servers.dropAll();
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Seconds for {@code for db in ...; do psql -f upgrade.sql; done} over every database. */
    private static double psqlLoop(List<String> urls, Path script, Path dir) throws Exception {
        List<String> conninfos = new ArrayList<>();
        for (String url : urls) {
            // jdbc:postgresql://host:port/db?user=u -> libpq's key=value form
            String rest = url.substring("jdbc:postgresql://".length());
            String hostPort = rest.substring(0, rest.indexOf('/'));
            String db = rest.substring(rest.indexOf('/') + 1).replaceAll("\\?.*", "");
            String user = rest.contains("user=") ? rest.replaceAll(".*user=([^&]*).*", "$1") : System.getProperty("user.name");
            conninfos.add("host=" + hostPort.split(":")[0] + " port=" + hostPort.split(":")[1] + " dbname=" + db + " user=" + user);
        }
        Path list = Files.write(dir.resolve("databases.txt"), conninfos, StandardCharsets.UTF_8);
        String loop = "export PGOPTIONS=\"-c client_min_messages=warning\"; while IFS= read -r db; do psql -X -q -v ON_ERROR_STOP=1 -d \"$db\" -f '" + script + "' >/dev/null || exit 1; done < '"
                + list + "'";
        long start = System.nanoTime();
        Process process = new ProcessBuilder("bash", "-c", loop).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the psql loop failed (exit " + process.exitValue() + ")");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void reset(List<String> urls) throws Exception {
        for (String url : urls) {
            FleetServers.execute(url, "DROP SCHEMA public CASCADE; CREATE SCHEMA public");
        }
    }
}
