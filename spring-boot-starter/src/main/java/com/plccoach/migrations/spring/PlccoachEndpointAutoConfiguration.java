package com.plccoach.migrations.spring;

import com.plccoach.migrations.Migrator;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code plccoach} Actuator endpoint, when Actuator is on the classpath and the endpoint is
 * exposed ({@code management.endpoints.web.exposure.include=plccoach}). Kept apart from
 * {@link PlccoachAutoConfiguration} so that an application without Actuator never loads Actuator
 * types (conditions on this class are read without loading it).
 */
@AutoConfiguration(after = PlccoachAutoConfiguration.class)
@ConditionalOnClass({Migrator.class, ConditionalOnAvailableEndpoint.class})
@ConditionalOnAvailableEndpoint(PlccoachEndpoint.class)
public class PlccoachEndpointAutoConfiguration {

    @Bean
    @ConditionalOnBean(Migrator.class)
    @ConditionalOnMissingBean
    PlccoachEndpoint plccoachEndpoint(Migrator migrator) {
        return new PlccoachEndpoint(migrator);
    }
}
