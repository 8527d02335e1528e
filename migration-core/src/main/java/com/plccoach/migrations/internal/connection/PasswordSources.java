package com.plccoach.migrations.internal.connection;

import com.plccoach.migrations.DatabaseUnavailableException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteException;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The password chain after an explicit password: the URL, {@code PGPASSWORD}, the pgpass file
 * ({@code PGPASSFILE} or {@code ~/.pgpass}), then the password command. The environment and the home
 * directory are given, not read from the process, so the chain can be tested as it is.
 */
public final class PasswordSources {

    /** How long a password command (a secret manager's CLI) may take. */
    public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(PasswordSources.class);

    private final Map<String, String> env;
    private final Path home;
    private final Duration commandTimeout;

    public PasswordSources(Map<String, String> env, Path home) {
        this(env, home, COMMAND_TIMEOUT);
    }

    public PasswordSources(Map<String, String> env, Path home, Duration commandTimeout) {
        this.env = Map.copyOf(env);
        this.home = home;
        this.commandTimeout = commandTimeout;
    }

    /** The process's own environment and home directory. */
    public static PasswordSources ofProcess() {
        return new PasswordSources(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** A password found, and where: the source is safe to log, the value never is. */
    public record Found(String password, String source) {
        @Override
        public String toString() {
            return "password from " + source;
        }
    }

    /** The first source that gives a password for this user at this address, or empty when none does. */
    public Optional<Found> find(DatabaseUrl url, String user, String passwordCommand) {
        if (url.password() != null) {
            return found(url.password(), "the URL");
        }
        String fromEnv = env.get("PGPASSWORD");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return found(fromEnv, "PGPASSWORD");
        }
        Path pgpass = pgpassFile();
        Optional<String> fromFile = fromPgpass(pgpass, url, user);
        if (fromFile.isPresent()) {
            return found(fromFile.get(), pgpass.toString());
        }
        if (passwordCommand != null && !passwordCommand.isBlank()) {
            return found(runCommand(passwordCommand), "plccoach.passwordCommand");
        }
        return Optional.empty();
    }

    private static Optional<Found> found(String password, String source) {
        LOG.debug("Using the password from {}", source);
        return Optional.of(new Found(password, source));
    }

    Path pgpassFile() {
        String configured = env.get("PGPASSFILE");
        return configured != null && !configured.isEmpty() ? Path.of(configured) : home.resolve(".pgpass");
    }

    /** libpq's rules: first matching line wins, {@code *} matches anything, {@code \} escapes {@code :} and itself. */
    static Optional<String> fromPgpass(Path file, DatabaseUrl url, String user) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        if (!privateEnough(file)) {
            LOG.warn("Ignoring {}: it is readable by others; run `chmod 0600 {}`", file, file);
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("Cannot read {}: {}", file, e.getMessage());
            return Optional.empty();
        }
        String database = url.database().isEmpty() ? user : url.database();
        String[] wanted = {url.host(), Integer.toString(url.port()), database, user};
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> fields = fields(line);
            if (fields.size() < 5) {
                continue;
            }
            if (matches(fields, wanted)) {
                return Optional.of(fields.get(4));
            }
        }
        return Optional.empty();
    }

    private static boolean matches(List<String> fields, String[] wanted) {
        for (int i = 0; i < wanted.length; i++) {
            String field = fields.get(i);
            if (!field.equals("*") && !field.equals(wanted[i])) {
                return false;
            }
        }
        return true;
    }

    /** Splits on unescaped colons; the fifth field (the password) takes the rest of the line. */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                current.append(line.charAt(++i));
            } else if (c == ':' && fields.size() < 4) {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        fields.add(current.toString());
        return fields;
    }

    private static boolean privateEnough(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            return permissions.stream().noneMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"));
        } catch (UnsupportedOperationException | IOException e) {
            return true; // no POSIX permissions (Windows): libpq does not check there either
        }
    }

    /**
     * Runs the command without a shell (quote arguments as on a command line; use {@code sh -c '...'}
     * for pipes). Its output is the secret, so no failure message ever includes it.
     */
    String runCommand(String command) {
        List<String> words = words(command);
        String program = words.get(0);
        CommandLine commandLine = new CommandLine(program);
        // Commons Exec's own parser re-quotes arguments with spaces, which breaks `sh -c '...'`
        words.subList(1, words.size()).forEach(word -> commandLine.addArgument(word, false));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExecuteWatchdog watchdog = ExecuteWatchdog.builder().setTimeout(commandTimeout).get();
        DefaultExecutor executor = DefaultExecutor.builder().get();
        executor.setStreamHandler(new PumpStreamHandler(out, OutputStream.nullOutputStream()));
        executor.setWatchdog(watchdog);
        try {
            executor.execute(commandLine, ChildEnvironment.forPasswordCommand(env));
        } catch (ExecuteException e) {
            if (watchdog.killedProcess()) {
                throw new DatabaseUnavailableException("plccoach.passwordCommand (" + program + ") did not finish within "
                        + commandTimeout.toSeconds() + " s and was stopped; check that it runs without asking anything");
            }
            throw new DatabaseUnavailableException("plccoach.passwordCommand (" + program + ") failed with exit code "
                    + e.getExitValue() + "; its output is not shown as it may hold the secret. Run the command yourself to see why");
        } catch (IOException e) {
            throw new DatabaseUnavailableException("plccoach.passwordCommand (" + program + ") cannot be started: "
                    + e.getMessage() + ". Check that the program is installed and on PATH");
        }
        String password = out.toString(StandardCharsets.UTF_8);
        if (password.endsWith("\n")) {
            password = password.substring(0, password.length() - 1);
        }
        if (password.endsWith("\r")) {
            password = password.substring(0, password.length() - 1);
        }
        if (password.isEmpty()) {
            throw new DatabaseUnavailableException("plccoach.passwordCommand (" + program + ") printed nothing: "
                    + "it must print the password on its standard output");
        }
        return password;
    }

    /** Splits as a POSIX shell would: single quotes literal, double quotes and backslash escaping. */
    static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote == '\'' ) {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\\' && i + 1 < command.length() && (quote == 0 || "\"\\$`".indexOf(command.charAt(i + 1)) >= 0)) {
                word.append(command.charAt(++i));
                inWord = true;
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new DatabaseUnavailableException("plccoach.passwordCommand has an unclosed " + quote + " quote");
        }
        if (inWord) {
            words.add(word.toString());
        }
        if (words.isEmpty()) {
            throw new DatabaseUnavailableException("plccoach.passwordCommand is empty");
        }
        return words;
    }
}
