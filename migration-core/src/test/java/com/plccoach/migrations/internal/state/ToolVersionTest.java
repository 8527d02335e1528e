package com.plccoach.migrations.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ToolVersionTest {

    @Test
    void the_tool_version_is_the_project_version_the_build_was_made_with() {
        // surefire passes the pom's ${project.version}; "development" here would mean the resource was not filtered
        assertThat(ToolVersion.current()).isEqualTo(System.getProperty("plccoach.projectVersion")).isNotEqualTo("development");
    }
}
