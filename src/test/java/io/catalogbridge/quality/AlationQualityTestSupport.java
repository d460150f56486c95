package io.catalogbridge.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.catalogbridge.ApiTestSupport;
import io.catalogbridge.alation.simulator.AlationSimulator;
import io.catalogbridge.alation.simulator.DataQualityStore;
import io.catalogbridge.alation.simulator.JobBehaviour;
import io.catalogbridge.alation.simulator.SimulatedTable;
import io.catalogbridge.alation.simulator.SimulatorSettings;
import io.catalogbridge.alation.simulator.TrustFlags;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of the tests of quality delivery to Alation over HTTP: the core's worker on, fast; the Alation simulator (a
 * catalog of 2,000 tables) integrated as tenant acme's Alation, user 1; and what the tests ask of both. Every test
 * class on it shares one service (the same properties).
 */
@TestPropertySource(properties = {
        "catalog-bridge.quality.delivery.enabled=true",
        "catalog-bridge.quality.delivery.poll-interval=100ms",
        "catalog-bridge.quality.delivery.retry-initial-delay=200ms",
        "catalog-bridge.quality.delivery.retry-max-delay=1s",
        "catalog-bridge.alation.quality.job-poll-interval=50ms"})
abstract class AlationQualityTestSupport extends ApiTestSupport {

    static final String FRESHNESS = "catalog_bridge.freshness";
    static final String INTEGRATION = "/acme/configuration/integrations/alation";

    static AlationSimulator simulator;

    @BeforeAll
    static void startSimulator() throws Exception {
        simulator = AlationSimulator.start(SimulatorSettings.defaults().withCatalog(7, 2_000));
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @BeforeEach
    void integrateWithTheSimulator() {
        simulator.faults().clear();
        simulator.quality().jobs().behaviour(JobBehaviour.DEFAULT);
        simulator.quality().reset();
        integrate(null);
        simulator.resetStats();
    }

    /** Saves acme's integration with the simulator, with the quality object given (JSON, or null for none). */
    void integrate(String quality) {
        Answer put = putJson(INTEGRATION, ALL_TENANTS_KEY, "{\"url\": \"" + simulator.baseUrl()
                + "\", \"user_id\": 1, \"refresh_api_token\": \"demo-refresh-token\""
                + (quality == null ? "" : ", \"quality\": " + quality) + "}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
    }

    static SimulatedTable table(int index) {
        return simulator.catalog().tables().skip(index).findFirst().orElseThrow();
    }

    void register(String assetId) {
        Answer assets = putJson("/acme/assets", ALL_TENANTS_KEY,
                "[{\"asset_id\": \"" + assetId + "\", \"schema\": \"s\", \"table\": \"t\"}]");
        assertThat(assets.status()).as(assets.body()).isEqualTo(200);
    }

    /** Maps the asset to the table by hand (POST /{tenant}/configuration/mappings/alation). */
    void map(String assetId, SimulatedTable table) {
        Answer mapped = call("POST", "/acme/configuration/mappings/alation", ALL_TENANTS_KEY, "application/json",
                "{\"asset_id\": \"" + assetId + "\", \"alation_table_id\": " + table.id() + "}");
        assertThat(mapped.status()).as(mapped.body()).isEqualTo(200);
    }

    void registerAndMap(String assetId, SimulatedTable table) {
        register(assetId);
        map(assetId, table);
    }

    void post(String... results) {
        postAs("/acme", results);
    }

    void postAs(String tenantPath, String... results) {
        Answer posted = call("POST", tenantPath + "/quality/results", ALL_TENANTS_KEY, "application/json",
                "[" + String.join(",", results) + "]");
        assertThat(posted.status()).as(posted.body()).isEqualTo(202);
    }

    /** The Alation delivery of one of the asset's results, by rule and column; null when it has none. */
    JsonNode delivery(String assetId, String ruleKey, String column) {
        Answer answer = get("/acme/quality/results?asset_id=" + assetId, ALL_TENANTS_KEY);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        for (JsonNode result : answer.json()) {
            if (result.get("rule_key").asText().equals(ruleKey)
                    && (column == null ? result.get("column").isNull() : column.equals(result.get("column").asText()))) {
                return result.get("deliveries").get("alation");
            }
        }
        throw new AssertionError("no result " + ruleKey + " of " + assetId + ": " + answer.body());
    }

    JsonNode awaitState(String assetId, String ruleKey, String column, String state) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode delivery = delivery(assetId, ruleKey, column);
            return delivery != null && delivery.get("state").asText().equals(state);
        });
        return delivery(assetId, ruleKey, column);
    }

    /** Waits until the queue holds no due or running delivery of the tenant (everything ended somehow). */
    void awaitQueueSettled() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM quality_delivery WHERE tenant_id = 'acme' AND state = 'PENDING'", Long.class)
                == 0);
    }

    static DataQualityStore.Value value(String fieldKey, String objectKey) {
        return simulator.quality().dataQuality().value(fieldKey, objectKey)
                .orElseThrow(() -> new AssertionError("Alation has no value of " + fieldKey + " on " + objectKey));
    }

    /** The standing flags on the table. */
    static List<TrustFlags.Flag> flagsOn(SimulatedTable table) {
        return simulator.quality().flags().on(table.id());
    }

    /** Where a delivery says Alation holds its copy (quality_delivery.delivered_to). */
    String deliveredTo(String assetId, String ruleKey) {
        return jdbc.queryForObject("SELECT delivered_to FROM quality_delivery WHERE tenant_id = 'acme' AND asset_id = ?"
                + " AND rule_key = ? AND catalog = 'alation'", String.class, assetId, ruleKey);
    }
}
