package com.plccoach.migrations;

import java.util.List;

/** The applied heads (empty at base) and every applied revision. */
public record CurrentState(List<String> heads, List<AppliedRevision> applied) {

    public CurrentState {
        heads = List.copyOf(heads);
        applied = List.copyOf(applied);
    }

    /** This state in the format of docs/json-format.md (goal {@code current}). */
    public String toJson() {
        return Json.of("current", this);
    }

    public boolean atBase() {
        return heads.isEmpty();
    }

    @Override
    public String toString() {
        return heads.isEmpty() ? "<base>" : String.join(", ", heads) + " (" + applied.size() + " applied)";
    }
}
