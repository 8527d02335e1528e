package com.plccoach.migrations.internal.script;

import com.plccoach.migrations.RevisionFileException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one revision file: a header of {@code -- key: value} lines, the up part, and after a
 * {@code -- //@UNDO} line the down part. Every error names the file and the line.
 */
public final class RevisionParser {

    public static final Set<String> KEYS =
            Set.of("revision", "down_revision", "branch_labels", "depends_on", "message", "create_date", "transactional", "batch_size");
    static final List<String> KEY_ORDER =
            List.of("revision", "down_revision", "branch_labels", "depends_on", "message", "create_date", "transactional",
                    "batch_size");

    private static final Pattern HEADER_LINE = Pattern.compile("^--\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*:(.*)$");
    private static final Pattern UNDO_LINE = Pattern.compile("^\\s*--\\s*//\\s*@UNDO\\s*$");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}\\s]+)}");

    private final Map<String, String> placeholders;
    /** One digest for every file this parser reads (digest() resets it): a parser is used by one thread. */
    private final MessageDigest digest = sha256();

    public RevisionParser(Map<String, String> placeholders) {
        this.placeholders = Map.copyOf(placeholders);
    }

    /** Whether a string is a well-formed revision id: letters, digits and {@code _}. */
    public static boolean isValidId(String id) {
        if (id == null || id.isEmpty()) {
            return false;
        }
        for (int k = 0; k < id.length(); k++) { // [A-Za-z0-9_]+ by hand: two ids a file, a regex match each is costly cold
            char c = id.charAt(k);
            if (!isAsciiLetter(c) && c != '_' && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    /** Whether a string is a well-formed branch label. */
    public static boolean isValidLabel(String label) {
        return label != null && LABEL.matcher(label).matches();
    }

    public Revision parse(String location, byte[] content) {
        String text = decode(location, content);
        String[] lines = lines(text);

        Map<String, String> header = new HashMap<>();
        Map<String, Integer> headerLines = new HashMap<>();
        int i = 0;
        for (; i < lines.length; i++) {
            String stripped = lines[i].strip();
            if (!stripped.startsWith("--") || isUndo(lines[i])) {
                break;
            }
            String[] keyValue = headerLine(stripped);
            if (keyValue == null) {
                break;
            }
            String key = keyValue[0];
            int line = i + 1;
            if (!KEYS.contains(key)) {
                throw error(location, line, "unknown header key '" + key + "'. The header keys are " + String.join(", ", KEY_ORDER)
                        + "; to keep a comment, put it after the blank line that ends the header");
            }
            if (header.containsKey(key)) {
                throw error(location, line, "header key '" + key + "' is given twice (first on line " + headerLines.get(key)
                        + "); keep one of them");
            }
            header.put(key, keyValue[1].strip());
            headerLines.put(key, line);
        }
        int bodyStart = i;

        String id = header.get("revision");
        if (id == null) {
            throw error(location, 1, "no '-- revision: <id>' line in the header; the file must start with it, e.g. '-- revision: 3f9c2a7d1b04'");
        }
        if (!isValidId(id)) {
            throw error(location, headerLines.get("revision"), "malformed revision id '" + id
                    + "': use only letters, digits and _");
        }
        if (!header.containsKey("down_revision")) {
            throw error(location, 1, "no '-- down_revision:' line in the header; name the parent revision(s), or write"
                    + " '-- down_revision: base' for a first revision");
        }
        List<String> parents = ids(location, headerLines.get("down_revision"), "down_revision", header.get("down_revision"), true);
        List<String> labels = list(header.get("branch_labels"));
        for (String label : labels) {
            if (!isValidLabel(label)) {
                throw error(location, headerLines.get("branch_labels"), "malformed branch label '" + label
                        + "': use letters, digits, _, . and - (not starting with . or -)");
            }
        }
        List<String> dependsOn = ids(location, headerLines.getOrDefault("depends_on", 0), "depends_on", header.get("depends_on"), false);
        boolean transactional = true;
        String tx = header.get("transactional");
        if (tx != null) {
            if (tx.equalsIgnoreCase("true")) {
                transactional = true;
            } else if (tx.equalsIgnoreCase("false")) {
                transactional = false;
            } else {
                throw error(location, headerLines.get("transactional"), "transactional must be true or false, not '" + tx + "'");
            }
        }

        int undo = -1;
        for (int j = bodyStart; j < lines.length; j++) {
            if (isUndo(lines[j])) {
                if (undo >= 0) {
                    throw error(location, j + 1, "a second '-- //@UNDO' line (the first is on line " + (undo + 1)
                            + "); a file has one up part and one down part: remove one of them");
                }
                undo = j;
            }
        }
        int upEnd = undo >= 0 ? undo : lines.length;
        String rawUp = join(lines, bodyStart, upEnd);
        String rawDown = undo >= 0 ? join(lines, undo + 1, lines.length) : null;
        if (rawUp.isBlank() && parents.size() < 2) {
            throw error(location, bodyStart + 1, "the up part is empty: write the SQL of the change after the header"
                    + " (only a merge revision, with two or more parents, may have an empty up part)");
        }

        int batchSize = batchSize(location, header.get("batch_size"), headerLines.getOrDefault("batch_size", 0), transactional);
        String upSql = substitute(location, rawUp, bodyStart + 1, batchSize);
        String downSql = rawDown == null ? null : substitute(location, rawDown, undo + 2, 0);
        return new Revision(id, parents, labels, dependsOn, header.getOrDefault("message", ""),
                header.get("create_date"), transactional, upSql, bodyStart + 1, downSql, undo >= 0 ? undo + 2 : 0,
                location, checksum(digest, parents, rawUp), batchSize);
    }

    /**
     * Key and value of a {@code -- key: value} line as {@link #HEADER_LINE} reads it, or null: read by hand,
     * because 3,000 regex matches are a good part of a cold start's parsing. A value holding a character
     * that ends a line for the regex's {@code .} goes to the regex itself, so both always agree.
     */
    private static String[] headerLine(String stripped) {
        int n = stripped.length();
        int k = 2; // after "--", which the caller checked
        while (k < n && isRegexSpace(stripped.charAt(k))) {
            k++;
        }
        int keyStart = k;
        if (k < n && (isAsciiLetter(stripped.charAt(k)) || stripped.charAt(k) == '_')) {
            k++;
            while (k < n && (isAsciiLetter(stripped.charAt(k)) || stripped.charAt(k) == '_'
                    || stripped.charAt(k) >= '0' && stripped.charAt(k) <= '9')) {
                k++;
            }
        }
        int keyEnd = k;
        while (k < n && isRegexSpace(stripped.charAt(k))) {
            k++;
        }
        if (keyEnd == keyStart || k >= n || stripped.charAt(k) != ':') {
            return null;
        }
        String value = stripped.substring(k + 1);
        if (value.indexOf('\u0085') >= 0 || value.indexOf('\u2028') >= 0 || value.indexOf('\u2029') >= 0) {
            Matcher m = HEADER_LINE.matcher(stripped);
            return m.matches() ? new String[] {m.group(1), m.group(2)} : null;
        }
        return new String[] {stripped.substring(keyStart, keyEnd), value};
    }

    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    private static boolean isUndo(String line) {
        return line.indexOf("@UNDO") >= 0 && UNDO_LINE.matcher(line).matches();
    }

    /** The lines of the text, ending at LF, CRLF or CR; a final line ending does not start a line. */
    private static String[] lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int k = 0; k < n; k++) {
            char c = text.charAt(k);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, k));
                if (c == '\r' && k + 1 < n && text.charAt(k + 1) == '\n') {
                    k++;
                }
                start = k + 1;
            }
        }
        if (start < n) {
            lines.add(text.substring(start));
        }
        return lines.toArray(new String[0]);
    }

    private static final java.util.regex.Pattern ALLOW_LINE =
            java.util.regex.Pattern.compile("(?m)^[ \\t]*--[ \\t]*plccoach:allow\\b[^\\n]*(\\n|\\z)");

    /**
     * SHA-256 over the parents and the up part, line endings normalised to LF, in lowercase hex. The
     * placeholders are not substituted, so that environments with different values agree. Lines holding
     * only a {@code -- plccoach:allow} comment are left out: exempting an applied revision from a lint
     * rule changes nothing that runs, so it must not count as an edit of an applied file.
     */
    public static String checksum(List<String> parents, String up) {
        return checksum(sha256(), parents, up);
    }

    private static String checksum(MessageDigest digest, List<String> parents, String up) {
        digest.reset();
        digest.update(String.join(",", parents).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        String normalized = up.replace("\r\n", "\n").replace('\r', '\n');
        if (normalized.contains("plccoach:allow")) { // the regex only where it can match: most files have no such line
            normalized = ALLOW_LINE.matcher(normalized).replaceAll("");
        }
        digest.update(normalized.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String decode(String location, byte[] content) {
        // the lenient decoder is the cheap one; only a file it had to repair (or one that holds U+FFFD itself)
        // goes through the strict decoder, which agrees with it on every valid file and names the bad byte
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            text = strictDecode(location, content);
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String strictDecode(String location, byte[] content) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        try {
            return decoder.decode(in).toString();
        } catch (MalformedInputException e) {
            int offset = in.position();
            int line = 1;
            for (int k = 0; k < offset && k < content.length; k++) {
                if (content[k] == '\n') {
                    line++;
                }
            }
            throw new RevisionFileException(location + ":" + line + ": the file is not UTF-8 (invalid byte 0x"
                    + String.format("%02x", content[Math.min(offset, content.length - 1)] & 0xff) + " at byte " + offset
                    + "); save it as UTF-8", e);
        } catch (CharacterCodingException e) {
            throw new RevisionFileException(location + ": the file is not UTF-8; save it as UTF-8", e);
        }
    }

    private static List<String> ids(String location, int line, String key, String value, boolean baseAllowed) {
        List<String> ids = list(value);
        if (baseAllowed && ids.size() == 1 && ids.get(0).equals("base")) {
            return List.of();
        }
        for (String id : ids) {
            if (!isValidId(id)) {
                throw error(location, line, "malformed revision id '" + id + "' in " + key + ": use only letters, digits and _,"
                        + " separated by commas");
            }
        }
        return ids;
    }

    private static List<String> list(String value) {
        List<String> out = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return out;
        }
        for (String part : value.split(",")) {
            out.add(part.strip());
        }
        return out;
    }

    private static String join(String[] lines, int from, int to) {
        if (from >= to) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int k = from; k < to; k++) {
            sb.append(lines[k]).append('\n');
        }
        return sb.toString();
    }

    /** The rows per batch of a batched backfill ({@code -- batch_size: N}); 0 for an ordinary revision. */
    private static int batchSize(String location, String value, int line, boolean transactional) {
        if (value == null) {
            return 0;
        }
        int rows;
        try {
            rows = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            rows = 0;
        }
        if (rows <= 0) {
            throw error(location, line, "batch_size must be a positive number of rows, not '" + value + "'");
        }
        if (transactional) {
            throw error(location, line, "batch_size needs '-- transactional: false' in the header: each batch commits on its"
                    + " own, which a revision running in one transaction cannot do");
        }
        return rows;
    }

    private String substitute(String location, String sql, int firstLine, int batchSize) {
        if (sql.indexOf("${") < 0) {
            return sql;
        }
        Matcher m = PLACEHOLDER.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = batchSize > 0 && m.group(1).equals("batch_size") ? String.valueOf(batchSize) : placeholders.get(m.group(1));
            if (value == null) {
                int line = firstLine;
                for (int k = 0; k < m.start(); k++) {
                    if (sql.charAt(k) == '\n') {
                        line++;
                    }
                }
                throw error(location, line, "no value for placeholder ${" + m.group(1) + "}; configure it"
                        + " (Migrator.builder().placeholder(\"" + m.group(1) + "\", value)) or remove it from the file");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static RevisionFileException error(String location, int line, String what) {
        return new RevisionFileException(location + ":" + line + ": " + what);
    }
}
