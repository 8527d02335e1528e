package com.plccoach.migrations.internal.graph;

import com.plccoach.migrations.internal.script.Revision;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Revisions for graph tests, without files: {@code rev("b", "a")} is b with parent a. */
final class Revisions {

    private Revisions() {
    }

    static Revision rev(String id, String... parents) {
        return new Revision(id, Arrays.asList(parents), List.of(), List.of(), "msg " + id, null, true,
                "CREATE TABLE t_" + id + " ();\n", 6, "DROP TABLE t_" + id + ";\n", 9, id + ".sql", "c" + id);
    }

    static Revision labelled(String id, String label, String... parents) {
        Revision r = rev(id, parents);
        return new Revision(id, r.parents(), List.of(label), List.of(), r.message(), null, true, r.upSql(), 6, r.downSql(), 9,
                r.location(), r.checksum());
    }

    static Revision depending(String id, List<String> dependsOn, String... parents) {
        Revision r = rev(id, parents);
        return new Revision(id, r.parents(), List.of(), dependsOn, r.message(), null, true, r.upSql(), 6, r.downSql(), 9,
                r.location(), r.checksum());
    }

    static Revision irreversible(String id, String... parents) {
        Revision r = rev(id, parents);
        return new Revision(id, r.parents(), List.of(), List.of(), r.message(), null, true, r.upSql(), 6, null, 0,
                r.location(), r.checksum());
    }

    static RevisionGraph graph(Revision... revisions) {
        return RevisionGraph.of(new ArrayList<>(Arrays.asList(revisions)));
    }

    static List<String> ids(List<Revision> revisions) {
        return revisions.stream().map(Revision::id).toList();
    }
}
