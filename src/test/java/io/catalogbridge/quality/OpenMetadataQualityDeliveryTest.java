package io.catalogbridge.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.catalogbridge.ApiTestSupport;
import io.catalogbridge.openmetadata.simulator.OmTable;
import io.catalogbridge.openmetadata.simulator.OmTestCaseResult;
import io.catalogbridge.openmetadata.simulator.OpenMetadataSimulator;
import io.catalogbridge.openmetadata.simulator.OpenMetadataSimulatorSettings;
import io.catalogbridge.openmetadata.simulator.Principal;
import io.catalogbridge.openmetadata.simulator.ServiceType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Quality results delivered to OpenMetadata by the core's worker, over HTTP against the OpenMetadata simulator (at
 * 1.4.0, whose results go to PUT .../{fqn}/testCaseResult and whose test cases name their table's executable suite,
 * which the wing creates once, and at 1.6.2, POST .../testCaseResults/{fqn}): each result becomes its test case's
 * result, a newer one follows it, a removed one takes its test case away, a result follows its asset's mapping (moved:
 * the old test case goes; removed: the case goes and the result is NOT_MAPPED; the asset deleted: its cases go), the
 * integration's quality push decides whether anything goes, saving the integration delivers what it missed, and a
 * throttling, failing OpenMetadata only delays delivery.
 */
@TestPropertySource(properties = {
        "catalog-bridge.quality.delivery.enabled=true",
        "catalog-bridge.quality.delivery.poll-interval=100ms",
        "catalog-bridge.quality.delivery.retry-initial-delay=200ms",
        "catalog-bridge.quality.delivery.retry-max-delay=1s"})
class OpenMetadataQualityDeliveryTest extends ApiTestSupport {

    private static OpenMetadataSimulator oldServer;
    private static OpenMetadataSimulator newServer;
    private static OmTable table;
    private static OmTable otherTable;

    @BeforeAll
    static void startSimulators() throws Exception {
        oldServer = OpenMetadataSimulator.start(OpenMetadataSimulatorSettings.defaults().withCatalog(7, 2_000));
        newServer = OpenMetadataSimulator.start(OpenMetadataSimulatorSettings.defaults().withCatalog(7, 2_000)
                .withVersion("1.6.2"));
        table = oldServer.catalog().tables()
                .filter(t -> !t.deleted() && t.schema().database().service().type() == ServiceType.POSTGRES
                        && t.fullyQualifiedName().contains("\""))
                .findFirst().orElseThrow();
        otherTable = oldServer.catalog().tables()
                .filter(t -> !t.deleted() && t.index() != table.index() && !t.fullyQualifiedName().contains("\""))
                .findFirst().orElseThrow();
    }

    @AfterAll
    static void stopSimulators() {
        oldServer.close();
        newServer.close();
    }

    @BeforeEach
    void resetSimulators() {
        jdbc.update("DELETE FROM quality_delivery");
        for (OpenMetadataSimulator simulator : List.of(oldServer, newServer)) {
            simulator.faults().clear();
            simulator.quality().reset();
            simulator.drift().reset();
        }
    }

    /** The tenant's asset mapped by hand to the chosen table (a dotted schema, quoted in its FQN) of the server. */
    private void integrateAndMap(OpenMetadataSimulator server) {
        integrate(server, "");
        assertThat(putJson("/acme/assets", ALL_TENANTS_KEY, "[{\"asset_id\": \"a1\", \"schema\": \"s\", \"table\": \"t\"},"
                + " {\"asset_id\": \"unmapped\", \"schema\": \"s\", \"table\": \"u\"}]").status()).isEqualTo(200);
        map(table);
    }

