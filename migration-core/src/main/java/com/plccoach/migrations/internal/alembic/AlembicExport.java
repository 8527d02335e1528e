package com.plccoach.migrations.internal.alembic;

import com.plccoach.migrations.EnvironmentException;
import com.plccoach.migrations.RevisionFileException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteException;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Python helper {@code alembic_export.py} with the project's own Python and Alembic, so
 * that every revision is read and rendered by Alembic itself, and reads back what it wrote. The
 * child gets a minimal environment (no DATABASE_URL, no PGPASSWORD) and no URL on its command line:
 * rendering is offline and needs no connection.
 */
public final class AlembicExport {

    /** What the helper found: the revisions parents first, and {@code sqlalchemy.url} when the config sets one. */
    public record Result(String python, List<AlembicRevision> revisions, Optional<String> configUrl) {

        @Override
        public String toString() {
            return revisions.size() + " Alembic revision(s) with " + python;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(AlembicExport.class);
    private static final String HELPER = "alembic_export.py";
    private static final int ALEMBIC_MISSING = 3;
    private static final int CANNOT_READ = 4;
    /** Tried in this order when no interpreter is given: the one on PATH, then Debian's, which python3-alembic serves. */
    static final List<String> DEFAULT_PYTHONS = List.of("python3", "/usr/bin/python3");
    private static final List<String> PASSED_ON = List.of("PATH", "HOME", "LANG", "LC_ALL", "LC_CTYPE", "PYTHONPATH",
            "VIRTUAL_ENV", "PYENV_ROOT", "PYENV_VERSION", "CONDA_PREFIX", "TMPDIR");

    private final Duration timeout;

    public AlembicExport(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * Reads the project of {@code config} (an alembic.ini). {@code python} null tries
     * {@link #DEFAULT_PYTHONS} in order and takes the first that can import Alembic.
     */
    public Result read(Path config, String python) {
        if (!Files.isRegularFile(config)) {
            throw new RevisionFileException("no Alembic config at " + config + ": point plccoach.alembicDir at the directory"
                    + " holding alembic.ini, or plccoach.alembicConfig at the config file");
        }
        List<String> candidates = python == null || python.isBlank() ? DEFAULT_PYTHONS : List.of(absoluteIfPath(python.strip()));
        List<String> tried = new ArrayList<>();
        Path work = null;
        try {
            work = Files.createTempDirectory("plccoach-alembic-", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            Path helper = work.resolve(HELPER);
            try (InputStream in = AlembicExport.class.getResourceAsStream(HELPER)) {
                Files.copy(in, helper);
            }
            for (String candidate : candidates) {
                Path out = Files.createDirectory(work.resolve("out" + tried.size()));
                Outcome outcome = run(candidate, helper, config, out);
                if (outcome.exit == 0) {
                    return new Result(candidate, parse(out), readUrl(out));
                }
                if (outcome.exit == CANNOT_READ) {
                    throw new RevisionFileException("Alembic cannot read the project of " + config + ": "
                            + outcome.stderr.replaceFirst("^CANNOT_READ ", "").strip()
                            + ". Check script_location in " + config.getFileName() + " (`alembic history` must work there)");
                }
                if (outcome.exit != ALEMBIC_MISSING && outcome.started) {
                    throw new RevisionFileException("reading the Alembic project of " + config + " with " + candidate
                            + " failed (exit " + outcome.exit + "): " + lastLines(outcome.stderr)
                            + ". Fix the project so that `alembic history` works there, then import again");
                }
                tried.add(candidate + (outcome.started ? " has no Alembic" : " cannot be run (" + outcome.failure + ")"));
                LOG.info("{}", tried.get(tried.size() - 1));
            }
        } catch (IOException e) {
            throw new EnvironmentException("cannot run the Alembic export helper: " + e.getMessage(), e);
        } finally {
            deleteQuietly(work);
        }
        throw new EnvironmentException("Alembic is needed to import an Alembic project, but " + String.join("; ", tried)
                + ". Install it (`apt-get install python3-alembic` on Debian/Ubuntu, or `pip install alembic` in the"
                + " project's environment), or set plccoach.python to the interpreter that runs your migrations");
    }

    /** A relative path such as .venv/bin/python means from here, not from the directory Alembic runs in. */
    private static String absoluteIfPath(String python) {
        return python.contains("/") ? Path.of(python).toAbsolutePath().toString() : python;
    }

    private record Outcome(boolean started, String failure, int exit, String stderr) {
    }

    private Outcome run(String python, Path helper, Path config, Path out) {
        CommandLine line = new CommandLine(python);
        line.addArgument(helper.toString(), false);
        line.addArgument(config.toAbsolutePath().toString(), false);
        line.addArgument(out.toString(), false);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        ExecuteWatchdog watchdog = ExecuteWatchdog.builder().setTimeout(timeout).get();
        DefaultExecutor executor = DefaultExecutor.builder()
                .setWorkingDirectory(config.toAbsolutePath().getParent().toFile()).get();
        executor.setStreamHandler(new PumpStreamHandler(stdout, stderr));
        executor.setWatchdog(watchdog);
        executor.setExitValues(null);
        LOG.debug("Reading the Alembic project {} with {}", config, python);
        try {
            int exit = executor.execute(line, environment(System.getenv()));
            if (watchdog.killedProcess()) {
                throw new EnvironmentException("the Alembic export helper did not finish within " + timeout.toSeconds()
                        + " s and was stopped; a revision module may wait for input or a network");
            }
            return new Outcome(true, null, exit, stderr.toString(StandardCharsets.UTF_8));
        } catch (ExecuteException e) {
            return new Outcome(true, null, e.getExitValue(), stderr.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Outcome(false, e.getMessage(), -1, "");
        }
    }

    /** Only what Python needs to find itself and the project's packages; never credentials. */
    static Map<String, String> environment(Map<String, String> ours) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String name : PASSED_ON) {
            if (ours.get(name) != null) {
                env.put(name, ours.get(name));
            }
        }
        env.putIfAbsent("LANG", "C.UTF-8");
        env.put("PYTHONIOENCODING", "utf-8");
        // importing the revision modules must not leave __pycache__ folders in the user's project
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        return env;
    }

    static List<AlembicRevision> parse(Path out) throws IOException {
        List<AlembicRevision> revisions = new ArrayList<>();
        for (String row : Files.readAllLines(out.resolve("revisions.tsv"), StandardCharsets.UTF_8)) {
            if (row.isEmpty()) {
                continue;
            }
            String[] f = row.split("\t", -1);
            String n = f[0];
            revisions.add(new AlembicRevision(f[1], list(f[2]), list(f[3]), list(f[4]), f[5].isEmpty() ? null : f[5], f[6], f[7],
                    text(out.resolve(n + ".up.sql")), text(out.resolve(n + ".up.error")),
                    text(out.resolve(n + ".down.sql")), text(out.resolve(n + ".down.error")),
                    Files.exists(out.resolve(n + ".autocommit"))));
        }
        return revisions;
    }

    private static Optional<String> readUrl(Path out) throws IOException {
        Path file = out.resolve("url");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip());
        } finally {
            Files.delete(file); // it may hold a password: it lives no longer than this read
        }
    }

    private static List<String> list(String field) {
        return field.isEmpty() ? List.of() : Arrays.stream(field.split(",")).map(String::strip).toList();
    }

    private static String text(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    }

    private static String lastLines(String text) {
        String[] lines = text.strip().split("\\R");
        return String.join(" | ", Arrays.asList(lines).subList(Math.max(0, lines.length - 3), lines.length));
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not delete the temporary directory {}: {}", dir, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "AlembicExport[timeout=" + timeout + "]";
    }
}
