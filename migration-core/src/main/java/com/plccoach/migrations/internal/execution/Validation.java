package com.plccoach.migrations.internal.execution;

import com.plccoach.migrations.Advice;
import com.plccoach.migrations.AppliedRevision;
import com.plccoach.migrations.ValidationException;
import com.plccoach.migrations.internal.script.Revision;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.Set;
import java.util.stream.Collectors;

/** Applied revisions whose file changed or is gone: found before anything runs, reported by check. */
public final class Validation {

    private Validation() {
    }

    /** Applied revisions no file declares, with how to proceed. */
    public static List<String> missingFiles(Map<String, AppliedRevision> applied, Map<String, Revision> known,
                                            Function<Set<String>, List<String>> headsOf, String source, Advice advice) {
        List<String> problems = new ArrayList<>();
        for (AppliedRevision row : applied.values()) {
            if (!known.containsKey(row.id())) {
                problems.add("Revision " + row.id() + " is applied (since " + row.appliedAt() + ", by " + row.appliedBy()
                        + ") but no file in " + source + " declares it. Restore its file; or, if it was removed on purpose and "
                        + "the database no longer has its changes, rebuild the state from the files with "
                        + stamp(applied, known, headsOf, advice, true) + ".");
            }
        }
        return problems;
    }

    /** Applied revisions whose file's checksum differs from the one recorded, with how to proceed. */
    public static List<String> drift(Map<String, AppliedRevision> applied, Map<String, Revision> known,
                                     Function<Set<String>, List<String>> headsOf, Advice advice) {
        List<String> problems = new ArrayList<>();
        for (AppliedRevision row : applied.values()) {
            Revision revision = known.get(row.id());
            if (revision != null && !revision.checksum().equals(row.checksum())) {
                problems.add("Revision " + row.id() + " (" + revision.location() + ") was changed after it was applied (on "
                        + row.appliedAt() + " by " + row.appliedBy() + "): its up part or parents now have checksum "
                        + abbreviate(revision.checksum()) + ", the database recorded " + abbreviate(row.checksum())
                        + ". Put the file back as it was applied (e.g. `git checkout -- " + revision.location() + "`), or, if the "
                        + "database already matches the file as it is now, record it with "
                        + stamp(applied, known, headsOf, advice, false) + ". To change an applied schema, write a new revision.");
            }
        }
        return problems;
    }

    /** Throws when an applied revision's file is missing or changed. */
    public static void requireIntact(Map<String, AppliedRevision> applied, Map<String, Revision> known,
                                     Function<Set<String>, List<String>> headsOf, String source, Advice advice) {
        List<String> problems = new ArrayList<>(missingFiles(applied, known, headsOf, source, advice));
        problems.addAll(drift(applied, known, headsOf, advice));
        if (!problems.isEmpty()) {
            throw new ValidationException("Nothing was run: " + String.join("\n", problems));
        }
    }

    /** The stamp of the applied heads that still have files (base when none has), once per head. */
    private static String stamp(Map<String, AppliedRevision> applied, Map<String, Revision> known,
                                Function<Set<String>, List<String>> headsOf, Advice advice, boolean purge) {
        Set<String> present = applied.keySet().stream().filter(known::containsKey).collect(Collectors.toSet());
        List<String> heads = present.isEmpty() ? List.of("base") : headsOf.apply(present);
        String first = advice.run("stamp", "target", heads.get(0), "purge", String.valueOf(purge));
        return heads.size() == 1 ? first : first + " (and likewise for " + heads.subList(1, heads.size()) + ")";
    }

    private static String abbreviate(String checksum) {
        return checksum.length() > 12 ? checksum.substring(0, 12) + "…" : checksum;
    }
}
