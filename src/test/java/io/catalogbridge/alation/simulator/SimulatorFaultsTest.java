package io.catalogbridge.alation.simulator;

import io.catalogbridge.simulator.SimulatorFaults;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.catalogbridge.simulator.SimulatorHttpClient.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulatorFaultsTest {

    private static final String TABLES = "/integration/v2/table/?limit=5";

    private AlationSimulator simulator;
    private SimulatorClient client;
    private String token;

    @BeforeEach
    void start() throws Exception {
        simulator = AlationSimulator.start(SimulatorSettings.defaults().withCatalog(3, 1_000));
        client = new SimulatorClient(simulator);
        token = client.token();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private List<Integer> statuses(int requests) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            statuses.add(client.get(TABLES, token).status());
        }
        return statuses;
    }

    @Test
    void aDownInstanceAnswersEveryRequestWith503UntilItIsBackWithItsState() {
        simulator.faults().down(true);
        assertThat(statuses(3)).containsOnly(503);
        assertThat(client.post("/integration/v1/createAPIAccessToken/", "application/json",
                "{\"user_id\": 1, \"refresh_token\": \"demo-refresh-token\"}").status()).isEqualTo(503);
        assertThat(simulator.faults().isDown()).isTrue();

        simulator.faults().down(false);
        // the token minted before the outage still serves
        assertThat(statuses(2)).containsOnly(200);
        simulator.faults().down(true).clear();
        assertThat(statuses(1)).containsOnly(200);
    }

    @Test
    void everyNthDataRequestIsThrottledWithRetryAfter() {
        simulator.faults().throttle(3, 2);
        assertThat(statuses(2)).containsOnly(200);
        Answer throttled = client.get(TABLES, token);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isEqualTo("2");
        assertThat(throttled.body()).isEqualTo("{\"detail\":\"Request was throttled.\",\"code\":\"429000\"}");
        assertThat(statuses(6)).containsExactly(200, 200, 429, 200, 200, 429);
        // the token exchange is not a data request: never throttled, not counted
        simulator.faults().throttle(1, 1);
        assertThat(client.post("/integration/v1/createAPIAccessToken/", "application/json",
                "{\"user_id\": 1, \"refresh_token\": \"demo-refresh-token\"}").status()).isEqualTo(201);
        assertThat(client.get(TABLES, token).status()).isEqualTo(429);
        simulator.faults().clear();
        assertThat(statuses(4)).containsOnly(200);
    }

    @Test
    void aBurstOf503sStartsEveryNthDataRequestAndThenTheServiceRecovers() {
        simulator.faults().bursts(5, 2);
        assertThat(statuses(12)).containsExactly(200, 200, 200, 200, 503, 503, 200, 200, 200, 503, 503, 200);
        Answer unavailable = client.get(TABLES, token); // 13
        assertThat(unavailable.status()).isEqualTo(200);
        simulator.faults().bursts(2, 1);
        Answer html = client.get(TABLES, token); // 14: a multiple of 2
        assertThat(html.status()).isEqualTo(503);
        assertThat(html.header("Content-Type")).isEqualTo("text/html");
        assertThat(html.body()).contains("<h1>503 Service Temporarily Unavailable</h1>");
        // a 503 comes from the load balancer: not even a bad token gets past it
        assertThat(client.get(TABLES, "bad-token").status()).isEqualTo(403); // 15
        assertThat(client.get(TABLES, "bad-token").status()).isEqualTo(503); // 16
    }

    @Test
    void latencyIsAddedToEveryRequest() {
        simulator.faults().latency(Duration.ofMillis(150));
        long started = System.nanoTime();
        assertThat(client.get(TABLES, token).status()).isEqualTo(200);
        assertThat(client.token()).isNotBlank();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(simulator.faults().current().latency()).isEqualTo(Duration.ofMillis(150));
    }

    @Test
    void aTokenExpiringMidListingIsReplacedAndTheListingCompletes() {
        simulator.faults().expireTokensAfter(4);
        List<Long> ids = new ArrayList<>();
        String next = "/integration/v2/table/?limit=100";
        int refused = 0;
        while (next != null) {
            Answer page = client.get(next, token);
            if (page.status() == 403) {
                refused++;
                token = client.token(); // what a robust client does: mint a new token, retry the call once
                continue;
            }
            assertThat(page.status()).isEqualTo(200);
            page.json().forEach(table -> ids.add(table.get("id").asLong()));
            next = page.header("X-Next-Page");
        }
        assertThat(ids).containsExactlyElementsOf(simulator.catalog().tables().map(SimulatedTable::id).toList());
        assertThat(refused).isEqualTo(2); // ten pages on tokens of four requests each
        assertThat(simulator.stats().count(SimulatorEndpoint.TABLES, 403)).isEqualTo(2);
        assertThat(simulator.stats().tokensIssued()).isEqualTo(3);
    }

    @Test
    void statsCountResponsesByEndpointAndStatusAndCanBeReset() {
        client.get(TABLES, token);
        client.get(TABLES, token);
        client.get("/integration/v2/table/?limit=-1", token);
        client.get("/integration/v2/schema/?limit=2", token);
        client.get("/integration/v1/datasource/", null);
        client.get("/nothing/here/", token);

        SimulatorStats.Snapshot stats = simulator.stats();
        assertThat(stats.total()).isEqualTo(7); // with the token minted in start()
        assertThat(stats.count(SimulatorEndpoint.TABLES, 200)).isEqualTo(2);
        assertThat(stats.count(SimulatorEndpoint.TABLES, 400)).isEqualTo(1);
        assertThat(stats.count(SimulatorEndpoint.SCHEMAS, 200)).isEqualTo(1);
        assertThat(stats.count(SimulatorEndpoint.DATASOURCES_V1, 403)).isEqualTo(1);
        assertThat(stats.count(SimulatorEndpoint.UNKNOWN, 404)).isEqualTo(1);
        assertThat(stats.byEndpoint()).containsEntry(SimulatorEndpoint.TABLES, 3L)
                .containsEntry(SimulatorEndpoint.TOKEN, 1L);
        assertThat(stats.byStatus()).containsEntry(200, 3L).containsEntry(201, 1L).containsEntry(400, 1L)
                .containsEntry(403, 1L).containsEntry(404, 1L);
        assertThat(stats.objectsServed()).isEqualTo(12);
        assertThat(stats.tokensIssued()).isEqualTo(1);

        JsonNode json = client.get("/simulator/stats", null).json();
        assertThat(json.get("total").asLong()).isEqualTo(7);
        assertThat(json.get("by_endpoint").get("table").asLong()).isEqualTo(3);
        assertThat(json.get("by_status").get("200").asLong()).isEqualTo(3);
        assertThat(json.get("by_endpoint_and_status").get("table").get("400").asLong()).isEqualTo(1);
        assertThat(json.get("objects_served").asLong()).isEqualTo(12);
        assertThat(json.get("tokens_issued").asLong()).isEqualTo(1);
        assertThat(simulator.stats().total()).as("the stats call itself is not counted").isEqualTo(7);

        Answer reset = client.post("/simulator/reset-stats", "application/json", "");
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.json().get("total").asLong()).isZero();
        assertThat(simulator.stats().total()).isZero();
        assertThat(simulator.stats().byEndpoint()).isEmpty();
    }

    @Test
    void faultsAreSwitchedAtRunTimeOverHttpAndResetRestartsTheirCount() {
        Answer changed = client.post("/simulator/faults", "application/json",
                "{\"throttle_every\": 2, \"retry_after\": 7, \"latency_ms\": 1}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("throttle_every").asInt()).isEqualTo(2);
        assertThat(changed.json().get("burst_length").asInt()).as("untouched").isEqualTo(3);
        assertThat(simulator.faults().current()).isEqualTo(
                new SimulatorFaults.Settings(Duration.ofMillis(1), 2, 7, 0, 3, 0));
        assertThat(client.get("/simulator/faults", null).json()).isEqualTo(changed.json());
        assertThat(statuses(4)).containsExactly(200, 429, 200, 429);
        assertThat(client.get(TABLES, token).header("Retry-After")).isNull();

        simulator.resetStats();
        assertThat(statuses(2)).containsExactly(200, 429);

        for (String bad : new String[] {"{\"burst_every\": 2, \"burst_length\": 2}", "{\"throttle_every\": -1}",
            "{\"throttle_evry\": 2}", "{\"latency_ms\": \"slow\"}", "not json"}) {
            Answer refused = client.post("/simulator/faults", "application/json", bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.json().get("detail").asText()).as(bad).startsWith("Invalid faults");
        }
        assertThat(simulator.faults().current().throttleEvery()).isEqualTo(2);
        assertThat(client.post("/simulator/faults", "application/json", "{\"throttle_every\": 0, \"latency_ms\": 0}")
                .status()).isEqualTo(200);
        assertThat(simulator.faults().current()).isEqualTo(new SimulatorFaults.Settings(Duration.ZERO, 0, 7, 0, 3, 0));
    }

    @Test
    void faultsGivenAtStartApply() throws Exception {
        try (AlationSimulator throttling = AlationSimulator.start(SimulatorSettings.defaults().withCatalog(3, 100)
                .withFaults(new SimulatorFaults.Settings(Duration.ZERO, 1, 5, 0, 3, 0)))) {
            SimulatorClient throttled = new SimulatorClient(throttling);
            Answer answer = throttled.get(TABLES, throttled.token());
            assertThat(answer.status()).isEqualTo(429);
            assertThat(answer.header("Retry-After")).isEqualTo("5");
        }
    }
}
