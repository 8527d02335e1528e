package com.plccoach.migrations.spring.bench;

import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.ScriptSource;
import com.plccoach.migrations.spring.PlccoachAutoConfiguration;
import com.plccoach.migrations.testing.PostgresServer;
import com.plccoach.migrations.testing.RevisionFiles;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What migrating at start costs a Spring Boot service when nothing is pending: the same application
 * started in fresh JVMs with {@code plccoach.enabled=true} (1,000 applied revisions, the starter's
 * up-to-date check) and {@code false}, both reading the database once at start (as any service does,
 * so PgJDBC's loading and first connection count on both sides). Starts alternate; the difference of
 * the medians is the starter's cost. No test asserts a time.
 *
 * <pre>
 * ./mvnw -B -q -pl spring-boot-starter test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
 * java -cp "$(cat spring-boot-starter/target/bench-classpath.txt):spring-boot-starter/target/classes:spring-boot-starter/target/test-classes" \
 *     com.plccoach.migrations.spring.bench.StartupCost [revisions [rounds]]      # 1000 7
 * </pre>
 */
public final class StartupCost {

    private StartupCost() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            child(Boolean.parseBoolean(args[1]), args[2], Path.of(args[3]));
            return;
        }
        int revisions = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        PostgresServer server = PostgresServer.get();
        String database = "bench_start_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Path work = Files.createTempDirectory("plccoach-startup");
        try (Connection admin = server.connectAdmin(); Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + database);
        }
        try {
            String url = server.urlFor(database);
            RevisionFiles files = RevisionFiles.in(work);
            for (int i = 1; i <= revisions; i++) {
                files.write(String.format("r%04d", i), i == 1 ? "base" : String.format("r%04d", i - 1),
                        "CREATE TABLE t_" + i + " (id bigint PRIMARY KEY, name text NOT NULL, created_at timestamptz DEFAULT now());",
                        "DROP TABLE t_" + i + ";");
            }
            Migrator.builder().url(url).scripts(ScriptSource.directory(work)).build().upgrade("head");
            measure(url, work, revisions, rounds);
        } finally {
            try (Connection admin = server.connectAdmin(); Statement st = admin.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + database);
            }
            try (var paths = Files.walk(work)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void measure(String url, Path work, int revisions, int rounds) throws IOException, InterruptedException {
        List<Long> with = new ArrayList<>();
        List<Long> without = new ArrayList<>();
        for (int round = 0; round <= rounds; round++) { // round 0 warms the disk cache and is discarded
            boolean first = round % 2 == 0;
            for (boolean enabled : new boolean[] {first, !first}) {
                long ms = start(enabled, url, work);
                if (round > 0) {
                    (enabled ? with : without).add(ms);
                }
            }
        }
        Collections.sort(with);
        Collections.sort(without);
        long withMedian = with.get(with.size() / 2);
        long withoutMedian = without.get(without.size() / 2);
        System.out.printf("StartupCost: a Spring Boot application started in a fresh JVM, %d applied revisions, medians of %d starts%n",
                revisions, rounds);
        System.out.printf("  plccoach.enabled=false (one SELECT 1 at start): %5d ms  %s%n", withoutMedian, without);
        System.out.printf("  plccoach.enabled=true (up-to-date check):        %5d ms  %s%n", withMedian, with);
        System.out.printf("  the starter's cost at start-up: %d ms (%.2fx the start without it)%n", withMedian - withoutMedian,
                (double) withMedian / withoutMedian);
    }

    /** Starts the application in a fresh JVM and returns its start time in ms, JVM start-up included. */
    private static long start(boolean enabled, String url, Path work) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), StartupCost.class.getName(), "child", String.valueOf(enabled), url,
                work.toString()).redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (p.waitFor() != 0 || !out.contains("started in ")) {
            throw new IllegalStateException("the application did not start:\n" + out);
        }
        String tail = out.substring(out.lastIndexOf("started in ") + "started in ".length());
        return Long.parseLong(tail.substring(0, tail.indexOf(' ')));
    }

    private static void child(boolean enabled, String url, Path work) {
        SpringApplication app = new SpringApplication(Application.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        app.setDefaultProperties(Map.of("plccoach.enabled", String.valueOf(enabled), "plccoach.locations", "file:" + work,
                "bench.url", url));
        try (ConfigurableApplicationContext context = app.run()) {
            System.out.println("started in " + ManagementFactory.getRuntimeMXBean().getUptime() + " ms");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(PlccoachAutoConfiguration.class)
    static class Application {

        @Bean
        DataSource dataSource(org.springframework.core.env.Environment environment) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(environment.getRequiredProperty("bench.url"));
            return dataSource;
        }

        /** What any service does at start: reads its database once. */
        @Bean
        ApplicationRunner readsItsDatabase(DataSource dataSource) {
            return args -> {
                try (Connection c = dataSource.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT 1")) {
                    rs.next();
                }
            };
        }
    }
}
