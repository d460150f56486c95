package io.catalogbridge.alation.simulator;

import io.catalogbridge.simulator.SimulatorFaults;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatorMainTest {

    @Test
    void optionsBecomeSettingsWithDefaultsForTheRest() {
        SimulatorSettings settings = AlationSimulatorMain.parse(new String[] {"--port=0", "--seed=7",
            "--tables=1_000_000", "--threads=4", "--token-ttl=PT10M", "--latency-ms=20", "--throttle-every=50",
            "--retry-after=2", "--burst-every=100", "--burst-length=5", "--expire-token-after=30",
            "--users=1:demo-refresh-token,81:r81", "--bind=0.0.0.0"});
        assertThat(settings).isEqualTo(new SimulatorSettings("0.0.0.0", 0, 4, 7, 1_000_000, Duration.ofMinutes(10),
                Map.of(1L, "demo-refresh-token", 81L, "r81"),
                new SimulatorFaults.Settings(Duration.ofMillis(20), 50, 2, 100, 5, 30)));

        assertThat(AlationSimulatorMain.parse(new String[0])).isEqualTo(SimulatorSettings.defaults()
                .withPort(AlationSimulatorMain.DEFAULT_PORT));
    }

    @Test
    void badOptionsAreRefusedByName() {
        assertThatThrownBy(() -> AlationSimulatorMain.parse(new String[] {"--tabels=5"}))
                .hasMessageContaining("tabels");
        assertThatThrownBy(() -> AlationSimulatorMain.parse(new String[] {"--tables=many"}))
                .hasMessageContaining("many");
        assertThatThrownBy(() -> AlationSimulatorMain.parse(new String[] {"tables=5"}))
                .hasMessageContaining("--name=value");
        assertThatThrownBy(() -> AlationSimulatorMain.parse(new String[] {"--token-ttl=24h"}))
                .hasMessageContaining("PT24H");
        assertThatThrownBy(() -> AlationSimulatorMain.parse(new String[] {"--users=1"}))
                .hasMessageContaining("user_id:refresh_token");
        assertThatThrownBy(() -> AlationSimulatorMain.parse(new String[] {"--burst-every=3", "--burst-length=3"}))
                .hasMessageContaining("burstLength");
    }

    @Test
    void theSummaryNamesTheBaseUrlAndEveryDataSource() throws Exception {
        try (AlationSimulator simulator = AlationSimulator.start(SimulatorSettings.defaults().withCatalog(42, 3_000))) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            AlationSimulatorMain.describe(simulator, new PrintStream(bytes, true, StandardCharsets.UTF_8));
            String summary = bytes.toString(StandardCharsets.UTF_8);
            assertThat(summary).startsWith("Alation simulator listening on " + simulator.baseUrl() + "\n")
                    .contains("tables=3000");
            for (SimulatedDataSource source : simulator.catalog().dataSources()) {
                assertThat(summary).contains(source.title()).contains(source.uri());
            }
        }
    }
}
