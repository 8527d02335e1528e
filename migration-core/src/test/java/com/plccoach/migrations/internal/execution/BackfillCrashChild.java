package com.plccoach.migrations.internal.execution;

import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.ScriptSource;
import java.nio.file.Path;

/** The runner JVM that {@link BackfillCrashTest} kills in the middle of a batched backfill. */
public final class BackfillCrashChild {

    static final String APPLICATION_NAME = "plccoach-backfill-child";

    private BackfillCrashChild() {
    }

    public static void main(String[] args) {
        Migrator.builder().url(args[0]).scripts(ScriptSource.directory(Path.of(args[1]))).applicationName(APPLICATION_NAME)
                .build().upgrade("head");
    }
}
