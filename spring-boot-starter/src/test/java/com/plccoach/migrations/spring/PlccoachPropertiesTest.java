package com.plccoach.migrations.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.plccoach.migrations.MigratorConfig;
import org.junit.jupiter.api.Test;

class PlccoachPropertiesTest {

    private final PlccoachProperties properties = new PlccoachProperties();

    @Test
    void theSchemaDefaultIsTheToolsOwn() {
        assertThat(properties.getSchema()).isEqualTo(MigratorConfig.DEFAULT_SCHEMA);
    }

    @Test
    void theLockDefaultsAreTheToolsOwn() {
        assertThat(properties.getLockTimeout()).isEqualTo(MigratorConfig.DEFAULT_LOCK_TIMEOUT);
        assertThat(properties.getLockWait()).isEqualTo(MigratorConfig.DEFAULT_LOCK_WAIT);
    }

    @Test
    void toStringHidesThePassword() {
        properties.setPassword("s3cret-Value");
        assertThat(properties.toString()).doesNotContain("s3cret-Value").contains("password=***");
    }
}
