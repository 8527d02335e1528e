package com.plccoach.migrations.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Debian's chromium, headless, with everything that could reach the network switched off: the page
 * under test must render from the file alone. scripts/setup-browser.sh installs it.
 */
final class Chromium {

    private final Path profile;

    Chromium(Path profile) {
        this.profile = profile;
    }

    /** The DOM after the page loaded, as chromium serialises it. */
    String dumpDom(Path page) throws IOException, InterruptedException {
        return run(List.of("--dump-dom", page.toUri().toString()));
    }

    BufferedImage screenshot(Path page, Path png) throws IOException, InterruptedException {
        run(List.of("--screenshot=" + png, "--window-size=1200,900", page.toUri().toString()));
        return ImageIO.read(png.toFile());
    }

    private String run(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile));
        command.addAll(arguments);
        Path out = Files.createTempFile(profile, "stdout", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(profile.resolve("stderr.txt").toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("chromium did not finish within 120 s: " + command);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("chromium exited with " + process.exitValue() + ": "
                    + Files.readString(profile.resolve("stderr.txt")));
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static String binary() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("No chromium on this machine: run `bash scripts/setup-browser.sh` (as root on "
                + "Debian/Ubuntu it installs Debian's chromium) and run the test again");
    }

    @Override
    public String toString() {
        return "Chromium[" + profile + "]";
    }
}
