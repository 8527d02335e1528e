package com.plccoach.migrations;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that words "what to type" for the entry point in use. A message says
 * {@code advice.set("backupDir", "/var/backups")} and reads {@code -Dplccoach.backupDir=/var/backups} from
 * Maven, {@code Migrator.builder().backupDir(/var/backups)} embedded, {@code plccoach.backup-dir=/var/backups}
 * under Spring Boot; {@code advice.run("upgrade")} reads {@code mvn plccoach:upgrade} or
 * {@code migrator.upgrade(target)}.
 */
public record Advice(EntryPoint entryPoint) {

    public static final Advice EMBEDDED = new Advice(EntryPoint.EMBEDDED);
    public static final Advice MAVEN = new Advice(EntryPoint.MAVEN);

    /** Settings whose builder method is not named like the property. */
    private static final Map<String, String> BUILDER_METHODS = Map.of("backup", "backupMode");

    /** Facade calls for goals, embedded. */
    private static final Map<String, String> CALLS = Map.ofEntries(
            Map.entry("upgrade", "migrator.upgrade(target)"),
            Map.entry("downgrade", "migrator.downgrade(target)"),
            Map.entry("stamp", "migrator.stamp(target, purge)"),
            Map.entry("check", "migrator.check()"),
            Map.entry("plan", "migrator.plan(target)"),
            Map.entry("verify", "migrator.verify()"),
            Map.entry("merge", "migrator.merge(heads, message)"),
            Map.entry("revision", "migrator.newRevision(message, parent, branchLabel, id)"),
            Map.entry("autogenerate", "migrator.autogenerate(message)"),
            Map.entry("restore", "migrator.restore(archive)"),
            Map.entry("history", "migrator.history(range, verbose)"),
            Map.entry("current", "migrator.current()"));

    /** Goals that need more than their name from Maven. */
    private static final Map<String, String> MAVEN_GOALS = Map.of(
            "autogenerate", "revision -Dplccoach.autogenerate=true -Dplccoach.message=...",
            "revision", "revision -Dplccoach.message=...");

    public Advice {
        entryPoint = entryPoint == null ? EntryPoint.EMBEDDED : entryPoint;
    }

    /** How to set a setting (named as the {@code plccoach.} property without its prefix) to a value. */
    public String set(String setting, String value) {
        return switch (entryPoint) {
            case MAVEN -> "-Dplccoach." + setting + "=" + value;
            case SPRING_BOOT -> "plccoach." + kebab(setting) + "=" + value;
            case EMBEDDED -> "Migrator.builder()." + BUILDER_METHODS.getOrDefault(setting, setting) + "(" + javaValue(setting, value) + ")";
        };
    }

    /** How to set an option of one call rather than of the builder; embedded, {@code call} says how. */
    public String option(String setting, String value, String call) {
        return entryPoint == EntryPoint.EMBEDDED ? call : set(setting, value);
    }

    /** How to name a setting without a value. */
    public String setting(String setting) {
        return switch (entryPoint) {
            case MAVEN -> "-Dplccoach." + setting;
            case SPRING_BOOT -> "plccoach." + kebab(setting);
            case EMBEDDED -> "Migrator.builder()." + BUILDER_METHODS.getOrDefault(setting, setting) + "(...)";
        };
    }

    /**
     * How to run a goal ({@code upgrade}, {@code check}, ..., or {@code autogenerate} for revision with autogenerate),
     * with arguments given as setting, value pairs: {@code run("stamp", "target", "x", "purge", "true")} reads
     * {@code `mvn plccoach:stamp -Dplccoach.target=x -Dplccoach.purge=true`} from Maven and
     * {@code `migrator.stamp("x", true)`} embedded, where an argument that is no parameter of the call is left out
     * (a parameter given no value keeps its name). From Maven a switch set to false, the default of every switch, is
     * left out, so that {@code run("stamp", "target", "x", "purge", "false")} reads {@code `migrator.stamp("x", false)`}
     * embedded and {@code `mvn plccoach:stamp -Dplccoach.target=x`} from Maven.
     */
    public String run(String goal, String... settingsAndValues) {
        return "`" + switch (entryPoint) {
            case MAVEN -> "mvn plccoach:" + MAVEN_GOALS.getOrDefault(goal, goal) + properties(settingsAndValues);
            case EMBEDDED, SPRING_BOOT -> call(CALLS.getOrDefault(goal, "migrator." + goal + "(...)"), settingsAndValues);
        } + "`";
    }

    private static String properties(String[] settingsAndValues) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i + 1 < settingsAndValues.length; i += 2) {
            if (settingsAndValues[i + 1].equals("false")) {
                continue;
            }
            text.append(" -Dplccoach.").append(settingsAndValues[i]).append('=').append(settingsAndValues[i + 1]);
        }
        return text.toString();
    }

    /** The call with each named parameter replaced by its value: a switch as a boolean, anything else as a string. */
    private static String call(String call, String[] settingsAndValues) {
        for (int i = 0; i + 1 < settingsAndValues.length; i += 2) {
            String value = settingsAndValues[i + 1];
            call = call.replaceFirst("(?<=[(, ])" + Pattern.quote(settingsAndValues[i]) + "(?=[,)])",
                    Matcher.quoteReplacement(value.matches("true|false|\\.\\.\\.") ? value : "\"" + value + "\""));
        }
        return call;
    }

    /**
     * What to do about a statement of a revision that must change: edit the file, or, for a revision
     * packaged in a jar (which a running service cannot edit), ship a new revision that corrects it. A sentence of its own.
     */
    public String fixStatementIn(String location) {
        if (location != null && location.startsWith("classpath:") && location.endsWith(".jar)")) {
            return "The revision " + location + " is packaged in a jar and cannot be edited where it runs: ship a new revision"
                    + " (in a new version of that jar) that corrects it";
        }
        return "Fix the statement in " + location;
    }

    private static String javaValue(String setting, String value) {
        if (setting.equals("backup")) {
            return "BackupMode." + value.toUpperCase(Locale.ROOT);
        }
        return value.matches("true|false|-?\\d+|\\.\\.\\.") ? value : "\"" + value + "\"";
    }

    private static String kebab(String setting) {
        return setting.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "Advice[" + entryPoint + "]";
    }
}
