package io.catalogbridge.openmetadata.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalogbridge.simulator.SimulatorFaults;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class OpenMetadataSimulatorConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(OpenMetadataSimulatorProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, OpenMetadataSimulatorConfiguration.class);

    @Test
    void offByDefaultWithItsDefaultsInThePropertiesRecord() {
        context.run(started -> {
            assertThat(started).doesNotHaveBean(OpenMetadataSimulator.class);
            OpenMetadataSimulatorProperties properties = started.getBean(OpenMetadataSimulatorProperties.class);
            assertThat(properties.enabled()).isFalse();
            OpenMetadataSimulatorSettings settings = properties.toSettings();
            assertThat(settings.withPort(0)).isEqualTo(OpenMetadataSimulatorSettings.defaults());
            assertThat(settings.port()).isEqualTo(8585);
            assertThat(properties.toString()).doesNotContain(Principal.DEMO_BOT_TOKEN);
        });
    }

    @Test
    void enabledItServesWhileTheContextRunsAndStopsWithIt() {
        OpenMetadataSimulator[] running = new OpenMetadataSimulator[1];
        context.withPropertyValues("catalog-bridge.openmetadata.simulator.enabled=true",
                        "catalog-bridge.openmetadata.simulator.port=0",
                        "catalog-bridge.openmetadata.simulator.tables=2000",
                        "catalog-bridge.openmetadata.simulator.seed=9",
                        "catalog-bridge.openmetadata.simulator.version=1.6.2",
                        "catalog-bridge.openmetadata.simulator.bot-token=configured-bot-token",
                        "catalog-bridge.openmetadata.simulator.faults.throttle-every=4",
                        "catalog-bridge.openmetadata.simulator.faults.retry-after=3s",
                        "catalog-bridge.openmetadata.simulator.faults.latency=5ms")
                .run(started -> {
                    OpenMetadataSimulator simulator = started.getBean(OpenMetadataSimulator.class);
                    running[0] = simulator;
                    assertThat(simulator.catalog().tableCount()).isEqualTo(2000);
                    assertThat(simulator.catalog().seed()).isEqualTo(9);
                    assertThat(simulator.faults().current()).isEqualTo(
                            new SimulatorFaults.Settings(Duration.ofMillis(5), 4, 3, 0, 3, 0));
                    OmClient.Answer me = new OmClient(simulator, "configured-bot-token")
                            .get("/api/v1/users/loggedInUser");
                    assertThat(me.json().path("name").asText()).isEqualTo("ingestion-bot");
                    assertThat(me.json().path("isBot").asBoolean()).isTrue();
                    assertThat(new OmClient(simulator, null).get("/api/v1/system/version").json().path("version")
                            .asText()).isEqualTo("1.6.2");
                });
        HttpRequest afterClose = HttpRequest.newBuilder(URI.create(running[0].baseUrl() + "/simulator/stats")).build();
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(afterClose, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(java.io.IOException.class);
    }
}
