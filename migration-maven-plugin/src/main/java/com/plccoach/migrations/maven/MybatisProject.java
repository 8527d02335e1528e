package com.plccoach.migrations.maven;

import com.plccoach.migrations.ImportedRevision;
import com.plccoach.migrations.Migrator;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.migration.Change;
import org.apache.ibatis.migration.Environment;
import org.apache.ibatis.migration.FileMigrationLoader;
import org.apache.ibatis.migration.MigrationLoader;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * A MyBatis Migrations project read by MyBatis' own loader (so its file naming, variables and
 * {@code -- //@UNDO} handling are exactly MyBatis'), turned into a chain of our revisions. It lives
 * in the plugin so that the core does not depend on MyBatis.
 */
final class MybatisProject {

    private final File dir;
    private final Environment environment;

    private MybatisProject(File dir, Environment environment) {
        this.dir = dir;
        this.environment = environment;
    }

    static MybatisProject open(File dir, String environmentName) throws MojoFailureException {
        File properties = new File(dir, "environments/" + environmentName + ".properties");
        if (!new File(dir, "scripts").isDirectory() || !properties.isFile()) {
            throw new MojoFailureException(dir + " is not a MyBatis Migrations project: it needs scripts/ and "
                    + "environments/" + environmentName + ".properties (set plccoach.mybatisDir and plccoach.mybatisEnvironment)");
        }
        return new MybatisProject(dir, new Environment(properties));
    }

    /** Whether the environment names a database. */
    boolean hasDatabase() {
        return environment.getUrl() != null && !environment.getUrl().isBlank();
    }

    /** Points the builder at the environment's database, its user unless one was given, and its password if any. */
    void connectTo(Migrator.Builder builder, String user) {
        builder.url(environment.getUrl()).user(user != null ? user : environment.getUsername());
        if (environment.getPassword() != null && !environment.getPassword().isEmpty()) {
            builder.password(environment.getPassword());
        }
    }

    /** Name of the CHANGELOG table, as the environment's variables say. */
    String changelogTable() {
        return environment.getVariables().getProperty("changelog", "CHANGELOG");
    }

    /** Every script in MyBatis' order, each the child of the one before. */
    List<ImportedRevision> revisions() throws MojoExecutionException {
        MigrationLoader loader = new FileMigrationLoader(new File(dir, "scripts"), environment.getScriptCharset(),
                environment.getVariables());
        List<ImportedRevision> revisions = new ArrayList<>();
        String parent = "base";
        try {
            for (Change change : loader.getMigrations()) {
                String id = change.getId().toPlainString();
                String up = read(loader.getScriptReader(change, false)).strip();
                // MyBatis' undo reader starts with its own marker comment; ours is the separator line
                String down = read(loader.getScriptReader(change, true)).strip().replaceFirst("^--\\s*@UNDO\\s*\\R", "").strip();
                String content = "-- revision: " + id + "\n"
                        + "-- down_revision: " + parent + "\n"
                        + "-- message: " + change.getDescription().replaceAll("\\s+", " ").strip() + "\n"
                        + createDate(id).map(date -> "-- create_date: " + date + "\n").orElse("")
                        + "\n" + up + "\n\n-- //@UNDO\n\n" + down + "\n";
                revisions.add(new ImportedRevision(id, change.getFilename(), content));
                parent = id;
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot read the MyBatis scripts in " + new File(dir, "scripts") + ": " + e.getMessage(), e);
        }
        return revisions;
    }

    /** MyBatis ids are usually yyyyMMddHHmmss timestamps. */
    private static Optional<String> createDate(String id) {
        if (!id.matches("\\d{14}")) {
            return Optional.empty();
        }
        return Optional.of(id.substring(0, 4) + "-" + id.substring(4, 6) + "-" + id.substring(6, 8) + " "
                + id.substring(8, 10) + ":" + id.substring(10, 12) + ":" + id.substring(12, 14));
    }

    private static String read(Reader reader) throws IOException {
        try (reader) {
            StringWriter out = new StringWriter();
            reader.transferTo(out);
            return out.toString();
        }
    }

    @Override
    public String toString() {
        return "MybatisProject[" + dir + ", changelog " + changelogTable() + "]";
    }
}
