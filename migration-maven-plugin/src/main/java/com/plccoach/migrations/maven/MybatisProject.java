package com.plccoach.migrations.maven;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.ibatis.migration.Change;
import org.apache.ibatis.migration.Environment;
import org.apache.ibatis.migration.FileMigrationLoader;
import org.apache.ibatis.migration.MigrationLoader;

/**
 * A MyBatis Migrations project read by MyBatis' own loader (so its file naming, variables and
 * {@code -- //@UNDO} handling are exactly MyBatis'), turned into a chain of our revisions.
 */
final class MybatisProject {

    /** One revision to write: MyBatis' file name is kept, so imported files stay familiar. */
    record Imported(String id, String fileName, String content) {
    }

    private final File dir;
    private final Environment environment;

    MybatisProject(File dir, String environmentName) {
        this.dir = dir;
        File properties = new File(dir, "environments/" + environmentName + ".properties");
        if (!new File(dir, "scripts").isDirectory() || !properties.isFile()) {
            throw new IllegalArgumentException(dir + " is not a MyBatis Migrations project: it needs scripts/ and "
                    + "environments/" + environmentName + ".properties (set plccoach.mybatisDir and plccoach.mybatisEnvironment)");
        }
        this.environment = new Environment(properties);
    }

    Environment environment() {
        return environment;
    }

    /** Name of the CHANGELOG table, as the environment's variables say. */
    String changelogTable() {
        return environment.getVariables().getProperty("changelog", "CHANGELOG");
    }

    /** Every script in MyBatis' order, each the child of the one before. */
    List<Imported> revisions() throws IOException {
        MigrationLoader loader = new FileMigrationLoader(new File(dir, "scripts"), environment.getScriptCharset(),
                environment.getVariables());
        List<Imported> revisions = new ArrayList<>();
        String parent = "base";
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
            revisions.add(new Imported(id, change.getFilename(), content));
            parent = id;
        }
        return revisions;
    }

    /** MyBatis ids are usually yyyyMMddHHmmss timestamps. */
    private static java.util.Optional<String> createDate(String id) {
        if (!id.matches("\\d{14}")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(id.substring(0, 4) + "-" + id.substring(4, 6) + "-" + id.substring(6, 8) + " "
                + id.substring(8, 10) + ":" + id.substring(10, 12) + ":" + id.substring(12, 14));
    }

    private static String read(Reader reader) throws IOException {
        try (reader) {
            StringWriter out = new StringWriter();
            reader.transferTo(out);
            return out.toString();
        }
    }
}
