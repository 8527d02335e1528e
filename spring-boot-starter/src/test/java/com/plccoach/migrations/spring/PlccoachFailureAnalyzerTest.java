package com.plccoach.migrations.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.plccoach.migrations.DatabaseUnavailableException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

class PlccoachFailureAnalyzerTest {

    private final PlccoachFailureAnalyzer analyzer = new PlccoachFailureAnalyzer();

    @Test
    void aUsersMistakeIsReportedWithTheToolsMessageAndTheSwitchToStartWithoutIt() {
        FailureAnalysis analysis = analyzer.analyze(new BeanCreationException("plccoachMigrationInitializer",
                "wrapped", new PlccoachConfigurationException("plccoach.locations is empty.")));
        assertThat(analysis.getDescription()).isEqualTo("PLC Coach could not migrate the database at start-up: plccoach.locations is empty.");
        assertThat(analysis.getAction()).isEqualTo("Fix what the message names, or start without migrating with plccoach.enabled=false.");
    }

    @Test
    void anUnreachableDatabaseIsReportedAsTheEnvironmentsFault() {
        FailureAnalysis analysis = analyzer.analyze(new BeanCreationException("plccoachMigrationInitializer",
                "wrapped", new DatabaseUnavailableException("Connection refused.")));
        assertThat(analysis.getAction()).startsWith("Check that the database is reachable");
    }

    @Test
    void otherFailuresAreLeftToSpringBoot() {
        assertThat(analyzer.analyze(new IllegalStateException("not ours"))).isNull();
    }
}
