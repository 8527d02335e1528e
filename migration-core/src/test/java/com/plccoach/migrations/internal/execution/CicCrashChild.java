package com.plccoach.migrations.internal.execution;

import com.plccoach.migrations.Direction;

/**
 * The runner JVM that {@link CicCrashTest} kills: a 50-revision upgrade with a named and an unnamed
 * {@code CREATE INDEX CONCURRENTLY} ({@code transactional: false}) on a table big enough for the
 * index builds to take a while.
 */
public final class CicCrashChild {

    static final String APPLICATION_NAME = "plccoach-cic-crash-child";
    static final int REVISIONS = 50;
    static final String NAMED = "r20";
    static final String UNNAMED = "r35";

    private CicCrashChild() {
    }

    static Chain chain(int bigRows) {
        Chain.Builder builder = Chain.builder();
        builder.add("r01", "CREATE TABLE tbig (id int NOT NULL, v int, w text);\n"
                + "INSERT INTO tbig SELECT g, g % 1000, md5(g::text) FROM generate_series(1, " + bigRows + ") g;", "DROP TABLE tbig;");
        for (int i = 2; i <= REVISIONS; i++) {
            String id = String.format("r%02d", i);
            if (id.equals(NAMED)) {
                builder.add(id, "CREATE INDEX CONCURRENTLY tbig_cic ON tbig (v, w);", "DROP INDEX CONCURRENTLY tbig_cic;", false);
            } else if (id.equals(UNNAMED)) {
                builder.add(id, "CREATE UNIQUE INDEX CONCURRENTLY ON tbig (id);", "DROP INDEX CONCURRENTLY tbig_id_idx;", false);
            } else {
                builder.add(id, "CREATE TABLE t" + i + " (id int PRIMARY KEY);\nINSERT INTO t" + i + " SELECT generate_series(1, 100);",
                        "DROP TABLE t" + i + ";");
            }
        }
        return builder.build();
    }

    public static void main(String[] args) {
        String url = args[0];
        int bigRows = Integer.parseInt(args[1]);
        CrashChild.executor(url, false, APPLICATION_NAME).run(Direction.UPGRADE, "head", chain(bigRows).to(Direction.UPGRADE, "head"),
                BeforeRun.NONE);
    }
}
