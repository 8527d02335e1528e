package com.plccoach.migrations.internal.alembic;

import com.plccoach.migrations.internal.script.RevisionWriter;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The revision file one Alembic revision becomes: our header with Alembic's id, parents, labels,
 * dependencies, message and create date; Alembic's offline SQL as the up and down parts. A part
 * Alembic could not render makes a stub: an up part that refuses to run, saying what to do, or no
 * down part (irreversible), with Alembic's error in a comment.
 *
 * @param fileName {@code yyyyMMdd_HHmm_<id>_<slug>.sql} as {@code plccoach:revision} names files, the time
 *                 from {@code Create Date}; {@code <id>_<slug>.sql} when the revision has none
 */
public record ImportedFile(AlembicRevision revision, String fileName, String content) {

    private static final DateTimeFormatter CREATE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public static ImportedFile of(AlembicRevision revision) {
        return new ImportedFile(revision, fileName(revision), content(revision));
    }

    /** True when Alembic could not render a part and the file holds a stub for it. */
    public boolean stubbed() {
        return revision.upSql() == null || revision.downSql() == null;
    }

    /** What could not be rendered and why, for the report at the end of the import. */
    public String stubReason() {
        if (revision.upSql() == null) {
            return "upgrade() " + revision.upError() + (revision.downSql() == null ? "; downgrade() " + revision.downError() : "");
        }
        return revision.downSql() == null ? "downgrade() " + revision.downError() : "";
    }

    static String fileName(AlembicRevision revision) {
        if (revision.createDate() == null) {
            String slug = RevisionWriter.slug(revision.message());
            return revision.id() + (slug.isEmpty() ? "" : "_" + slug) + ".sql";
        }
        return RevisionWriter.fileName(LocalDateTime.parse(revision.createDate(), CREATE_DATE).toInstant(ZoneOffset.UTC),
                revision.id(), revision.message());
    }

    static String content(AlembicRevision r) {
        StringBuilder text = new StringBuilder();
        text.append("-- revision: ").append(r.id()).append('\n');
        text.append("-- down_revision: ").append(r.parents().isEmpty() ? "base" : String.join(", ", r.parents())).append('\n');
        if (!r.branchLabels().isEmpty()) {
            text.append("-- branch_labels: ").append(String.join(", ", r.branchLabels())).append('\n');
        }
        if (!r.dependsOn().isEmpty()) {
            text.append("-- depends_on: ").append(String.join(", ", r.dependsOn())).append('\n');
        }
        text.append("-- message: ").append(r.message()).append('\n');
        if (r.createDate() != null) {
            text.append("-- create_date: ").append(r.createDate()).append('\n');
        }
        if (r.autocommit()) {
            text.append("-- transactional: false\n");
        }
        text.append("\n-- imported from Alembic: ").append(r.path()).append('\n');
        text.append('\n').append(up(r));
        if (r.upSql() == null || r.downSql() == null) {
            // a down part is only worth keeping beside the up part it reverts
            text.append("\n-- irreversible: ").append(r.downSql() == null ? "Alembic could not render downgrade() offline: "
                    + r.downError() : "its upgrade() is a stub, so its down part would revert unknown SQL").append('\n')
                    .append("-- to make it reversible, write the SQL that reverts the up part after a line\n")
                    .append("-- `-- //@UNDO`, and check it with `./mvnw plccoach:verify`\n");
        } else {
            text.append("\n-- //@UNDO\n\n").append(part(r.downSql(), r));
        }
        return text.toString();
    }

    private static String up(AlembicRevision r) {
        if (r.upSql() != null) {
            return part(r.upSql(), r);
        }
        // a stub that runs would let an upgrade of a new database silently miss this revision's changes
        String what = "revision " + r.id() + " was imported from Alembic as a stub: its upgrade() could not be rendered"
                + " as SQL offline (" + r.upError() + "). Write its SQL in this file (" + r.path()
                + " shows what it does), then run check";
        return "-- Alembic could not render upgrade() offline: " + r.upError() + "\n"
                + "-- replace the statement below with the SQL the revision runs (see " + r.path() + ")\n"
                + "DO $plccoach$ BEGIN RAISE EXCEPTION '%', " + literal(what) + "; END $plccoach$;\n";
    }

    private static String part(String sql, AlembicRevision r) {
        String body = sql.strip();
        if (body.isEmpty()) {
            return r.isMerge() ? "" : "-- Alembic renders no SQL for this part\n";
        }
        // Alembic's SQL exactly (its trailing spaces too: they may sit inside a string literal)
        return body + "\n";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    @Override
    public String toString() {
        return fileName + (stubbed() ? " (stub)" : "");
    }
}
