package com.plccoach.migrations.internal.alembic;

import com.plccoach.migrations.RevisionFileException;
import com.plccoach.migrations.internal.script.Revision;
import com.plccoach.migrations.internal.script.RevisionParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Puts imported files into the scripts directory, all or nothing: every file is written to a
 * temporary directory beside it first, every existing file with the same revision id is compared,
 * and only when nothing disagrees are the new files moved in. A file that already holds exactly
 * what the import would write is left alone, so importing again changes nothing.
 */
public final class ImportWriter {

    /** Files moved in, and files that already held the same content. */
    public record Outcome(List<Path> written, List<Path> unchanged) {

        public Outcome {
            written = List.copyOf(written);
            unchanged = List.copyOf(unchanged);
        }

        @Override
        public String toString() {
            return written.size() + " written, " + unchanged.size() + " unchanged";
        }
    }

    private final Path directory;
    private final RevisionParser parser;

    public ImportWriter(Path directory, Map<String, String> placeholders) {
        this.directory = directory;
        this.parser = new RevisionParser(placeholders);
    }

    public Outcome write(List<ImportedFile> files) {
        try {
            Map<String, Path> existing = existingById();
            Files.createDirectories(directory);
            Path staging = Files.createTempDirectory(directory.toAbsolutePath().getParent(), ".plccoach-import-");
            try {
                List<Path> toMove = new ArrayList<>();
                List<Path> unchanged = new ArrayList<>();
                for (ImportedFile file : files) {
                    Path old = existing.get(file.revision().id());
                    Path target = directory.resolve(file.fileName());
                    if (old != null) {
                        requireSame(old, file);
                        unchanged.add(old);
                        continue;
                    }
                    if (Files.exists(target)) {
                        throw new RevisionFileException(target + " exists but is not revision " + file.revision().id()
                                + ": move it away, then import again");
                    }
                    Path staged = staging.resolve(file.fileName());
                    Files.writeString(staged, file.content(), StandardCharsets.UTF_8);
                    parser.parse(staged.toString(), Files.readAllBytes(staged)); // what we write must read back
                    toMove.add(staged);
                }
                List<Path> written = new ArrayList<>();
                for (Path staged : toMove) {
                    written.add(move(staged, directory.resolve(staged.getFileName().toString())));
                }
                return new Outcome(written, unchanged);
            } finally {
                deleteTree(staging);
            }
        } catch (IOException e) {
            throw new RevisionFileException("cannot write the imported revisions into " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Stops the import, naming the first thing in which the existing file and Alembic's history differ. */
    private void requireSame(Path old, ImportedFile file) throws IOException {
        String content = Files.readString(old, StandardCharsets.UTF_8);
        if (content.equals(file.content())) {
            return;
        }
        Revision ours = parser.parse(old.toString(), content.getBytes(StandardCharsets.UTF_8));
        Revision alembic = parser.parse(file.fileName(), file.content().getBytes(StandardCharsets.UTF_8));
        String difference = difference(ours, alembic);
        throw new RevisionFileException(old + " (revision " + ours.id() + ") disagrees with Alembic's " + file.revision().path()
                + ": " + difference + ". Nothing was imported. Decide which is right: delete or move the file to import"
                + " Alembic's version, or fix the Alembic revision");
    }

    static String difference(Revision ours, Revision alembic) {
        Map<String, Object[]> fields = new LinkedHashMap<>();
        fields.put("down_revision", new Object[] {parents(ours), parents(alembic)});
        fields.put("branch_labels", new Object[] {ours.branchLabels(), alembic.branchLabels()});
        fields.put("depends_on", new Object[] {ours.dependsOn(), alembic.dependsOn()});
        fields.put("transactional", new Object[] {ours.transactional(), alembic.transactional()});
        fields.put("message", new Object[] {ours.message(), alembic.message()});
        fields.put("create_date", new Object[] {ours.createDate(), alembic.createDate()});
        for (Map.Entry<String, Object[]> field : fields.entrySet()) {
            if (!Objects.equals(field.getValue()[0], field.getValue()[1])) {
                return field.getKey() + " is " + field.getValue()[0] + " in the file but " + field.getValue()[1] + " in Alembic";
            }
        }
        if (!Objects.equals(ours.upSql(), alembic.upSql())) {
            return "the up part differs from the SQL Alembic renders for upgrade()";
        }
        if (!Objects.equals(ours.downSql(), alembic.downSql())) {
            return "the down part differs from the SQL Alembic renders for downgrade()";
        }
        return "the text differs (comments)";
    }

    private static String parents(Revision revision) {
        return revision.parents().isEmpty() ? "base" : String.join(", ", revision.parents());
    }

    private Map<String, Path> existingById() throws IOException {
        Map<String, Path> byId = new LinkedHashMap<>();
        if (!Files.isDirectory(directory)) {
            return byId;
        }
        try (Stream<Path> list = Files.list(directory)) {
            for (Path file : list.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                byId.put(parser.parse(file.toString(), Files.readAllBytes(file)).id(), file);
            }
        }
        return byId;
    }

    private static Path move(Path from, Path to) throws IOException {
        try {
            return Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            return Files.move(from, to);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public String toString() {
        return "ImportWriter[" + directory + "]";
    }
}
