package com.plccoach.migrations.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.plccoach.migrations.ScriptSource;
import org.junit.jupiter.api.Test;

/** plccoach.locations, read without a database. */
class PlccoachMigratorFactoryTest {

    private final PlccoachMigratorFactory factory = new PlccoachMigratorFactory(new PlccoachProperties(), getClass().getClassLoader());

    @Test
    void aClasspathLocationReadsTheFilesOnTheClasspath() {
        assertThat(factory.scripts("classpath:db/revisions").read()).extracting(ScriptSource.Script::location)
                .anySatisfy(location -> assertThat(location).endsWith("20251114_0900_002_create_messages.sql"));
    }

    @Test
    void aFileLocationReadsTheDirectory() {
        assertThat(factory.scripts("file:src/test/resources/db/revisions").read()).hasSize(2);
    }

    @Test
    void severalLocationsAreRefusedSayingToKeepOne() {
        assertThatThrownBy(() -> factory.scripts("classpath:db/revisions,classpath:db/more"))
                .isInstanceOf(PlccoachConfigurationException.class)
                .hasMessage("plccoach.locations=classpath:db/revisions,classpath:db/more names several locations, but one"
                        + " revision graph lives in one directory: keep one location.");
    }

    @Test
    void anEmptyLocationIsRefusedWithAnExample() {
        assertThatThrownBy(() -> factory.scripts(" "))
                .isInstanceOf(PlccoachConfigurationException.class)
                .hasMessageStartingWith("plccoach.locations is empty: set it to the directory of the revision files, e.g.");
    }
}
