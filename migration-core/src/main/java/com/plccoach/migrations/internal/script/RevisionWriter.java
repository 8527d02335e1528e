package com.plccoach.migrations.internal.script;

import com.plccoach.migrations.RevisionFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Writes new revision files ({@code plccoach:revision} and {@code plccoach:merge}) named
 * {@code yyyyMMdd_HHmm_<revision>_<slug>.sql} in UTC. Callers check the graph (parent exists, id
 * free); this class only formats and writes, never overwriting a file.
 */
public final class RevisionWriter {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd_HHmm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CREATE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final int SLUG_LENGTH = 40;

    private RevisionWriter() {
    }

    /** A random 12-digit lowercase hex id, as Alembic makes them. */
    public static String newId(SecureRandom random) {
        byte[] bytes = new byte[6];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The message lowercased, every run of other characters than a-z and 0-9 turned to one '_', at most 40 characters. */
    public static String slug(String message) {
        String slug = (message == null ? "" : message).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        slug = slug.replaceAll("^_+", "");
        if (slug.length() > SLUG_LENGTH) {
            slug = slug.substring(0, SLUG_LENGTH);
        }
        return slug.replaceAll("_+$", "");
    }

    public static String fileName(Instant now, String id, String message) {
        String slug = slug(message);
        return FILE_TIME.format(now) + "_" + id + (slug.isEmpty() ? "" : "_" + slug) + ".sql";
    }

    /** A new revision with a template up and down part for the author to fill in. */
    public static Path writeRevision(Path directory, Instant now, String id, List<String> parents, String branchLabel,
            String message) {
        String body = "-- write the SQL of the change here\n\n-- //@UNDO\n\n-- write the SQL that reverts it here\n";
        return write(directory, now, id, parents, branchLabel, message, true, body);
    }

    /** A revision with the given body (up part, {@code -- //@UNDO}, down part), as autogenerate writes it. */
    public static Path writeGenerated(Path directory, Instant now, String id, List<String> parents, String message,
            boolean transactional, String body) {
        return write(directory, now, id, parents, null, message, transactional, body);
    }

    /** A merge revision: its parents are the joined heads, its up and down parts are empty. */
    public static Path writeMerge(Path directory, Instant now, String id, List<String> parents, String message) {
        return write(directory, now, id, parents, null, message, true, "-- //@UNDO\n");
    }

    private static Path write(Path directory, Instant now, String id, List<String> parents, String branchLabel, String message,
            boolean transactional, String body) {
        if (!RevisionParser.isValidId(id)) {
            throw new RevisionFileException("malformed revision id '" + id + "': use only letters, digits and _");
        }
        String oneLine = message == null ? "" : message.strip();
        if (oneLine.contains("\n") || oneLine.contains("\r")) {
            throw new RevisionFileException("the message must be one line; shorten '" + oneLine + "'");
        }
        if (branchLabel != null && !RevisionParser.isValidLabel(branchLabel)) {
            throw new RevisionFileException("malformed branch label '" + branchLabel
                    + "': use letters, digits, _, . and - (not starting with . or -)");
        }
        StringBuilder text = new StringBuilder();
        text.append("-- revision: ").append(id).append('\n');
        text.append("-- down_revision: ").append(parents.isEmpty() ? "base" : String.join(", ", parents)).append('\n');
        if (branchLabel != null) {
            text.append("-- branch_labels: ").append(branchLabel).append('\n');
        }
        text.append("-- message: ").append(oneLine).append('\n');
        text.append("-- create_date: ").append(CREATE_DATE.format(now)).append('\n');
        if (!transactional) {
            text.append("-- transactional: false\n");
        }
        text.append('\n').append(body);
        Path file = directory.resolve(fileName(now, id, oneLine));
        try {
            Files.createDirectories(directory);
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new RevisionFileException(file + " already exists; choose another id or message", e);
        } catch (IOException e) {
            throw new RevisionFileException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }
}
