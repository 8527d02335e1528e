package com.plccoach.migrations.internal.lint;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one statement at a time, in the order the revisions run, and says what it does to which
 * table ({@link Effects}). Remembers what the revisions taught it: column types, tables created by
 * the current revision, and columns a validated {@code CHECK (col IS NOT NULL)} proves.
 *
 * <p>Regular expressions over the splitter's statements rather than a full parser: the rules need the
 * head of DDL statements only, PostgreSQL's own parser (pg_query) needs native code, and JSqlParser
 * does not know much of PostgreSQL's DDL ({@code CONCURRENTLY}, {@code NOT VALID}, {@code VALIDATE
 * CONSTRAINT}, dollar quotes), so a statement it could not parse would be a hazard it could not see.
 */
final class StatementAnalyzer {

    private static final String N = SqlText.NAME;
    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)^CREATE (?:(?:GLOBAL |LOCAL )?(?:TEMPORARY|TEMP|UNLOGGED) )?"
            + "TABLE (?:IF NOT EXISTS )?(" + N + ") ?(.*)$");
    private static final Pattern CREATE_INDEX = Pattern.compile("(?i)^CREATE (?:UNIQUE )?INDEX (CONCURRENTLY )?(?:IF NOT EXISTS )?"
            + "(?:(?!ON )" + N + " )?ON (?:ONLY )?(" + N + ")");
    private static final Pattern OTHER_CONCURRENTLY = Pattern.compile("(?i)^(?:DROP INDEX CONCURRENTLY|REINDEX .*\\bCONCURRENTLY"
            + "|ALTER TABLE .*\\bDETACH PARTITION .*\\bCONCURRENTLY)\\b.*");
    private static final Pattern ALTER_TABLE = Pattern.compile("(?i)^ALTER TABLE (?:IF EXISTS )?(?:ONLY )?(" + N + ") (.*)$");
    private static final Pattern RENAME_TABLE = Pattern.compile("(?i)^RENAME TO (" + N + ")$");
    private static final Pattern RENAME_COLUMN = Pattern.compile("(?i)^RENAME (?:COLUMN )?(?!CONSTRAINT )(" + N + ") TO (" + N + ")$");
    private static final Pattern ADD_CONSTRAINT = Pattern.compile("(?i)^ADD (?:CONSTRAINT (" + N + ") )?"
            + "(FOREIGN KEY|CHECK|UNIQUE|PRIMARY KEY|EXCLUDE)\\b(.*)$");
    private static final Pattern ADD_COLUMN = Pattern.compile("(?i)^ADD (?:COLUMN )?(?:IF NOT EXISTS )?(" + N + ") (.+)$");
    private static final Pattern VALIDATE = Pattern.compile("(?i)^VALIDATE CONSTRAINT (" + N + ")$");
    private static final Pattern ALTER_TYPE = Pattern.compile("(?i)^ALTER (?:COLUMN )?(" + N + ") (?:SET DATA )?TYPE (.+?)"
            + "(?: COLLATE \\S+)?(?: USING (.+))?$");
    private static final Pattern SET_NOT_NULL = Pattern.compile("(?i)^ALTER (?:COLUMN )?(" + N + ") SET NOT NULL$");
    private static final Pattern DROP_COLUMN = Pattern.compile("(?i)^DROP (?:COLUMN )?(?!CONSTRAINT )(?:IF EXISTS )?(" + N + ")"
            + "(?: CASCADE| RESTRICT)?$");
    private static final Pattern WEAK_ALTER = Pattern.compile("(?i)^(?:SET \\(|RESET \\(|ALTER (?:COLUMN )?" + N
            + " SET STATISTICS|CLUSTER ON|SET WITHOUT CLUSTER|ATTACH PARTITION|DETACH PARTITION .* CONCURRENTLY).*");
    private static final Pattern DROP_TABLE = Pattern.compile("(?i)^DROP TABLE (?:IF EXISTS )?(.+?)(?: CASCADE| RESTRICT)?$");
    private static final Pattern LOCK_TABLE = Pattern.compile("(?i)^LOCK (?:TABLE )?(?:ONLY )?(" + N + ")(?: IN (.+) MODE)?");
    private static final Pattern TRUNCATE = Pattern.compile("(?i)^TRUNCATE (?:TABLE )?(?:ONLY )?(" + N + ")");
    private static final Pattern UPDATE = Pattern.compile("(?i)^UPDATE (?:ONLY )?(" + N + ")\\b");
    private static final Pattern DELETE = Pattern.compile("(?i)^DELETE FROM (?:ONLY )?(" + N + ")\\b");
    private static final Pattern INSERT_SELECT = Pattern.compile("(?i)^INSERT INTO (" + N + ")\\b.*?\\bSELECT\\b.*");
    private static final Pattern NOT_NULL_CHECK = Pattern.compile("(?i)^\\(\\s*\\(?\\s*(" + N + ")\\s*\\)?\\s+IS NOT NULL\\s*\\)");
    private static final Pattern REFERENCES = Pattern.compile("(?i)\\bREFERENCES (" + N + ")");
    private static final Pattern TABLE_ELEMENT_KEYWORD = Pattern.compile("(?i)^(?:CONSTRAINT|PRIMARY|UNIQUE|CHECK|FOREIGN|EXCLUDE"
            + "|LIKE)\\b.*");

    private final Map<String, Map<String, String>> columnTypes = new HashMap<>();
    private final Set<String> provenNotNull = new HashSet<>();
    private final Map<String, String> notNullChecks = new HashMap<>();
    private final Set<String> createdByRevision = new HashSet<>();

    /** A new revision starts: tables it creates are new, the ones before are not. */
    void startRevision() {
        createdByRevision.clear();
    }

    /** Whether the current revision created {@code table}, so that nothing else can use it yet. */
    boolean isNew(String table) {
        return createdByRevision.contains(table);
    }

    Effects analyze(String normalizedSql) {
        Effects effects = new Effects();
        String sql = normalizedSql;
        Matcher m;
        if ((m = CREATE_TABLE.matcher(sql)).matches()) {
            createTable(SqlText.canonical(m.group(1)), m.group(2));
        } else if ((m = CREATE_INDEX.matcher(sql)).find()) {
            String table = SqlText.canonical(m.group(2));
            if (m.group(1) == null && !isNew(table)) {
                effects.hit(LintRule.REQUIRE_CONCURRENT_INDEX_CREATION, table, null);
                effects.lock(table, LockMode.SHARE);
                effects.work(table, "the index build");
            } else if (m.group(1) != null) {
                effects.hit(LintRule.BAN_CONCURRENT_INDEX_CREATION_IN_TRANSACTION, null, null);
            }
        } else if (OTHER_CONCURRENTLY.matcher(sql).matches()) {
            effects.hit(LintRule.BAN_CONCURRENT_INDEX_CREATION_IN_TRANSACTION, null, null);
        } else if ((m = ALTER_TABLE.matcher(sql)).matches()) {
            alterTable(SqlText.canonical(m.group(1)), m.group(2), effects);
        } else if ((m = DROP_TABLE.matcher(sql)).matches()) {
            for (String name : SqlText.splitTopLevel(m.group(1))) {
                String table = SqlText.canonical(name);
                if (!isNew(table)) {
                    effects.hit(LintRule.BAN_DROP_TABLE, table, null);
                }
                columnTypes.remove(table);
            }
        } else if ((m = LOCK_TABLE.matcher(sql)).find()) {
            effects.lock(SqlText.canonical(m.group(1)), m.group(2) == null ? LockMode.ACCESS_EXCLUSIVE : LockMode.parse(m.group(2)));
        } else if ((m = TRUNCATE.matcher(sql)).find()) {
            effects.lock(SqlText.canonical(m.group(1)), LockMode.ACCESS_EXCLUSIVE);
        } else if ((m = UPDATE.matcher(sql)).find() || (m = DELETE.matcher(sql)).find() || (m = INSERT_SELECT.matcher(sql)).matches()) {
            String table = SqlText.canonical(m.group(1));
            if (!isNew(table)) {
                String verb = sql.substring(0, sql.indexOf(' ')).toUpperCase(java.util.Locale.ROOT);
                effects.hit(LintRule.BACKFILL_IN_TRANSACTION, table, verb + " of " + table);
                effects.lock(table, LockMode.ROW_EXCLUSIVE);
                effects.work(table, "the " + verb + " of " + table);
            }
        }
        return effects;
    }

    private void createTable(String table, String rest) {
        createdByRevision.add(table);
        Map<String, String> columns = new HashMap<>();
        columnTypes.put(table, columns);
        if (!rest.startsWith("(")) {
            return;
        }
        int close = SqlText.closing(rest, 0);
        String body = close < 0 ? rest.substring(1) : rest.substring(1, close);
        for (String element : SqlText.splitTopLevel(body)) {
            if (element.isEmpty() || TABLE_ELEMENT_KEYWORD.matcher(element).matches()) {
                continue;
            }
            Matcher column = Pattern.compile("^(" + N + ") (.+)$").matcher(element);
            if (column.matches()) {
                String name = SqlText.canonical(column.group(1));
                columns.put(name, ColumnRules.typeOf(column.group(2)));
                if (column.group(2).matches("(?is).*\\b(NOT NULL|PRIMARY KEY)\\b.*")) {
                    provenNotNull.add(table + "." + name);
                }
            }
        }
    }

    private void alterTable(String table, String actions, Effects effects) {
        Matcher m;
        if ((m = RENAME_TABLE.matcher(actions)).matches()) {
            String to = SqlText.canonical(m.group(1));
            if (!isNew(table)) {
                effects.hit(LintRule.RENAMING_TABLE, table, table + " to " + to);
                effects.lock(table, LockMode.ACCESS_EXCLUSIVE);
            }
            Optional.ofNullable(columnTypes.remove(table)).ifPresent(c -> columnTypes.put(to, c));
            return;
        }
        if ((m = RENAME_COLUMN.matcher(actions)).matches()) {
            if (!isNew(table)) {
                effects.hit(LintRule.RENAMING_COLUMN, table, table + "." + SqlText.canonical(m.group(1)) + " to "
                        + SqlText.canonical(m.group(2)));
                effects.lock(table, LockMode.ACCESS_EXCLUSIVE);
            }
            return;
        }
        for (String action : SqlText.splitTopLevel(actions)) {
            alterAction(table, action, effects);
        }
    }

    private void alterAction(String table, String action, Effects effects) {
        boolean existing = !isNew(table);
        Matcher m;
        if ((m = ADD_CONSTRAINT.matcher(action)).matches()) {
            addConstraint(table, m.group(1) == null ? null : SqlText.canonical(m.group(1)), m.group(2).toUpperCase(java.util.Locale.ROOT),
                    m.group(3).strip(), existing, effects);
        } else if ((m = ADD_COLUMN.matcher(action)).matches()) {
            String column = SqlText.canonical(m.group(1));
            columnTypes.computeIfAbsent(table, t -> new HashMap<>()).put(column, ColumnRules.typeOf(m.group(2)));
            effects.lock(table, LockMode.ACCESS_EXCLUSIVE);
            Optional<String> rewrite = ColumnRules.rewritingAddition(m.group(2));
            if (existing && rewrite.isPresent()) {
                effects.hit(LintRule.ADDING_FIELD_WITH_DEFAULT, table, rewrite.get());
                effects.work(table, "the rewrite for the new column " + column);
            }
        } else if ((m = VALIDATE.matcher(action)).matches()) {
            String column = notNullChecks.remove(table + "." + SqlText.canonical(m.group(1)));
            if (column != null) {
                provenNotNull.add(table + "." + column);
            }
            effects.lock(table, LockMode.SHARE_UPDATE_EXCLUSIVE);
            if (existing) {
                effects.work(table, "the validation of " + SqlText.canonical(m.group(1)));
            }
        } else if ((m = ALTER_TYPE.matcher(action)).matches()) {
            String column = SqlText.canonical(m.group(1));
            Map<String, String> columns = columnTypes.get(table);
            String using = m.group(3);
            boolean customUsing = using != null && !using.strip().matches("(?i)\"?" + java.util.regex.Pattern.quote(column)
                    + "\"?(\\s*::\\s*.+)?");
            Optional<String> rewrite = ColumnRules.rewrite(columns == null ? null : columns.get(column), m.group(2), customUsing);
            effects.lock(table, LockMode.ACCESS_EXCLUSIVE);
            if (existing && rewrite.isPresent()) {
                effects.hit(LintRule.CHANGING_COLUMN_TYPE, table, table + "." + column + ": " + rewrite.get());
                effects.work(table, "the rewrite for " + column + "'s new type");
            }
            if (columns != null) {
                columns.put(column, m.group(2));
            }
        } else if ((m = SET_NOT_NULL.matcher(action)).matches()) {
            String column = SqlText.canonical(m.group(1));
            effects.lock(table, LockMode.ACCESS_EXCLUSIVE);
            if (existing && !provenNotNull.contains(table + "." + column)) {
                effects.hit(LintRule.ADDING_NOT_NULLABLE_FIELD, table, table + "." + column);
                effects.work(table, "the NOT NULL scan of " + column);
            }
            provenNotNull.add(table + "." + column);
        } else if ((m = DROP_COLUMN.matcher(action)).matches()) {
            String column = SqlText.canonical(m.group(1));
            effects.lock(table, LockMode.ACCESS_EXCLUSIVE);
            if (existing) {
                effects.hit(LintRule.BAN_DROP_COLUMN, table, table + "." + column);
            }
            Optional.ofNullable(columnTypes.get(table)).ifPresent(c -> c.remove(column));
        } else if (WEAK_ALTER.matcher(action).matches()) {
            effects.lock(table, LockMode.SHARE_UPDATE_EXCLUSIVE);
        } else {
            effects.lock(table, LockMode.ACCESS_EXCLUSIVE);
        }
    }

    private void addConstraint(String table, String name, String kind, String rest, boolean existing, Effects effects) {
        boolean notValid = rest.matches("(?is).*\\bNOT VALID$");
        switch (kind) {
            case "FOREIGN KEY" -> {
                effects.lock(table, LockMode.SHARE_ROW_EXCLUSIVE);
                Matcher ref = REFERENCES.matcher(rest);
                if (ref.find()) {
                    effects.lock(SqlText.canonical(ref.group(1)), LockMode.SHARE_ROW_EXCLUSIVE);
                }
                if (existing && !notValid) {
                    effects.hit(LintRule.ADDING_FOREIGN_KEY_CONSTRAINT, table, name);
                    effects.work(table, "the foreign key's check of every row");
                }
            }
            case "CHECK" -> {
                effects.lock(table, LockMode.ACCESS_EXCLUSIVE);
                Matcher notNull = NOT_NULL_CHECK.matcher(rest);
                if (notNull.find()) {
                    String column = SqlText.canonical(notNull.group(1));
                    if (notValid && name != null) {
                        notNullChecks.put(table + "." + name, column);
                    } else if (!notValid) {
                        provenNotNull.add(table + "." + column);
                    }
                }
                if (existing && !notValid) {
                    effects.hit(LintRule.CONSTRAINT_MISSING_NOT_VALID, table, name);
                    effects.work(table, "the check's scan of every row");
                }
            }
            default -> {
                effects.lock(table, LockMode.ACCESS_EXCLUSIVE);
                if (existing && !rest.matches("(?is)^USING INDEX\\b.*") && !kind.equals("EXCLUDE")) {
                    effects.hit(LintRule.DISALLOWED_UNIQUE_CONSTRAINT, table, name);
                    effects.work(table, "the " + kind + " index build");
                }
            }
        }
    }

    @Override
    public String toString() {
        return "StatementAnalyzer[" + columnTypes.size() + " tables known]";
    }
}
