package com.plccoach.migrations.internal.state;

import com.plccoach.migrations.internal.script.Identifiers;
import java.util.List;

/**
 * The text of every statement that touches the state tables. The runner executes exactly these
 * strings and the offline mode prints them, so what a DBA reads is what would run.
 */
public final class StateSql {

    public static final String VERSION_TABLE = "plccoach_version";
    public static final String HISTORY_TABLE = "plccoach_history";

    private final String schema;
    private final String versionTable;
    private final String historyTable;

    public StateSql(String schema) {
        this.schema = schema;
        // quoted once: the runner builds a statement on them per revision
        this.versionTable = Identifiers.quote(schema) + "." + Identifiers.quote(VERSION_TABLE);
        this.historyTable = Identifiers.quote(schema) + "." + Identifiers.quote(HISTORY_TABLE);
    }

    public String schema() {
        return schema;
    }

    public String versionTable() {
        return versionTable;
    }

    public String historyTable() {
        return historyTable;
    }

    /** The schema and both tables, each {@code IF NOT EXISTS}, so running them again changes nothing. */
    public List<String> createStatements() {
        return List.of(
                "CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(schema),
                "CREATE TABLE IF NOT EXISTS " + versionTable() + " (\n"
                        + "    id text PRIMARY KEY,\n"
                        + "    checksum text NOT NULL,\n"
                        + "    applied_at timestamptz NOT NULL DEFAULT now(),\n"
                        + "    applied_by text NOT NULL DEFAULT current_user,\n"
                        + "    duration_ms bigint NOT NULL DEFAULT 0\n"
                        + ")",
                "CREATE TABLE IF NOT EXISTS " + historyTable() + " (\n"
                        + "    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
                        + "    operation text NOT NULL CHECK (operation IN ('upgrade', 'downgrade', 'stamp', 'restore')),\n"
                        + "    target text,\n"
                        + "    revisions text[] NOT NULL,\n"
                        + "    from_heads text[] NOT NULL,\n"
                        + "    to_heads text[] NOT NULL,\n"
                        + "    outcome text NOT NULL CHECK (outcome IN ('success', 'failed')),\n"
                        + "    error text,\n"
                        + "    failed_revision text,\n"
                        + "    started_at timestamptz NOT NULL,\n"
                        + "    duration_ms bigint NOT NULL,\n"
                        + "    db_user text NOT NULL DEFAULT current_user,\n"
                        + "    os_user text,\n"
                        + "    tool_version text,\n"
                        + "    backup_path text\n"
                        + ")");
    }

    public String insertVersion(String id, String checksum, long durationMs) {
        return insertVersions(List.of(new VersionRow(id, checksum, durationMs)));
    }

    /** One INSERT for many rows: a run of many revisions in one transaction records them in one statement. */
    public String insertVersions(List<VersionRow> rows) {
        StringBuilder sql = new StringBuilder(80 + rows.size() * 100).append("INSERT INTO ").append(versionTable)
                .append(" (id, checksum, duration_ms) VALUES ");
        for (int i = 0; i < rows.size(); i++) {
            VersionRow row = rows.get(i);
            sql.append(i == 0 ? "(" : ", (").append(quoteLiteral(row.id())).append(", ").append(quoteLiteral(row.checksum()))
                    .append(", ").append(row.durationMs()).append(')');
        }
        return sql.toString();
    }

    public String deleteVersion(String id) {
        return "DELETE FROM " + versionTable + " WHERE id = " + quoteLiteral(id);
    }

    /** One DELETE for many rows, as {@link #insertVersions} for a downgrade. */
    public String deleteVersions(List<String> ids) {
        if (ids.size() == 1) {
            return deleteVersion(ids.get(0));
        }
        StringBuilder sql = new StringBuilder("DELETE FROM ").append(versionTable).append(" WHERE id IN (");
        for (int i = 0; i < ids.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(quoteLiteral(ids.get(i)));
        }
        return sql.append(')').toString();
    }

    /**
     * The session's prepared statement that writes one revision's row ({@code EXECUTE name('id', 'checksum', ms)} inserts
     * it, {@code EXECUTE name('id')} deletes it): a run of one transaction per revision writes 1,000 rows with one parse
     * and plan instead of 1,000. Deallocated when the run ends.
     */
    public String prepareVersionRow(String name, boolean upgrade) {
        return upgrade
                ? "PREPARE " + name + " (text, text, bigint) AS INSERT INTO " + versionTable + " (id, checksum, duration_ms) VALUES ($1, $2, $3)"
                : "PREPARE " + name + " (text) AS DELETE FROM " + versionTable + " WHERE id = $1";
    }

    /** Writes one row through {@link #prepareVersionRow}: inserts it ({@code upgrade}) or deletes it. */
    public static String executeVersionRow(String name, VersionRow row, boolean upgrade) {
        return "EXECUTE " + name + "(" + quoteLiteral(row.id())
                + (upgrade ? ", " + quoteLiteral(row.checksum()) + ", " + row.durationMs() : "") + ")";
    }

    public String updateChecksum(String id, String checksum) {
        return "UPDATE " + versionTable() + " SET checksum = " + quoteLiteral(checksum) + " WHERE id = " + quoteLiteral(id);
    }

    public String deleteAllVersions() {
        return "DELETE FROM " + versionTable();
    }

    public String selectVersions() {
        // applied_at as epoch microseconds: a number, where a timestamp would bring the driver's calendar machinery
        // into every start-up's state read (1,000 rows of it at a cold start)
        return "SELECT id, checksum, (EXTRACT(EPOCH FROM applied_at) * 1000000)::bigint, applied_by, duration_ms FROM "
                + versionTable() + " ORDER BY applied_at, id";
    }


    /** A string literal valid whatever standard_conforming_strings says: E'' when a backslash needs escaping. */
    public static String quoteLiteral(String value) {
        String quoted = value.replace("'", "''");
        if (quoted.indexOf('\\') >= 0) {
            return "E'" + quoted.replace("\\", "\\\\") + "'";
        }
        return "'" + quoted + "'";
    }

    /** A version row to insert: the revision, its file's checksum, how long it took. */
    public record VersionRow(String id, String checksum, long durationMs) {
    }

    @Override
    public String toString() {
        return "StateSql[" + versionTable() + ", " + historyTable() + "]";
    }
}
