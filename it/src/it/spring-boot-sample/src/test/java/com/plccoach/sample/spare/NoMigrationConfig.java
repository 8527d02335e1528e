package com.plccoach.sample.spare;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** The service's auto-configuration without its own beans (MessageCache would need the schema). */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
class NoMigrationConfig {
}
