package com.plccoach.migrations.internal.backup;

import com.plccoach.migrations.ShortList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecuteResultHandler;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteException;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.Executor;
import org.apache.commons.exec.PumpStreamHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one PostgreSQL client binary through Commons Exec with arguments passed as they are (no
 * shell, no quoting), an environment of our choosing, and a time limit. While it runs, a
 * {@link Watch} may be polled: that is how the password file goes away as soon as the client has
 * connected rather than when it exits.
 */
final class ClientProcess {

    private static final Logger LOG = LoggerFactory.getLogger(ClientProcess.class);
    private static final int MAX_OUTPUT = 4000;
    private static final Duration POLL = Duration.ofMillis(25);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    /** Options that say nothing to a reader of the log; the DEBUG line has the full command. */
    private static final java.util.regex.Pattern NOISE = java.util.regex.Pattern.compile(
            "--(snapshot|lock-wait-timeout)=|--no-password$|--strict-names$");

    /** Something to check while the process runs, until it says it is done. */
    interface Watch {
        /** @return true once nothing more needs watching */
        boolean poll();

        /** Called once the process has ended, whatever poll said. */
        void finish();
    }

    /** What the process did; {@code started} is false when the binary could not be run at all. */
    record Result(List<String> command, boolean started, String startFailure, int exitCode, boolean timedOut,
                  String stdout, String stderr) {

        boolean succeeded() {
            return started && !timedOut && exitCode == 0;
        }

        /** The last lines of standard error, enough to say what went wrong. */
        String errorText() {
            String text = stderr.isBlank() ? stdout : stderr;
            text = text.strip();
            return text.length() > MAX_OUTPUT ? "..." + text.substring(text.length() - MAX_OUTPUT) : text;
        }
    }

    private ClientProcess() {
    }

    static Result run(String binary, List<String> arguments, Map<String, String> environment, Duration timeout) {
        return run(binary, arguments, environment, timeout, null);
    }

    static Result run(String binary, List<String> arguments, Map<String, String> environment, Duration timeout, Watch watch) {
        CommandLine line = new CommandLine(binary);
        arguments.forEach(a -> line.addArgument(a, false));
        List<String> command = List.of(line.toStrings());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ExecuteWatchdog watchdog = ExecuteWatchdog.builder().setTimeout(timeout).get();
        DefaultExecutor executor = DefaultExecutor.builder().get();
        executor.setStreamHandler(new PumpStreamHandler(out, err));
        executor.setWatchdog(watchdog);
        executor.setExitValues(null);
        if (arguments.equals(List.of("--version"))) {
            LOG.debug("Running {}", String.join(" ", command)); // a probe, not work a release engineer needs to see
        } else {
            LOG.info("Running {}", summary(command));
            LOG.debug("Full command line: {}", String.join(" ", command));
        }
        DefaultExecuteResultHandler handler = new DefaultExecuteResultHandler();
        try {
            try {
                executor.execute(line, environment, handler);
                boolean watching = watch != null;
                long started = System.nanoTime();
                long nextReport = started + PROGRESS_EVERY.toNanos();
                while (!handler.hasResult()) {
                    watching = watching && !watch.poll();
                    handler.waitFor(POLL);
                    if (System.nanoTime() >= nextReport) {
                        nextReport += PROGRESS_EVERY.toNanos();
                        LOG.info("{} still running after {} s{}", Path.of(binary).getFileName(),
                                (System.nanoTime() - started) / 1_000_000_000L, written(arguments));
                    }
                }
            } finally {
                if (watch != null) {
                    watch.finish();
                }
            }
        } catch (IOException e) {
            return new Result(command, false, e.getMessage(), -1, false, text(out), text(err));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            watchdog.destroyProcess();
            return new Result(command, true, null, -1, true, text(out), text(err));
        }
        ExecuteException failure = handler.getException();
        if (failure != null && failure.getExitValue() == Executor.INVALID_EXITVALUE) {
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            return new Result(command, false, cause.getMessage(), -1, false, text(out), text(err));
        }
        return new Result(command, true, null, handler.getExitValue(), watchdog.killedProcess(), text(out), text(err));
    }

    /**
     * The command for a log line: a --table option per dumped table would make the line as long as
     * the plan, so they are counted and the first few named.
     */
    static String summary(List<String> command) {
        List<String> tables = command.stream().filter(a -> a.startsWith("--table=")).map(a -> a.substring("--table=".length())).toList();
        List<String> shown = new java.util.ArrayList<>();
        shown.add(fileName(command.get(0)));
        command.stream().skip(1).filter(a -> !a.startsWith("--table=") && !NOISE.matcher(a).lookingAt()).map(ClientProcess::fileName)
                .forEach(shown::add);
        String rest = String.join(" ", shown);
        return tables.isEmpty() ? rest : rest + " with --table for " + ShortList.of(tables, "table", "tables", 2);
    }

    /** "--file=/long/dir/x.dump" reads "--file=x.dump": the directory is in the "Backup directory" line. */
    private static String fileName(String argument) {
        boolean file = argument.startsWith("--file=") || !argument.startsWith("-");
        int slash = argument.lastIndexOf('/');
        if (!file || slash < 0 || argument.startsWith("/dev/") || argument.contains("://")) {
            return argument;
        }
        return (argument.startsWith("--file=") ? "--file=" : "") + argument.substring(slash + 1);
    }

    /** ", 12,345,678 bytes written to x.dump.partial" while pg_dump writes its --file, else nothing. */
    private static String written(List<String> arguments) {
        return arguments.stream().filter(a -> a.startsWith("--file=")).findFirst().map(a -> Path.of(a.substring("--file=".length())))
                .filter(Files::isRegularFile).map(file -> {
                    try {
                        return String.format(java.util.Locale.ROOT, ", %,d bytes written to %s", Files.size(file), file.getFileName());
                    } catch (IOException e) {
                        return "";
                    }
                }).orElse("");
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
