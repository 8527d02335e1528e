package com.plccoach.migrations.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads the compiled descriptor (what {@code mvn help:describe -Dplugin=plccoach -Ddetail} shows) and
 * holds each goal to the parameters it reads, so no goal accepts a setting it silently ignores.
 */
class PluginDescriptorTest {

    private static final Set<String> EVERY_GOAL = Set.of("scripts", "placeholders", "skip", "reportFile");
    private static final Set<String> DATABASE = Set.of("url", "user", "serverId", "passwordCommand", "schema");
    private static final Set<String> FLEET = Set.of("databases", "schemas", "parallelism", "failFast");

    private static Document descriptor;

    @BeforeAll
    static void read() throws Exception {
        descriptor = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File("target/classes/META-INF/maven/plugin.xml"));
    }

    @Test
    void goals_without_a_database_declare_only_the_scripts_and_their_own_parameters() {
        assertThat(parameters("heads")).isEqualTo(Set.of());
        assertThat(parameters("branches")).isEqualTo(Set.of());
        assertThat(parameters("history")).isEqualTo(Set.of("range", "verbose"));
        assertThat(parameters("show")).isEqualTo(Set.of("revision"));
        assertThat(parameters("merge")).isEqualTo(Set.of("revisions", "message"));
    }

    @Test
    void plan_declares_no_sql_backup_or_client_binary() {
        assertThat(databaseParameters("plan")).isEqualTo(Set.of("target", "allowDataLoss"));
    }

    @Test
    void upgrade_declares_the_run_settings_but_no_backup() {
        assertThat(databaseParameters("upgrade"))
                .isEqualTo(Set.of("target", "transactionPerRevision", "allowDataLoss", "lockTimeout", "lockWait", "lockRetries",
                        "batchPause", "sql", "sqlFile"));
    }

    @Test
    void downgrade_declares_the_run_settings_and_the_backup() {
        assertThat(databaseParameters("downgrade")).isEqualTo(Set.of("target", "transactionPerRevision", "allowDataLoss", "backup",
                "backupDir", "pgDump", "pgRestore", "lockTimeout", "lockWait", "lockRetries", "sql", "sqlFile"));
    }

    @Test
    void the_other_database_goals_declare_what_they_read() {
        assertThat(databaseParameters("current")).isEqualTo(Set.of("verbose"));
        assertThat(databaseParameters("stamp")).isEqualTo(Set.of("target", "purge", "lockWait"));
        assertThat(databaseParameters("restore")).isEqualTo(Set.of("backupFile", "pgRestore", "lockWait"));
        assertThat(databaseParameters("verify")).isEqualTo(Set.of("verifyUrl"));
        assertThat(databaseParameters("check")).isEqualTo(Set.of("multipleHeads", "failOnPending", "drift", "desiredSchema", "verifyUrl", "lint"));
        assertThat(databaseParameters("revision"))
                .isEqualTo(Set.of("message", "parent", "branchLabel", "revisionId", "autogenerate", "desiredSchema", "verifyUrl"));
        assertThat(databaseParameters("import-mybatis")).isEqualTo(Set.of("mybatisDir", "mybatisEnvironment", "importState", "lockWait"));
        assertThat(databaseParameters("import-alembic")).isEqualTo(Set.of("alembicDir", "alembicConfig", "python", "lockWait"));
    }

    @Test
    void the_goals_that_run_on_a_fleet_declare_its_parameters_and_the_others_do_not() {
        for (String goal : List.of("upgrade", "downgrade", "current", "check", "plan", "stamp")) {
            assertThat(parameters(goal)).as(goal).containsAll(FLEET);
        }
        for (String goal : List.of("restore", "verify", "revision", "import-mybatis", "history")) {
            assertThat(parameters(goal)).as(goal).doesNotContainAnyElementsOf(FLEET);
        }
    }

    @Test
    void report_declares_the_target_of_its_plan_and_where_the_page_goes() {
        assertThat(databaseParameters("report")).isEqualTo(Set.of("target", "output"));
    }

    @Test
    void backup_is_typed_and_revisions_is_a_list() {
        assertThat(type("downgrade", "backup")).isEqualTo("com.plccoach.migrations.BackupMode");
        assertThat(type("merge", "revisions")).isEqualTo("java.util.List");
    }

    @Test
    void the_plugin_runs_on_maven_3_6_3_and_injects_nothing_through_plexus_requirements() {
        assertThat(descriptor.getDocumentElement().getElementsByTagName("requiredMavenVersion").item(0).getTextContent()).isEqualTo("3.6.3");
        assertThat(descriptor.getElementsByTagName("requirement").getLength()).isZero();
    }

    /** The goal's own parameters: those every goal shares removed; fails if a database goal lacks the connection ones. */
    private static Set<String> databaseParameters(String goal) {
        Set<String> all = parameters(goal);
        assertThat(all).as(goal + " connects").containsAll(DATABASE);
        Set<String> own = new java.util.HashSet<>(all);
        own.removeAll(DATABASE);
        own.removeAll(FLEET);
        return own;
    }

    private static Set<String> parameters(String goal) {
        Map<String, Element> declared = declared(goal);
        assertThat(declared.keySet()).as(goal).containsAll(EVERY_GOAL);
        List<String> own = new ArrayList<>();
        declared.forEach((name, parameter) -> {
            boolean readonly = "false".equals(text(parameter, "editable"));
            if (!EVERY_GOAL.contains(name) && !readonly) {
                own.add(name);
            }
        });
        return Set.copyOf(own);
    }

    private static String type(String goal, String parameter) {
        return text(declared(goal).get(parameter), "type");
    }

    private static Map<String, Element> declared(String goal) {
        NodeList mojos = descriptor.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            if (goal.equals(text(mojo, "goal"))) {
                Map<String, Element> parameters = new LinkedHashMap<>();
                NodeList list = ((Element) mojo.getElementsByTagName("parameters").item(0)).getElementsByTagName("parameter");
                for (int j = 0; j < list.getLength(); j++) {
                    Element parameter = (Element) list.item(j);
                    parameters.put(text(parameter, "name"), parameter);
                }
                return parameters;
            }
        }
        throw new AssertionError("no goal " + goal + " in plugin.xml");
    }

    private static String text(Element element, String child) {
        NodeList nodes = element.getElementsByTagName(child);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
    }
}