    /** PUTs the tenant's integration of the server; {@code more} adds members to its body (", \"quality\": ..."). */
    private void integrate(OpenMetadataSimulator server, String more) {
        Answer put = putJson("/acme/configuration/integrations/openmetadata", ALL_TENANTS_KEY,
                "{\"url\": \"" + server.baseUrl() + "\", \"jwt_token\": \"" + Principal.DEMO_BOT_TOKEN + "\"" + more + "}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
    }

    /** Maps asset a1 by hand to the table (POST /{tenant}/configuration/mappings/openmetadata). */
    private void map(OmTable to) {
        Answer mapped = call("POST", "/acme/configuration/mappings/openmetadata", ALL_TENANTS_KEY, "application/json",
                "{\"asset_id\": \"a1\", \"openmetadata_table_id\": \"" + to.id() + "\"}");
        assertThat(mapped.status()).as(mapped.body()).isEqualTo(200);
    }

    /** Where the queue says OpenMetadata holds each of a1's results, by rule key. */
    private java.util.Map<String, Object> deliveredTo() {
        java.util.Map<String, Object> where = new java.util.TreeMap<>();
        jdbc.queryForList("SELECT rule_key, delivered_to FROM quality_delivery WHERE catalog = 'openmetadata'"
                + " AND asset_id = 'a1'").forEach(row -> where.put((String) row.get("rule_key"), row.get("delivered_to")));
        return where;
    }

    private void post(String results) {
        Answer answer = call("POST", "/acme/quality/results", ALL_TENANTS_KEY, "application/json", results);
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
    }

    private static String result(String rule, String column, String status, String value, String measuredAt) {
        return ("{\"asset_id\": \"a1\", \"rule_key\": \"%s\", \"rule_name\": \"%s rule\", \"value_type\": \"NUMERIC\","
                + " \"column\": %s, \"status\": \"%s\", \"value\": %s, \"url\": \"https://obs.example.com/m/1\","
                + " \"measured_at\": \"%s\"}").formatted(rule, rule, column == null ? "null" : "\"" + column + "\"",
                status, value, measuredAt);
    }

    @Test
    void aDeliveryToADeletedTableFailsAndMarksTheMappingStale() {
        integrateAndMap(newServer);
        newServer.drift().drop(table.id(), true);

        post("[" + result("freshness", null, "ALERT", "1", "2026-12-01T09:00:00Z") + "]");

        JsonNode results = awaitState("a1", "FAILED");
        String error = results.at("/0/deliveries/openmetadata/error").asText();
        assertThat(error).contains("OpenMetadata has no table for");
        java.util.Map<String, Object> state = jdbc.queryForMap("SELECT table_id, state, reason FROM mapping_state"
                + " WHERE tenant_id = 'acme' AND catalog = 'openmetadata' AND asset_id = 'a1'");
        assertThat(state).isEqualTo(java.util.Map.of("table_id", table.id().toString(), "state", "GONE",
                "reason", error));
        Answer stale = get("/acme/configuration/mappings/openmetadata?state=stale", ALL_TENANTS_KEY);
        assertThat(stale.json().findValuesAsText("asset_id")).containsExactly("a1");
        assertThat(stale.json().at("/0/state").asText()).isEqualTo("GONE");
        assertThat(get("/acme/configuration/integrations/openmetadata/status", ALL_TENANTS_KEY).json()
                .get("stale_mappings").asInt()).isEqualTo(1);
    }

    /** Waits until every result of the asset is in the state in OpenMetadata; answers the results. */
    private JsonNode awaitState(String assetId, String state) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = get("/acme/quality/results?asset_id=" + assetId, ALL_TENANTS_KEY).json();
            boolean all = last[0].size() > 0;
            for (JsonNode result : last[0]) {
                all &= state.equals(result.at("/deliveries/openmetadata/state").asText());
            }
            return all;
        });
        return last[0];
    }

    private static String caseFqn(String rule, String column) {
        return caseFqn(table, rule, column);
    }

    private static String caseFqn(OmTable on, String rule, String column) {
        return (column == null ? on.fullyQualifiedName() : on.fullyQualifiedName() + "." + column)
                + ".catalogBridge_" + rule + (column == null ? "" : "_" + column);
    }

    private static OmTestCaseResult latest(OpenMetadataSimulator server, String caseFqn) {
        Optional<OmTestCaseResult> result = server.quality().latestResult(caseFqn);
        assertThat(result).as("a result of " + caseFqn + " in " + server.quality().testCases()).isPresent();
        return result.get();
    }

    @Test
    void resultsBecomeTestCaseResultsOnTheTableAndItsColumnAndFollowNewerOnes() {
        integrateAndMap(oldServer);
        post("[" + result("freshness", null, "ALERT", "26.5", "2026-12-01T09:00:00Z") + ", "
                + result("nulls", "name", "GOOD", "0", "2026-12-01T09:00:00Z") + ", "
                + result("volume", null, "WARNING", "120", "2026-12-01T09:00:00Z") + "]");

        JsonNode delivered = awaitState("a1", "DELIVERED");

        assertThat(delivered.findValuesAsText("rule_key")).containsExactlyInAnyOrder("freshness", "nulls", "volume");
        assertThat(oldServer.quality().testCases()).hasSize(3);
        OmTestCaseResult freshness = latest(oldServer, caseFqn("freshness", null));
        assertThat(freshness.testCaseStatus()).isEqualTo("Failed");
        assertThat(freshness.timestamp()).isEqualTo(java.time.Instant.parse("2026-12-01T09:00:00Z").toEpochMilli());
        assertThat(latest(oldServer, caseFqn("nulls", "name")).testCaseStatus()).isEqualTo("Success");
        OmTestCaseResult volume = latest(oldServer, caseFqn("volume", null));
        assertThat(volume.testCaseStatus()).isEqualTo("Failed");
        assertThat(volume.result()).startsWith("WARNING:");
        // each result was stored once: a retried call would answer 409 and store nothing
        assertThat(oldServer.quality().testCases()).allSatisfy(testCase -> assertThat(
                oldServer.quality().results(testCase.fullyQualifiedName())).as(testCase.fullyQualifiedName()).hasSize(1));

        // a newer result of the same rule follows; the unmapped asset's result stays where it is
        post("[" + result("freshness", null, "GOOD", "1.5", "2026-12-01T10:00:00Z") + "]");
        await().atMost(Duration.ofSeconds(40)).until(() -> oldServer.quality().results(caseFqn("freshness", null)).size() == 2);
        awaitState("a1", "DELIVERED");
        assertThat(latest(oldServer, caseFqn("freshness", null)).testCaseStatus()).isEqualTo("Success");
        assertThat(oldServer.quality().testCases()).hasSize(3);
    }

    @Test
    void aRemovedResultTakesItsTestCaseAwayAndAnUnmappedAssetIsNotDelivered() {
        integrateAndMap(oldServer);
        post("[" + result("freshness", null, "ALERT", "26.5", "2026-12-01T09:00:00Z") + ", "
                + result("freshness", null, "ALERT", "3", "2026-12-01T09:00:00Z").replace("\"a1\"", "\"unmapped\"") + "]");
        awaitState("a1", "DELIVERED");
        assertThat(awaitState("unmapped", "NOT_MAPPED")).hasSize(1);
        assertThat(oldServer.quality().testCase(caseFqn("freshness", null))).isPresent();

        assertThat(delete("/acme/quality/results?asset_id=a1&rule_key=freshness", ALL_TENANTS_KEY).status())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(40))
                .until(() -> oldServer.quality().testCase(caseFqn("freshness", null)).isEmpty());
        // the queue settles just after OpenMetadata answered the delete
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForList("SELECT state FROM quality_delivery"
                + " WHERE catalog = 'openmetadata' AND asset_id = 'a1'", String.class), states -> states.equals(
                List.of("DELIVERED")));
    }

    @Test
    void aNewerServerTakesResultsAtItsOwnPathAndAThrottlingFailingServerOnlyDelaysThem() {
        integrateAndMap(newServer);
        newServer.faults().throttle(5, 0).bursts(7, 1);
        post("[" + result("freshness", null, "ALERT", "26.5", "2026-12-01T09:00:00Z") + ", "
                + result("nulls", "name", "GOOD", "0", "2026-12-01T09:00:00Z") + "]");

        awaitState("a1", "DELIVERED");

        assertThat(latest(newServer, caseFqn("freshness", null)).testCaseStatus()).isEqualTo("Failed");
        assertThat(latest(newServer, caseFqn("nulls", "name")).testCaseStatus()).isEqualTo("Success");
        assertThat(newServer.quality().resultCount()).isEqualTo(2);
        assertThat(newServer.quality().testSuites()).isEmpty(); // a 1.6 test case makes its table's suite itself
        assertThat(newServer.stats().count("testCaseResults", 429) + newServer.stats().count("testCases", 429)
                + newServer.stats().count("testDefinitions", 429)).isPositive();
        assertThat(oldServer.quality().testCaseCount()).isZero();
    }
    @Test
    void aMappingMovedByHandTakesTheTestCaseToTheNewTableAndARemovedMappingTakesItAway() {
        integrateAndMap(oldServer);
        post("[" + result("freshness", null, "ALERT", "26.5", "2026-12-01T09:00:00Z") + "]");
        awaitState("a1", "DELIVERED");
        assertThat(oldServer.quality().testCase(caseFqn("freshness", null))).isPresent();
        assertThat(deliveredTo()).containsEntry("freshness", table.fullyQualifiedName());

        map(otherTable); // the core queues the result again; the wing moves OpenMetadata's copy
        await().atMost(Duration.ofSeconds(40)).until(() -> oldServer.quality().testCase(caseFqn(otherTable,
                "freshness", null)).isPresent() && oldServer.quality().testCase(caseFqn("freshness", null)).isEmpty());
        awaitState("a1", "DELIVERED");

        OmTestCaseResult moved = latest(oldServer, caseFqn(otherTable, "freshness", null));
        assertThat(moved.testCaseStatus()).isEqualTo("Failed");
        assertThat(moved.timestamp()).isEqualTo(java.time.Instant.parse("2026-12-01T09:00:00Z").toEpochMilli());
        assertThat(oldServer.quality().testCases()).extracting(c -> c.fullyQualifiedName())
                .containsExactly(caseFqn(otherTable, "freshness", null));
        assertThat(deliveredTo()).containsEntry("freshness", otherTable.fullyQualifiedName());
        // a 1.4 server: each table got its executable suite before its test case
        assertThat(oldServer.quality().testSuites()).extracting(suite -> suite.fullyQualifiedName())
                .containsExactlyInAnyOrder(table.fullyQualifiedName() + ".testSuite",
                        otherTable.fullyQualifiedName() + ".testSuite");

        assertThat(delete("/acme/configuration/mappings/openmetadata?asset_id=a1", ALL_TENANTS_KEY).status())
                .isEqualTo(200);
        JsonNode unmapped = awaitState("a1", "NOT_MAPPED");
        assertThat(unmapped.get(0).at("/deliveries/openmetadata/delivered_at").isNull()).isTrue();
        assertThat(oldServer.quality().testCases()).isEmpty();
        assertThat(deliveredTo()).hasSize(1).containsEntry("freshness", null);
        assertThat(jdbc.queryForList("SELECT state FROM quality_delivery WHERE catalog = 'openmetadata'"
                + " AND asset_id = 'a1'", String.class)).containsExactly("NOT_MAPPED");
    }

    @Test
    void deletingTheAssetRemovesItsTestCasesFromOpenMetadata() {
        integrateAndMap(newServer);
        post("[" + result("freshness", null, "ALERT", "26.5", "2026-12-01T09:00:00Z") + ", "
                + result("nulls", "name", "GOOD", "0", "2026-12-01T09:00:00Z") + "]");
        awaitState("a1", "DELIVERED");
        assertThat(newServer.quality().testCases()).hasSize(2);

        assertThat(delete("/acme/assets?asset_id=a1", ALL_TENANTS_KEY).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(40)).until(() -> newServer.quality().testCaseCount() == 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForList("SELECT state FROM quality_delivery"
                + " WHERE catalog = 'openmetadata' AND asset_id = 'a1'", String.class).stream()
                .allMatch("DELIVERED"::equals));
        assertThat(jdbc.queryForList("SELECT removal, delivered_to FROM quality_delivery WHERE catalog = 'openmetadata'"
                + " AND asset_id = 'a1'")).hasSize(2).allSatisfy(row -> {
                    assertThat(row.get("removal")).isEqualTo(true);
                    assertThat(row.get("delivered_to")).isNull();
                });
        assertThat(newServer.quality().resultCount()).isZero();
    }

    @Test
    void resultsPostedBeforeTheIntegrationExistedAreDeliveredOnceItIsSaved() {
        integrateAndMap(newServer);
        assertThat(delete("/acme/configuration/integrations/openmetadata", ALL_TENANTS_KEY).status()).isEqualTo(200);
        post("[" + result("freshness", null, "ALERT", "26.5", "2026-12-01T09:00:00Z") + "]");
        JsonNode before = get("/acme/quality/results?asset_id=a1", ALL_TENANTS_KEY).json();
        assertThat(before.get(0).get("deliveries").has("openmetadata")).isFalse();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM quality_delivery WHERE catalog = 'openmetadata'",
                Integer.class)).isZero();

        integrate(newServer, ""); // the mapping outlived the integration; saving it queues what it missed

        awaitState("a1", "DELIVERED");
        assertThat(latest(newServer, caseFqn("freshness", null)).testCaseStatus()).isEqualTo("Failed");
        assertThat(deliveredTo()).containsEntry("freshness", table.fullyQualifiedName());
    }

    @Test
    void withThePushOffNothingGoesToOpenMetadataAndTurningItOnDeliversWhatWasKept() throws Exception {
        integrateAndMap(newServer);
        integrate(newServer, ", \"quality\": {\"push\": false}");
        newServer.resetStats();
        post("[" + result("freshness", null, "ALERT", "26.5", "2026-12-01T09:00:00Z") + "]");

        Thread.sleep(1_000); // ten polls of the worker
        JsonNode results = get("/acme/quality/results?asset_id=a1", ALL_TENANTS_KEY).json();
        assertThat(results).hasSize(1);
        assertThat(results.get(0).get("deliveries").has("openmetadata")).isFalse();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM quality_delivery WHERE catalog = 'openmetadata'",
                Integer.class)).isZero();
        assertThat(newServer.quality().testCaseCount()).isZero();
        assertThat(newServer.stats().count("testCases", 201) + newServer.stats().count("testDefinitions", 201))
                .isZero();

        integrate(newServer, ", \"quality\": {\"push\": true}");
        awaitState("a1", "DELIVERED");
        assertThat(latest(newServer, caseFqn("freshness", null)).testCaseStatus()).isEqualTo("Failed");
    }

    @Test
    void a14ServerGetsEachTablesExecutableSuiteOnceAndItsTestCasesNameIt() {
        integrateAndMap(oldServer);
        oldServer.resetStats();
        post("[" + result("freshness", null, "ALERT", "26.5", "2026-12-01T09:00:00Z") + ", "
                + result("nulls", "name", "GOOD", "0", "2026-12-01T09:00:00Z") + "]");
        awaitState("a1", "DELIVERED");
        assertThat(oldServer.quality().testSuites()).singleElement().satisfies(suite -> {
            assertThat(suite.fullyQualifiedName()).isEqualTo(table.fullyQualifiedName() + ".testSuite");
            assertThat(suite.name()).isEqualTo(table.fullyQualifiedName() + ".testSuite");
            assertThat(suite.tableFqn()).isEqualTo(table.fullyQualifiedName());
        });
        assertThat(oldServer.stats().count("testSuites", 201)).isEqualTo(1);

        // the next batch asks for the suite again (a 409: it exists) and reuses it
        post("[" + result("freshness", null, "GOOD", "1", "2026-12-01T10:00:00Z") + "]");
        await().atMost(Duration.ofSeconds(40)).until(() -> oldServer.quality().results(caseFqn("freshness", null))
                .size() == 2);
        awaitState("a1", "DELIVERED");
        assertThat(oldServer.quality().testSuites()).hasSize(1);
        assertThat(oldServer.stats().count("testSuites", 201)).isEqualTo(1);
        assertThat(oldServer.stats().count("testSuites", 409)).isPositive();
        assertThat(oldServer.quality().testCases()).extracting(c -> c.testSuite())
                .containsOnly(table.fullyQualifiedName() + ".testSuite");
        // the server's version was asked at most once for both batches (cached per integration version)
        assertThat(oldServer.stats().count("version", 200)).isLessThanOrEqualTo(1);
    }
}
