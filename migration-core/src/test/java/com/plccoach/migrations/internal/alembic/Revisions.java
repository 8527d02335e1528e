package com.plccoach.migrations.internal.alembic;

import java.util.List;

/** Alembic revisions as the helper reports them, for tests that need no Python. */
final class Revisions {

    private Revisions() {
    }

    static AlembicRevision rendered(String id, List<String> parents, String up, String down) {
        return new AlembicRevision(id, parents, List.of(), List.of(), "2025-11-13 01:00:00", "revision " + id,
                "alembic/versions/" + id + ".py", up, null, down, null, false);
    }

    static AlembicRevision upNeedsDatabase(String id, List<String> parents) {
        return new AlembicRevision(id, parents, List.of(), List.of(), "2025-11-20 09:00:00", "backfill names",
                "alembic/versions/" + id + ".py", null, "NeedsDatabase: op.get_bind() reads the database (x.py, line 19)",
                "", null, false);
    }
}
