package com.plccoach.migrations.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/** Where {@code plccoach.sql} puts the offline script of upgrade and downgrade: the build output, or {@code plccoach.sqlFile}. */
final class SqlOutput {

    private SqlOutput() {
    }

    static String write(String sql, File sqlFile, Log log, String goal) throws MojoExecutionException {
        if (sqlFile == null) {
            sql.lines().forEach(log::info);
            return sql;
        }
        try {
            if (sqlFile.getParentFile() != null) {
                Files.createDirectories(sqlFile.getParentFile().toPath());
            }
            Files.writeString(sqlFile.toPath(), sql, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write plccoach.sqlFile " + sqlFile + ": " + e.getMessage(), e);
        }
        log.info("Wrote the " + goal + " SQL to " + sqlFile);
        return sql;
    }
}
