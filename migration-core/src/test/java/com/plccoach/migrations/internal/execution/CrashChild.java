package com.plccoach.migrations.internal.execution;

import com.plccoach.migrations.Direction;
import com.plccoach.migrations.MigratorConfig;
import com.plccoach.migrations.ScriptSource;
import com.plccoach.migrations.internal.connection.ConnectionFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The runner JVM that {@link CrashTest} kills: upgrades {@link #chain()} on the database given as argument. */
public final class CrashChild {

    static final String APPLICATION_NAME = "plccoach-crash-child";
    static final int REVISIONS = 20;
    static final int ROWS = 1000;

    private CrashChild() {
    }

    static Chain chain() {
        Chain.Builder builder = Chain.builder();
        for (int i = 1; i <= REVISIONS; i++) {
            builder.add(String.format("r%02d", i), "CREATE TABLE t" + i + " (id int PRIMARY KEY, v text);\n"
                    + "INSERT INTO t" + i + " SELECT g, md5(g::text) FROM generate_series(1, " + ROWS + ") g;\n"
                    + "SELECT pg_sleep(0.01);", "DROP TABLE t" + i + ";");
        }
        return builder.build();
    }

    static Executor executor(String url, boolean perRevision, String applicationName) {
        MigratorConfig config = new MigratorConfig(url, null, null, null, null, ScriptSource.directory(Path.of(".")), null, Map.of(),
                perRevision, null, Duration.ofSeconds(60), false, null, null, null, null, null, applicationName);
        return new Executor(config, () -> new ConnectionFactory(config).open());
    }

    public static void main(String[] args) {
        String url = args[0];
        boolean perRevision = Boolean.parseBoolean(args[1]);
        executor(url, perRevision, APPLICATION_NAME).run(Direction.UPGRADE, "head", chain().to(Direction.UPGRADE, "head"), BeforeRun.NONE);
    }
}
