package com.plccoach.migrations.internal.alembic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.MigratorConfig;
import com.plccoach.migrations.RevisionGraphException;
import com.plccoach.migrations.ScriptSource;
import com.plccoach.migrations.internal.graph.RevisionGraph;
import com.plccoach.migrations.internal.script.RevisionParser;
import com.plccoach.migrations.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AlembicStateTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private final RevisionGraph graph = RevisionGraph.of(List.of(
            ImportedFile.of(Revisions.rendered("001", List.of(), "CREATE TABLE a (id int);\n", "DROP TABLE a;\n")),
            ImportedFile.of(Revisions.rendered("002", List.of("001"), "CREATE TABLE b (id int);\n", "DROP TABLE b;\n")),
            ImportedFile.of(Revisions.rendered("003", List.of("002"), "CREATE TABLE c (id int);\n", "DROP TABLE c;\n")))
            .stream().map(f -> new RevisionParser(Map.of()).parse(f.fileName(), f.content().getBytes(StandardCharsets.UTF_8))).toList());

    private AlembicState state;

    @BeforeEach
    void freshDatabase() throws SQLException {
        db.recreate();
        MigratorConfig config = new MigratorConfig(db.url(), null, null, null, null, ScriptSource.directory(Path.of("unused")),
                null, null, false, null, null, false, null, null, null, null, null, null);
        state = new AlembicState(config, this::connect);
    }

    private Connection connect() {
        try {
            return db.connect();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void alembicAt(String version) throws SQLException {
        try (Connection c = db.connect(); var st = c.createStatement()) {
            st.execute("CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY)");
            st.execute("INSERT INTO alembic_version VALUES ('" + version + "')");
        }
    }

    @Test
    void a_database_never_upgraded_by_alembic_has_no_heads() {
        assertThat(state.alembicHeads()).isEmpty();
    }

    @Test
    void alembics_head_and_its_ancestors_become_our_state() throws SQLException {
        alembicAt("002");

        AlembicState.Outcome outcome = state.importState(graph, state.alembicHeads());

        assertThat(outcome.recorded()).containsExactly("001", "002");
        assertThat(db.query("SELECT id FROM plccoach_version ORDER BY id")).containsExactly("001", "002");
        assertThat(db.query("SELECT target FROM plccoach_history")).containsExactly("import-alembic 002");
    }

    @Test
    void importing_the_same_state_again_records_nothing() throws SQLException {
        alembicAt("002");
        state.importState(graph, List.of("002"));

        assertThat(state.importState(graph, List.of("002")).recorded()).isEmpty();
        assertThat(db.query("SELECT count(*) FROM plccoach_history")).containsExactly("1");
    }

    @Test
    void our_state_ahead_of_alembic_version_is_refused_naming_the_revisions() throws SQLException {
        alembicAt("003");
        state.importState(graph, List.of("003"));

        assertThatThrownBy(() -> state.importState(graph, List.of("001")))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessageStartingWith("our state already records [002, 003] as applied, which alembic_version [001] does not");
        assertThat(db.query("SELECT count(*) FROM plccoach_version")).containsExactly("3");
    }

    @Test
    void a_head_the_project_does_not_have_names_the_checkout_to_use() {
        assertThatThrownBy(() -> state.importState(graph, List.of("9f9f")))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessage("alembic_version names revision 9f9f, which the Alembic project does not have: import from the"
                        + " checkout whose versions/ holds it");
    }
}
