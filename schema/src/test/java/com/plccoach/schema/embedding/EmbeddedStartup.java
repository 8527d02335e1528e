package com.plccoach.schema.embedding;

import com.plccoach.migrations.MigrationResult;
import com.plccoach.migrations.Migrator;
import com.plccoach.migrations.ScriptSource;

/**
 * A service's start-up, as the README shows it: PLC Coach's schema comes from the plccoach-schema
 * jar on the classpath and is brought to head before anything else runs. The URL comes from the
 * environment, like a real deployment's (and so stays out of the process arguments).
 */
public final class EmbeddedStartup {

    private EmbeddedStartup() {
    }

    public static void main(String[] args) {
        MigrationResult result = Migrator.builder()
                .url(System.getenv("PLCCOACH_DB_URL"))
                .scripts(ScriptSource.classpath("db/revisions"))
                .build()
                .upgrade("head");
        System.out.println("schema at " + result.headsAfter() + " after " + result.steps().size() + " revision(s)");
        System.out.println(result.toJson());
    }
}
