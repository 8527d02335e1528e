package com.plccoach.migrations.it;

import com.plccoach.migrations.internal.catalog.CatalogReader;
import com.plccoach.migrations.internal.catalog.Difference;
import com.plccoach.migrations.internal.catalog.SchemaDiff;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real Alembic projects of the import-alembic cases (under src/test/resources/alembic/), copied
 * into a case's folder and run by the real Alembic: Debian's python3-alembic, installed by
 * scripts/setup-postgres.sh.
 */
public final class AlembicProjects {

    /** The interpreter with Alembic: Debian's, where python3-alembic installs it. */
    public static final String PYTHON = "/usr/bin/python3";

    private AlembicProjects() {
    }

    /** Copies the project {@code name} into {@code basedir/alembic-project} and returns that directory. */
    public static File copy(File basedir, String name) throws IOException, URISyntaxException {
        Path source = Path.of(AlembicProjects.class.getResource("/alembic/" + name).toURI());
        Path target = basedir.toPath().resolve("alembic-project");
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path from : walk.toList()) {
                Path to = target.resolve(source.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target.toFile();
    }

    /** {@code alembic upgrade <target>} on the database, as the team would run it. */
    public static void upgrade(File project, ItDatabase db, String target) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(PYTHON, "-m", "alembic", "upgrade", target)
                .directory(project).redirectErrorStream(true);
        builder.environment().put("DATABASE_URL", db.url().replaceFirst("^jdbc:", ""));
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("alembic upgrade " + target + " failed: " + output);
        }
    }

    /** The differences between two databases' catalogs, as verify's snapshot sees them. */
    public static List<Difference> catalogDifferences(ItDatabase expected, ItDatabase actual) throws SQLException {
        try (Connection e = DriverManager.getConnection(expected.url()); Connection a = DriverManager.getConnection(actual.url())) {
            CatalogReader reader = new CatalogReader("public");
            return SchemaDiff.between(reader.read(e), reader.read(a));
        }
    }
}
