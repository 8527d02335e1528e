package com.plccoach.migrations.internal.backup;

import com.plccoach.migrations.ShortList;
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

    /** The command with its repeated {@code --table=} arguments summarised: one per table would make the line grow with the plan. */
    static String forLog(List<String> command) {
        List<String> tables = command.stream().filter(a -> a.startsWith("--table=")).map(a -> a.substring("--table=".length())).toList();
        if (tables.size() <= ShortList.SHOWN + 1) {
            return String.join(" ", command);
        }
        List<String> rest = command.stream().filter(a -> !a.startsWith("--table=")).toList();
        return String.join(" ", rest) + " --table=... (" + ShortList.of(tables, "table", "tables") + ")";
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
            LOG.info("Running {}", forLog(command));
        }
        DefaultExecuteResultHandler handler = new DefaultExecuteResultHandler();
        try {
            try {
                executor.execute(line, environment, handler);
                boolean watching = watch != null;
                while (!handler.hasResult()) {
                    watching = watching && !watch.poll();
                    handler.waitFor(POLL);
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

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
