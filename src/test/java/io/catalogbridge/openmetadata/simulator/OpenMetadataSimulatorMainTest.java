package io.catalogbridge.openmetadata.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalogbridge.simulator.SimulatorFaults;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OpenMetadataSimulatorMainTest {

    @Test
    void noOptionsGiveTheDefaultsOnPort8585() {
        assertThat(OpenMetadataSimulatorMain.parse(new String[0]))
                .isEqualTo(OpenMetadataSimulatorSettings.defaults().withPort(8585));
    }

    @Test
    void everyOptionIsRead() {
        OpenMetadataSimulatorSettings settings = OpenMetadataSimulatorMain.parse(new String[] {"--bind=0.0.0.0",
            "--port=0", "--seed=7", "--tables=1_000_000", "--threads=4", "--version=1.6.2", "--bot-tokens=b1,b2",
            "--user-tokens=u1", "--admin-tokens=a1", "--latency-ms=20", "--throttle-every=5", "--retry-after=0",
            "--burst-every=100", "--burst-length=3", "--expire-token-after=50"});
        assertThat(settings.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(settings.tables()).isEqualTo(1_000_000);
        assertThat(settings.version()).isEqualTo("1.6.2");
        assertThat(settings.principals()).extracting(Principal::token).containsExactly("b1", "b2", "u1", "a1");
        assertThat(settings.principals()).extracting(Principal::seesConnections)
                .containsExactly(true, true, false, true);
        assertThat(settings.faults()).isEqualTo(new SimulatorFaults.Settings(Duration.ofMillis(20), 5, 0, 100, 3,
                50));
        assertThatThrownBy(() -> OpenMetadataSimulatorMain.parse(new String[] {"--nope=1"}))
                .hasMessageContaining("nope");
        assertThatThrownBy(() -> OpenMetadataSimulatorMain.parse(new String[] {"--tables=many"}))
                .hasMessageContaining("many");
    }

    @Test
    void itDescribesWhatItServes() throws Exception {
        try (OpenMetadataSimulator simulator = OpenMetadataSimulator.start(OpenMetadataSimulatorSettings.defaults()
                .withCatalog(42, 1_000))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            OpenMetadataSimulatorMain.describe(simulator, new PrintStream(out, true, StandardCharsets.UTF_8));
            String text = out.toString(StandardCharsets.UTF_8);
            assertThat(text).contains(simulator.baseUrl(), "snowflake_prod", "account=", "postgres_prod",
                    "hostPort=pg-1.corp.example", Principal.DEMO_BOT_TOKEN, "(bot)", "(user)", "expires 2024-02-01");
        }
    }
}
