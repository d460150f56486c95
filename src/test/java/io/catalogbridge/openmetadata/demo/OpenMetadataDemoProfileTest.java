package io.catalogbridge.openmetadata.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.catalogbridge.ApiTestSupport;
import io.catalogbridge.alation.demo.DemoTenant;
import io.catalogbridge.assets.Asset;
import io.catalogbridge.openmetadata.simulator.OmTable;
import io.catalogbridge.openmetadata.simulator.OpenMetadataSimulator;
import io.catalogbridge.openmetadata.simulator.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The demo profile's OpenMetadata part as the README walks through it: the demo tenant gets its OpenMetadata
 * integration (the in-service simulator) and eight assets beside the Alation demo's twenty, and an OpenMetadata job
 * maps each of the six drawn to be found, reports the ambiguous one with its candidates, and the rest unmatched (the
 * Alation demo's assets are not in OpenMetadata's catalog: a tenant's assets are one set, tried in every catalog).
 */
@ActiveProfiles("demo")
// free ports for both simulators, as DemoProfileTest: the demo's fixed ones may be taken on a build machine
@TestPropertySource(properties = {"catalog-bridge.simulator.port=0", "catalog-bridge.openmetadata.simulator.port=0"})
class OpenMetadataDemoProfileTest extends ApiTestSupport {

    private static final String INTEGRATION = "/demo/configuration/integrations/openmetadata";
    private static final String MAPPINGS = "/demo/configuration/mappings/openmetadata";
    private static final String AUTO = MAPPINGS + "/auto";
    private static final List<String> MAPPED = List.of("demo-om-dotted", "demo-om-mssql", "demo-om-mysql",
            "demo-om-postgres", "demo-om-redshift", "demo-om-snowflake");

    @Autowired
    OpenMetadataSimulator simulator;

    @Autowired
    OpenMetadataDemoTenant openmetadataDemo;

    @Autowired
    DemoTenant alationDemo;

    @Autowired
    CamelContext camelContext;

    @Override
    protected void cleanDatabase() {
        // the demo tenant registered at start-up is what this test walks through
    }

    @Test
    void theOpenMetadataWalkthroughAnswersAsDocumented() {
        assertThat(camelContext.getRoute("register-openmetadata-demo-tenant")).isNotNull();
        await().atMost(Duration.ofSeconds(30)).until(() -> get(INTEGRATION, ALL_TENANTS_KEY).status() == 200
                && get("/demo/assets", ALL_TENANTS_KEY).json().size() == 28);

        Answer integration = get(INTEGRATION, ALL_TENANTS_KEY);
        assertThat(integration.body()).isEqualTo("{\"url\":\"" + simulator.baseUrl() + "\""
                + ",\"data_source_links\":[],\"quality\":{\"push\":true}}");

        // both demos' assets, whichever registration ran first: asset writes add, they never replace
        List<String> registered = new ArrayList<>();
        get("/demo/assets", ALL_TENANTS_KEY).json().forEach(asset -> registered.add(asset.get("asset_id").asText()));
        assertThat(registered).containsExactlyInAnyOrderElementsOf(Stream.concat(alationDemo.assets().stream(),
                openmetadataDemo.assets().stream()).map(Asset::assetId).toList());

        // the token check goes to the simulator's /users/loggedInUser: the bot's passes, an expired one is refused
        String body = "{\"url\": \"" + simulator.baseUrl() + "\", \"jwt_token\": \"%s\"}";
        assertThat(putJson(INTEGRATION, ALL_TENANTS_KEY, body.formatted(Principal.DEMO_BOT_TOKEN)).status())
                .isEqualTo(200);
        Answer expired = putJson(INTEGRATION, ALL_TENANTS_KEY, body.formatted(Principal.DEMO_EXPIRED_TOKEN));
        assertThat(expired.status()).as(expired.body()).isEqualTo(422);
        assertThat(expired.json().get("detail").asText()).contains("Expired token!");
        assertThat(get(INTEGRATION, ALL_TENANTS_KEY).body()).isEqualTo(integration.body());

        JsonNode job = finishedJob(AUTO, startJob(AUTO + "?should_overwrite=false", "OpenMetadata"));
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("COMPLETED");
        assertThat(job.get("summary").toString())
                .isEqualTo("{\"assets\":28,\"mapped\":6,\"unchanged\":0,\"ambiguous\":1,\"unmatched\":21}");
        assertThat(job.get("result").findValuesAsText("asset_id")).containsExactlyElementsOf(MAPPED);
        // every mapping is the one table of the asset's spelling, as the simulator's catalog has it
        for (JsonNode mapping : job.get("result")) {
            Asset asset = demoAsset(mapping.get("asset_id").asText());
            OmTable table = simulator.catalog().tableByFqn(mapping.get("table_fqn").asText()).orElseThrow();
            assertThat(mapping.get("table_id").asText()).isEqualTo(table.id().toString());
            assertThat(mapping.get("table_name").asText()).isEqualTo(table.name())
                    .isEqualToIgnoringCase(asset.table());
        }
        // MySQL's schemas sit under OpenMetadata's database "default"; the lower-case Snowflake asset found its
        // upper-case table; the dotted name is quoted in its FQN
        assertThat(mapping(job.get("result"), "demo-om-mysql").get("database_name").asText()).isEqualTo("default");
        assertThat(mapping(job.get("result"), "demo-om-snowflake").get("table_name").asText())
                .isEqualTo(demoAsset("demo-om-snowflake").table().toUpperCase(Locale.ROOT));
        assertThat(mapping(job.get("result"), "demo-om-dotted").get("table_fqn").asText())
                .endsWith(".\"" + demoAsset("demo-om-dotted").table() + "\"");

        assertThat(job.get("ambiguous").findValuesAsText("asset_id")).containsExactly("demo-om-ambiguous");
        Asset ambiguous = demoAsset("demo-om-ambiguous");
        List<String> candidates = new ArrayList<>();
        job.at("/ambiguous/0/candidate_table_ids").forEach(id -> candidates.add(id.asText()));
        assertThat(candidates).hasSizeGreaterThan(1).containsExactlyInAnyOrderElementsOf(simulator.catalog().tables()
                .filter(table -> (table.schema().database().name() + "." + table.schema().name())
                        .equals(ambiguous.schema()) && table.name().equals(ambiguous.table()))
                .map(table -> table.id().toString()).toList());
        List<String> unmatched = job.get("unmatched").findValuesAsText("asset_id");
        assertThat(unmatched).hasSize(21).contains("demo-om-unmatched")
                .containsAll(alationDemo.assets().stream().map(Asset::assetId).toList());

        Answer mappings = get(MAPPINGS, ALL_TENANTS_KEY);
        assertThat(mappings.status()).isEqualTo(200);
        assertThat(mappings.json()).isEqualTo(job.get("result"));

        // the ambiguous asset mapped by hand, its table named by FQN
        OmTable chosen = simulator.catalog().table(UUID.fromString(candidates.get(0))).orElseThrow();
        Answer manual = call("POST", MAPPINGS, ALL_TENANTS_KEY, "application/json",
                objectMapper.createObjectNode().put("asset_id", "demo-om-ambiguous")
                        .put("table_fqn", chosen.fullyQualifiedName()).toString());
        assertThat(manual.status()).as(manual.body()).isEqualTo(200);
        assertThat(manual.json().get("table_id").asText()).isEqualTo(chosen.id().toString());
        assertThat(manual.json().get("service_name").asText()).isEqualTo(chosen.schema().service().name());
        assertThat(get(MAPPINGS, ALL_TENANTS_KEY).json()).hasSize(7);

        assertThat(delete(MAPPINGS + "?asset_id=demo-om-ambiguous", ALL_TENANTS_KEY).json().get("message").asText())
                .isEqualTo("OpenMetadata mapping deleted successfully");
        assertThat(get(MAPPINGS, ALL_TENANTS_KEY).json()).isEqualTo(job.get("result"));
    }

    private Asset demoAsset(String assetId) {
        return openmetadataDemo.assets().stream().filter(asset -> asset.assetId().equals(assetId)).findFirst()
                .orElseThrow();
    }

    private static JsonNode mapping(JsonNode mappings, String assetId) {
        for (JsonNode mapping : mappings) {
            if (mapping.get("asset_id").asText().equals(assetId)) {
                return mapping;
            }
        }
        throw new AssertionError("no mapping of " + assetId + " in " + mappings);
    }
}
