package com.plccoach.migrations.internal.alembic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.EnvironmentException;
import com.plccoach.migrations.RevisionFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlembicExportTest {

    @TempDir
    Path project;

    private final AlembicExport export = new AlembicExport(Duration.ofMinutes(1));

    @Test
    void an_interpreter_that_cannot_run_says_what_to_install() throws IOException {
        Path ini = Files.writeString(project.resolve("alembic.ini"), "[alembic]\nscript_location = alembic\n");

        assertThatThrownBy(() -> export.read(ini, project.resolve("no-such-python").toString()))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageStartingWith("Alembic is needed to import an Alembic project, but " + project.resolve("no-such-python")
                        + " cannot be run (")
                .hasMessageEndingWith("Install it (`apt-get install python3-alembic` on Debian/Ubuntu, or `pip install alembic` in"
                        + " the project's environment), or set plccoach.python to the interpreter that runs your migrations");
    }

    @Test
    void an_interpreter_without_alembic_says_what_to_install() throws IOException {
        Path ini = Files.writeString(project.resolve("alembic.ini"), "[alembic]\nscript_location = alembic\n");
        // a real Python that cannot see any installed package: -S skips site-packages and dist-packages
        Path python = Files.writeString(project.resolve("python-without-packages"), "#!/bin/sh\nexec python3 -I -S \"$@\"\n");
        python.toFile().setExecutable(true);

        assertThatThrownBy(() -> export.read(ini, python.toString()))
                .isInstanceOf(EnvironmentException.class)
                .hasMessage("Alembic is needed to import an Alembic project, but " + python + " has no Alembic. Install it"
                        + " (`apt-get install python3-alembic` on Debian/Ubuntu, or `pip install alembic` in the project's"
                        + " environment), or set plccoach.python to the interpreter that runs your migrations");
    }

    @Test
    void a_missing_config_file_names_the_parameters_to_set() {
        Path ini = project.resolve("alembic.ini");

        assertThatThrownBy(() -> export.read(ini, null))
                .isInstanceOf(RevisionFileException.class)
                .hasMessage("no Alembic config at " + ini + ": point plccoach.alembicDir at the directory holding alembic.ini,"
                        + " or plccoach.alembicConfig at the config file");
    }

    @Test
    void the_child_gets_what_python_needs_and_no_credentials() {
        Map<String, String> env = AlembicExport.environment(Map.of("PATH", "/usr/bin", "HOME", "/home/dev",
                "PGPASSWORD", "secret", "DATABASE_URL", "postgresql://u:secret@db/app", "AWS_SECRET_ACCESS_KEY", "k"));

        assertThat(env).containsEntry("PATH", "/usr/bin").containsEntry("HOME", "/home/dev")
                .containsEntry("PYTHONDONTWRITEBYTECODE", "1")
                .doesNotContainKeys("PGPASSWORD", "DATABASE_URL", "AWS_SECRET_ACCESS_KEY");
    }
}
