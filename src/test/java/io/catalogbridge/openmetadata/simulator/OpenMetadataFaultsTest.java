package io.catalogbridge.openmetadata.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.catalogbridge.simulator.SimulatorFaults;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults switched at run time, from Java and over /simulator/faults, and the statistics that count them. */
class OpenMetadataFaultsTest {

    private OpenMetadataSimulator simulator;
    private OmClient bot;

    @BeforeEach
    void start() throws Exception {
        simulator = OpenMetadataSimulator.start(OpenMetadataSimulatorSettings.defaults().withCatalog(5, 500));
        bot = new OmClient(simulator, Principal.DEMO_BOT_TOKEN);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void every4thDataRequestIsThrottledWithRetryAfterOrWithout() {
        simulator.faults().throttle(4, 7);
        assertThat(statuses(8)).containsExactly(200, 200, 200, 429, 200, 200, 200, 429);
        simulator.resetStats(); // restarts the numbering the faults count on
        statuses(3);
        OmClient.Answer withHeader = bot.get("/api/v1/tables");
        assertThat(withHeader.status()).isEqualTo(429);
        assertThat(withHeader.header("Retry-After")).isEqualTo("7");

        simulator.faults().throttle(4, 0);
        statuses(3);
        OmClient.Answer withoutHeader = bot.get("/api/v1/tables");
        assertThat(withoutHeader.status()).isEqualTo(429);
        assertThat(withoutHeader.header("Retry-After")).isNull();
        assertThat(withoutHeader.body()).contains("429 Too Many Requests");
    }

    @Test
    void a503BurstThenTheServiceRecovers() {
        simulator.faults().bursts(5, 2);
        assertThat(statuses(12)).containsExactly(200, 200, 200, 200, 503, 503, 200, 200, 200, 503, 503, 200);
        assertThat(simulator.stats().count("tables", 503)).isEqualTo(4);
        assertThat(simulator.stats().count("tables", 200)).isEqualTo(8);
        simulator.faults().clear();
        assertThat(statuses(3)).containsOnly(200);
    }

    @Test
    void latencyIsAddedToEveryRequest() {
        simulator.faults().latency(Duration.ofMillis(150));
        long start = System.nanoTime();
        assertThat(bot.get("/api/v1/tables").status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void aTokenExpiresAfterNRequestsInTheMiddleOfAListing() {
        simulator.faults().expireTokensAfter(2);
        assertThat(statuses(3)).containsExactly(200, 200, 401);
        assertThat(bot.get("/api/v1/tables").json().path("message").asText()).isEqualTo("Expired token!");
    }

    @Test
    void faultsAndStatsOverHttpForAnotherProcess() {
        OmClient control = new OmClient(simulator, null);
        JsonNode changed = control.post("/simulator/faults", "{\"throttle_every\": 2, \"retry_after\": 0}").json();
        assertThat(changed.path("throttle_every").asInt()).isEqualTo(2);
        assertThat(changed.path("retry_after").asInt()).isZero();
        assertThat(simulator.faults().current()).isEqualTo(new SimulatorFaults.Settings(Duration.ZERO, 2, 0, 0, 3,
                0));
        assertThat(statuses(2)).containsExactly(200, 429);
        JsonNode stats = control.get("/simulator/stats").json();
        assertThat(stats.path("total").asInt()).isEqualTo(2);
        assertThat(stats.path("by_endpoint_and_status").path("tables").path("429").asInt()).isEqualTo(1);
        assertThat(stats.path("objects_served").asInt()).isEqualTo(10);
        assertThat(control.post("/simulator/faults", "{\"throttle\": 1}").status()).isEqualTo(400);
        assertThat(control.post("/simulator/faults", "{\"burst_every\": 2, \"burst_length\": 2}").status())
                .isEqualTo(400);
        assertThat(control.post("/simulator/reset-stats", "").json().path("total").asInt()).isZero();
        assertThat(control.get("/simulator/faults").json().path("throttle_every").asInt()).isEqualTo(2);
    }

    private List<Integer> statuses(int requests) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            statuses.add(bot.get("/api/v1/tables").status());
        }
        return statuses;
    }
}
