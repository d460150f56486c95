package io.catalogbridge.alation.simulator;

import io.catalogbridge.simulator.SimulatorFaults;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class SimulatorConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SimulatorProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, SimulatorConfiguration.class);

    @Test
    void offByDefaultWithDocumentedDefaults() {
        context.run(started -> {
            assertThat(started).doesNotHaveBean(AlationSimulator.class);
            SimulatorProperties properties = started.getBean(SimulatorProperties.class);
            assertThat(properties.enabled()).isFalse();
            assertThat(properties.toSettings()).isEqualTo(new SimulatorSettings("127.0.0.1", 8090, 8, 42, 10_000,
                    Duration.ofHours(24), java.util.Map.of(1L, "demo-refresh-token"), SimulatorFaults.Settings.NONE));
            assertThat(properties.toString()).doesNotContain("demo-refresh-token");
        });
    }

    @Test
    void enabledItServesWhileTheContextRunsAndStopsWithIt() {
        AlationSimulator[] running = new AlationSimulator[1];
        context.withPropertyValues("catalog-bridge.simulator.enabled=true", "catalog-bridge.simulator.port=0",
                        "catalog-bridge.simulator.tables=2000", "catalog-bridge.simulator.seed=9",
                        "catalog-bridge.simulator.user-id=81", "catalog-bridge.simulator.refresh-token=r81",
                        "catalog-bridge.simulator.faults.throttle-every=4",
                        "catalog-bridge.simulator.faults.retry-after=3s",
                        "catalog-bridge.simulator.faults.latency=5ms")
                .run(started -> {
                    AlationSimulator simulator = started.getBean(AlationSimulator.class);
                    running[0] = simulator;
                    assertThat(simulator.catalog().tableCount()).isEqualTo(2000);
                    assertThat(simulator.catalog().seed()).isEqualTo(9);
                    assertThat(simulator.faults().current()).isEqualTo(
                            new SimulatorFaults.Settings(Duration.ofMillis(5), 4, 3, 0, 3, 0));
                    String token = SimulatorClient.mintToken(HttpClient.newHttpClient(), simulator.baseUrl(), 81,
                            "r81");
                    assertThat(token).isNotBlank();
                });
        HttpRequest afterClose = HttpRequest.newBuilder(URI.create(running[0].baseUrl() + "/simulator/stats")).build();
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(afterClose, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }
}
