package io.catalogbridge.openmetadata.simulator;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the OpenMetadata simulator inside the service when {@code catalog-bridge.openmetadata.simulator.enabled=true},
 * so the service can be pointed at {@code http://127.0.0.1:<port>} with no OpenMetadata server at hand. Closed with
 * the context.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "catalog-bridge.openmetadata.simulator", name = "enabled", havingValue = "true")
public class OpenMetadataSimulatorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OpenMetadataSimulatorConfiguration.class);

    @Bean(destroyMethod = "close")
    OpenMetadataSimulator openMetadataSimulator(OpenMetadataSimulatorProperties properties) throws IOException {
        OpenMetadataSimulator simulator = OpenMetadataSimulator.start(properties.toSettings());
        log.info("OpenMetadata simulator listening on {}: {}", simulator.baseUrl(), simulator.catalog());
        return simulator;
    }
}
