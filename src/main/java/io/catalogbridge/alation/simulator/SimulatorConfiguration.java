package io.catalogbridge.alation.simulator;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the Alation simulator inside the service when {@code catalog-bridge.simulator.enabled=true} (the demo), so
 * the service can be pointed at {@code http://127.0.0.1:<port>} with no Alation instance at hand. Closed with the
 * context.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "catalog-bridge.simulator", name = "enabled", havingValue = "true")
public class SimulatorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SimulatorConfiguration.class);

    @Bean(destroyMethod = "close")
    AlationSimulator alationSimulator(SimulatorProperties properties) throws IOException {
        AlationSimulator simulator = AlationSimulator.start(properties.toSettings());
        log.info("Alation simulator listening on {}: {}, user {}", simulator.baseUrl(), simulator.catalog(),
                properties.userId());
        return simulator;
    }
}
