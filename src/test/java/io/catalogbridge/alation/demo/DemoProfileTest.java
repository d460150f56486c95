package io.catalogbridge.alation.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.catalogbridge.ApiTestSupport;
import io.catalogbridge.alation.simulator.AlationSimulator;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The demo profile as the README walks through it: the demo tenant is registered against the in-service simulator,
 * and every documented call answers as documented, the automatic mapping included, and the demo's quality results
 * reach Alation once their assets are mapped.
 */
@ActiveProfiles("demo")
// free ports for both simulators: the demo's fixed ones may be taken on a build machine
@TestPropertySource(properties = {"catalog-bridge.simulator.port=0", "catalog-bridge.openmetadata.simulator.port=0",
        // the demo's quality results are delivered as in the service
        "catalog-bridge.quality.delivery.enabled=true", "catalog-bridge.quality.delivery.poll-interval=200ms",
        "catalog-bridge.alation.quality.job-poll-interval=100ms"})
class DemoProfileTest extends ApiTestSupport {

    private static final String INTEGRATION = "/demo/configuration/integrations/alation";
    private static final String MAPPINGS = "/demo/configuration/mappings/alation";

    @Autowired
    AlationSimulator simulator;

    @Autowired
    CamelContext camelContext;

    @Override
    protected void cleanDatabase() {
        // the demo tenant registered at start-up is what this test walks through
    }

    @Test
    void theWalkthroughAnswersAsDocumented() {
        assertThat(camelContext.getRoute("register-demo-tenant")).isNotNull();
        await().atMost(Duration.ofSeconds(30)).until(() -> get(INTEGRATION, ALL_TENANTS_KEY).status() == 200
                // its 20 assets and the OpenMetadata demo's 8 (OpenMetadataDemoProfileTest): one tenant, two catalogs
                && get("/demo/assets", ALL_TENANTS_KEY).json().size() == 28);

        Answer integration = get(INTEGRATION, ALL_TENANTS_KEY);
        assertThat(integration.json().get("url").asText()).isEqualTo(simulator.baseUrl());
        assertThat(integration.json().get("user_id").asLong()).isEqualTo(1);

        // the credentials check goes to the simulator's token endpoint
        Answer put = putJson(INTEGRATION, ALL_TENANTS_KEY, "{\"url\": \"" + simulator.baseUrl()
                + "\", \"user_id\": 1, \"refresh_api_token\": \"demo-refresh-token\"}");
        assertThat(put.status()).isEqualTo(200);
        assertThat(putJson(INTEGRATION, ALL_TENANTS_KEY, "{\"url\": \"" + simulator.baseUrl()
                + "\", \"user_id\": 1, \"refresh_api_token\": \"wrong\"}").status()).isEqualTo(422);

        Answer started = call("POST", MAPPINGS + "/auto?should_overwrite=false", ALL_TENANTS_KEY, null, null);
        assertThat(started.status()).isEqualTo(200);
        assertThat(started.json().get("message").asText()).isEqualTo("Creating Alation mappings started");
        String jobId = started.json().get("job_id").asText();
        JsonNode[] job = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            job[0] = get(MAPPINGS + "/auto?job_id=" + jobId, ALL_TENANTS_KEY).json();
            return !"IN_PROGRESS".equals(job[0].get("status").asText());
        });
        assertThat(job[0].get("status").asText()).isEqualTo("COMPLETED");
        // a job tries every asset of the tenant: the OpenMetadata demo's 8 are not in Alation's catalog
        assertThat(job[0].get("summary").toString())
                .isEqualTo("{\"assets\":28,\"mapped\":18,\"unchanged\":0,\"ambiguous\":1,\"unmatched\":9}");
        assertThat(job[0].get("ambiguous").findValuesAsText("asset_id")).containsExactly("demo-ambiguous");
        List<String> unmatched = job[0].get("unmatched").findValuesAsText("asset_id");
        assertThat(unmatched).contains("demo-unmatched").hasSize(9);
        assertThat(unmatched.stream().filter(asset -> !asset.equals("demo-unmatched")))
                .allMatch(asset -> asset.startsWith("demo-om-"));

        // every demo asset named after a table is mapped to exactly that table
        Answer mappings = get(MAPPINGS, ALL_TENANTS_KEY);
        assertThat(mappings.json()).hasSize(18);
        Map<String, Long> tableIds = new HashMap<>();
        mappings.json().forEach(m -> tableIds.put(m.get("asset_id").asText(), m.get("table_id").asLong()));
        tableIds.forEach((asset, table) -> assertThat(asset).isEqualTo("demo-" + table));
        mappings.json().forEach(m -> assertThat(m.get("data_source_name").asText())
                .isEqualTo(simulator.catalog().dataSource(m.get("data_source_id").asLong()).orElseThrow().title()));

        // the demo's quality results (two per asset, posted at start-up) follow the job's mappings into Alation
        String mappedAsset = mappings.json().get(0).get("asset_id").asText();
        String tableKey = simulator.catalog().table(tableIds.get(mappedAsset)).orElseThrow().key();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                get("/demo/quality/results?asset_id=" + mappedAsset, ALL_TENANTS_KEY).json().findValues("alation")
                        .stream().allMatch(d -> d.get("state").asText().equals("DELIVERED")));
        JsonNode results = get("/demo/quality/results?asset_id=" + mappedAsset, ALL_TENANTS_KEY).json();
        assertThat(results.findValuesAsText("rule_key")).containsExactlyInAnyOrder("freshness", "row_count");
        assertThat(simulator.quality().dataQuality().valuesOf(tableKey)).extracting(v -> v.fieldKey())
                .containsExactlyInAnyOrder("catalog_bridge.freshness", "catalog_bridge.row_count");
        JsonNode unmapped = get("/demo/quality/results?asset_id=demo-unmatched", ALL_TENANTS_KEY).json();
        assertThat(unmapped.findValues("alation")).hasSize(2)
                .allSatisfy(d -> assertThat(d.get("state").asText()).isEqualTo("NOT_MAPPED"));

        long someTable = job[0].at("/ambiguous/0/candidate_table_ids/0").asLong();
        Answer manual = call("POST", MAPPINGS, ALL_TENANTS_KEY, "application/json",
                "{\"asset_id\": \"demo-ambiguous\", \"alation_table_id\": " + someTable + "}");
        assertThat(manual.status()).isEqualTo(200);
        assertThat(manual.json().get("table_id").asLong()).isEqualTo(someTable);
        assertThat(manual.json().get("table_name").asText())
                .isEqualTo(simulator.catalog().table(someTable).orElseThrow().name());

        assertThat(delete(MAPPINGS + "?asset_id=demo-ambiguous", ALL_TENANTS_KEY).json().get("message").asText())
                .isEqualTo("Alation mapping deleted successfully");
        assertThat(delete(INTEGRATION, ALL_TENANTS_KEY).json().get("message").asText())
                .isEqualTo("Alation integration configuration deleted successfully");
        assertThat(get(INTEGRATION, ALL_TENANTS_KEY).status()).isEqualTo(404);
    }
}
