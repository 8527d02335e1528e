package com.plccoach.migrations.internal.execution;

import com.plccoach.migrations.Direction;
import com.plccoach.migrations.MigratorConfig;
import com.plccoach.migrations.ScriptSource;
import com.plccoach.migrations.internal.graph.Plan;
import com.plccoach.migrations.internal.script.Revision;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A linear chain of revisions built in code, with the planning a linear graph needs, so the runner
 * can be proven without the file parser and graph (which have their own tests).
 */
public final class Chain implements PlanSource {

    private final List<Revision> revisions;

    private Chain(List<Revision> revisions) {
        this.revisions = List.copyOf(revisions);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Revision revision(String id, String parent, String up, String down, boolean transactional) {
        String checksum = sha256((parent == null ? "" : parent) + "\n" + up);
        return new Revision(id, parent == null ? List.of() : List.of(parent), List.of(), List.of(), "make " + id, null,
                transactional, up, 5, down, down == null ? 0 : 5 + up.split("\n", -1).length + 1, id + ".sql", checksum);
    }

    public List<Revision> list() {
        return revisions;
    }

    public Chain with(Revision replacement) {
        return new Chain(revisions.stream().map(r -> r.id().equals(replacement.id()) ? replacement : r).toList());
    }

    public Chain without(String id) {
        return new Chain(revisions.stream().filter(r -> !r.id().equals(id)).toList());
    }

    @Override
    public Map<String, Revision> revisions() {
        Map<String, Revision> byId = new LinkedHashMap<>();
        revisions.forEach(r -> byId.put(r.id(), r));
        return byId;
    }

    /** Planning towards a fixed target: "head", "base" or an id. */
    public PlanSource to(Direction direction, String target) {
        Chain chain = this;
        return new PlanSource() {
            @Override
            public Map<String, Revision> revisions() {
                return chain.revisions();
            }

            @Override
            public Plan plan(Set<String> applied) {
                return chain.plan(direction, target, applied);
            }

            @Override
            public List<String> headsOf(Set<String> applied) {
                return chain.headsOf(applied);
            }

            @Override
            public String describe() {
                return chain.describe();
            }
        };
    }

    Plan plan(Direction direction, String target, Set<String> applied) {
        int targetIndex = target.equals("head") ? revisions.size() - 1 : target.equals("base") ? -1 : indexOf(target);
        List<Revision> steps = new ArrayList<>();
        if (direction == Direction.UPGRADE) {
            for (int i = 0; i <= targetIndex; i++) {
                if (!applied.contains(revisions.get(i).id())) {
                    steps.add(revisions.get(i));
                }
            }
        } else {
            for (int i = revisions.size() - 1; i > targetIndex; i--) {
                if (applied.contains(revisions.get(i).id())) {
                    steps.add(revisions.get(i));
                }
            }
        }
        return new Plan(direction, target, steps);
    }

    private int indexOf(String id) {
        for (int i = 0; i < revisions.size(); i++) {
            if (revisions.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no revision " + id);
    }

    @Override
    public Plan plan(Set<String> applied) {
        return plan(Direction.UPGRADE, "head", applied);
    }

    @Override
    public List<String> headsOf(Set<String> applied) {
        for (int i = revisions.size() - 1; i >= 0; i--) {
            if (applied.contains(revisions.get(i).id())) {
                return List.of(revisions.get(i).id());
            }
        }
        return List.of();
    }

    @Override
    public String describe() {
        return "the test chain";
    }

    public static Executor executor(String url, Duration lockWait, boolean perRevision) {
        return executor(url, lockWait, perRevision, "public", Duration.ofSeconds(10));
    }

    public static Executor executor(String url, Duration lockWait, boolean perRevision, String schema, Duration lockTimeout) {
        MigratorConfig config = new MigratorConfig(url, null, null, null, null, ScriptSource.directory(java.nio.file.Path.of(".")),
                schema, Map.of(), perRevision, lockTimeout, lockWait, false, null, null, null, null, null, null);
        Supplier<Connection> connections = () -> new com.plccoach.migrations.internal.connection.ConnectionFactory(config).open();
        return new Executor(config, connections);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "Chain" + revisions.stream().map(Revision::id).toList();
    }

    public static final class Builder {
        private final List<Revision> revisions = new ArrayList<>();

        public Builder add(String id, String up, String down) {
            return add(id, up, down, true);
        }

        public Builder add(String id, String up, String down, boolean transactional) {
            String parent = revisions.isEmpty() ? null : revisions.get(revisions.size() - 1).id();
            revisions.add(revision(id, parent, up, down, transactional));
            return this;
        }

        public Chain build() {
            return new Chain(revisions);
        }
    }
}
