package com.plccoach.migrations;

import java.nio.file.Path;

/**
 * An Alembic project to import with {@link Migrator#importAlembic(AlembicProject)}.
 *
 * @param directory the directory holding {@code alembic.ini} (Alembic runs there, as {@code alembic} would)
 * @param config    another config file than {@code <directory>/alembic.ini}, or null
 * @param python    the interpreter that has the project's Alembic; null tries {@code python3} on PATH, then
 *                  {@code /usr/bin/python3} (where Debian's {@code python3-alembic} lives)
 */
public record AlembicProject(Path directory, Path config, String python) {

    public AlembicProject {
        if (directory == null && config == null) {
            throw new ValidationException("say where the Alembic project is: the directory holding alembic.ini"
                    + " (plccoach.alembicDir) or the config file (plccoach.alembicConfig)");
        }
    }

    /** The config file Alembic reads: {@code config} when given, else {@code alembic.ini} in {@code directory}. */
    public Path configFile() {
        if (config == null) {
            return directory.resolve("alembic.ini");
        }
        return config.isAbsolute() || directory == null ? config : directory.resolve(config);
    }

    @Override
    public String toString() {
        return configFile() + (python == null ? "" : " with " + python);
    }
}
