package com.plccoach.migrations.internal.state;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this library, as recorded in {@code plccoach_history.tool_version} and in offline
 * scripts. Read from a resource the build fills with the project version, rather than from the jar
 * manifest, so that it is also right when the classes are not in a jar (tests, IDEs, a shaded jar
 * that drops the manifest).
 */
public final class ToolVersion {

    static final String RESOURCE = "plccoach-version.properties";
    private static final String UNKNOWN = "development";

    private ToolVersion() {
    }

    /** The project version, or {@code development} when the resource is missing (classes compiled outside Maven). */
    public static String current() {
        try (InputStream in = ToolVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "").strip();
            // an unfiltered copy (a build that skipped resource filtering) still says ${project.version}
            return version.isEmpty() || version.startsWith("${") ? UNKNOWN : version;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE + " from the migration-core jar", e);
        }
    }
}
