package io.catalogbridge.openmetadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.catalogbridge.openmetadata.OpenMetadataQuality.ResultCall;
import io.catalogbridge.openmetadata.OpenMetadataQuality.TestCase;
import io.catalogbridge.openmetadata.OpenMetadataQuality.TestDefinition;
import io.catalogbridge.openmetadata.simulator.OfficialSchemas;
import io.catalogbridge.openmetadata.simulator.OpenMetadataSimulator;
import io.catalogbridge.openmetadata.simulator.OpenMetadataSimulatorSettings;
import io.catalogbridge.openmetadata.simulator.Principal;
import io.catalogbridge.quality.QualityDeliveries.ClaimedDelivery;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OpenMetadataQualityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final OpenMetadataVersion V1_4 = new OpenMetadataVersion("1.4.0");
    private static final OpenMetadataVersion V1_6 = new OpenMetadataVersion("1.6.2");
    private static final Instant MEASURED = Instant.parse("2026-11-30T08:15:00Z");
    private static final String TABLE = "postgres_prod.dwh.\"fin.ledger\".\"employee.full_time\"";

    private final OpenMetadataQuality quality = new OpenMetadataQuality(null, false);

    @Test
    void aTableRuleHasATableDefinitionNamedByPrefixAndKey() {
        TestDefinition definition = quality.definition("row_count", false, "Row count", "Rows are counted");

        assertThat(json(definition).toString()).isEqualTo("{\"name\":\"catalogBridge_row_count\","
                + "\"description\":\"Rows are counted\",\"entityType\":\"TABLE\",\"testPlatforms\":[\"Other\"],"
                + "\"parameterDefinition\":[]}");
        assertThat(definition.fullyQualifiedName()).isEqualTo("catalogBridge_row_count");
        assertThat(OfficialSchemas.violations(OfficialSchemas.CREATE_TEST_DEFINITION, json(definition))).isEmpty();
    }

    @Test
    void aColumnRuleHasItsOwnColumnDefinitionAndADottedKeyIsQuoted() {
        TestDefinition column = quality.definition("null.ratio", true, "Null ratio", null);

        assertThat(column.name()).isEqualTo("catalogBridge_null.ratio_column");
        assertThat(column.entityType()).isEqualTo("COLUMN");
        assertThat(column.description()).isEqualTo("Null ratio"); // no description: the rule's name
        assertThat(column.fullyQualifiedName()).isEqualTo("\"catalogBridge_null.ratio_column\"");
        assertThat(quality.definition("null.ratio", false, "Null ratio", null).name())
                .isEqualTo("catalogBridge_null.ratio");
    }

    @Test
    void aTableRuleNamedLikeAColumnDefinitionIsHashedSoTheTwoNeverShareOne() {
        String tableRule = quality.definition("nulls_column", false, "x", null).name();
        String columnRule = quality.definition("nulls", true, "x", null).name();

        assertThat(columnRule).isEqualTo("catalogBridge_nulls_column");
        assertThat(tableRule).matches("catalogBridge_nulls_column_[0-9a-f]{12}").isNotEqualTo(columnRule);
    }

    @Test
    void theConfiguredPrefixStartsEveryName() {
        OpenMetadataQuality acme = new OpenMetadataQuality("acme_", false);

        assertThat(acme.definition("freshness", false, "Freshness", null).name()).isEqualTo("acme_freshness");
        assertThat(acme.testCase("s.d.p.t", "freshness", null, acme.definition("freshness", false, "F", null), V1_6)
                .name()).isEqualTo("acme_freshness");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a::b", "say \"hi\"", "line\nbreak", "x_0123456789ab"})
    void oddNamesAreMappedDeterministicallyToValidOnes(String key) {
        String name = quality.definition(key, false, "x", null).name();

        assertThat(name).doesNotContain("::").doesNotContain("\"").doesNotContain("\n")
                .matches(".*_[0-9a-f]{12}").isEqualTo(quality.definition(key, false, "x", null).name());
        assertThat(OfficialSchemas.violations(OfficialSchemas.CREATE_TEST_DEFINITION,
                json(quality.definition(key, false, "x", null)))).isEmpty();
    }

    @Test
    void mappedNamesStayApartAndWithinTheLengthLimit() {
        Set<String> names = new HashSet<>();
        for (String key : new String[] {"a::b", "a_b", "a\"b", "a:b", "a::::b", "a:::b"}) {
            names.add(quality.definition(key, false, "x", null).name());
        }
        String longKey = "k".repeat(300);
        String longName = quality.definition(longKey, false, "x", null).name();

        assertThat(names).hasSize(6);
        assertThat(longName).hasSize(OpenMetadataQualityNames.MAX_LENGTH).matches("catalogBridge_k+_[0-9a-f]{12}")
                .isNotEqualTo(quality.definition(longKey + "k", false, "x", null).name());
        assertThat(OpenMetadataQualityNames.entityName("\uD83D\uDE00".repeat(200))).hasSizeLessThanOrEqualTo(256)
                .satisfies(n -> assertThat(Character.isHighSurrogate(n.charAt(n.length() - 14))).isFalse());
    }

    @Test
    void aTableCaseLinksTheTableAndItsFqnIsTheTableFqnPlusTheQuotedName() {
        TestDefinition definition = quality.definition("row.count", false, "Row count", null);
        TestCase testCase = quality.testCase(TABLE, "row.count", null, definition, V1_4);

        assertThat(testCase.name()).isEqualTo("catalogBridge_row.count");
        assertThat(testCase.testDefinition()).isEqualTo("\"catalogBridge_row.count\"");
        assertThat(testCase.entityLink()).isEqualTo("<#E::table::" + TABLE + ">");
        assertThat(testCase.testSuite()).isEqualTo(TABLE + ".testSuite");
        assertThat(testCase.fullyQualifiedName()).isEqualTo(TABLE + ".\"catalogBridge_row.count\"");
        assertThat(json(testCase).has("fullyQualifiedName")).isFalse();
        assertThat(OfficialSchemas.violations(OfficialSchemas.CREATE_TEST_CASE, json(testCase))).isEmpty();
    }

    @Test
    void aColumnCaseLinksTheColumnAsTheTableListsItAndFrom16LeavesTheSuiteOut() {
        TestDefinition definition = quality.definition("nulls", true, "Nulls", null);
        TestCase v14 = quality.testCase(TABLE, "nulls", "Amount.EUR", definition, V1_4);
        TestCase v16 = quality.testCase(TABLE, "nulls", "Amount.EUR", definition, V1_6);

        assertThat(v14.name()).isEqualTo("catalogBridge_nulls_Amount.EUR");
        assertThat(v14.entityLink()).isEqualTo("<#E::table::" + TABLE + "::columns::Amount.EUR>");
        // the server's FQN: link's field value (table fqn + "." + column, unquoted) + "." + quoted name
        assertThat(v14.fullyQualifiedName()).isEqualTo(TABLE + ".Amount.EUR.\"catalogBridge_nulls_Amount.EUR\"");
        assertThat(OfficialSchemas.violations(OfficialSchemas.CREATE_TEST_CASE, json(v14))).isEmpty();
        assertThat(v16.testSuite()).isNull();
        assertThat(json(v16).has("testSuite")).isFalse();
        assertThat(v16.fullyQualifiedName()).isEqualTo(v14.fullyQualifiedName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a::b", "a<b", "a>b", "a|b", ":a", "a:"})
    void aNameNoEntityLinkCanHoldIsRefused(String name) {
        TestDefinition definition = quality.definition("nulls", true, "Nulls", null);

        assertThatThrownBy(() -> quality.testCase(TABLE, "nulls", name, definition, V1_6))
                .isInstanceOf(OpenMetadataEntityLinks.UnlinkableException.class);
        assertThatThrownBy(() -> quality.testCase(name, "nulls", null, definition, V1_6))
                .isInstanceOf(OpenMetadataEntityLinks.UnlinkableException.class);
    }

    @ParameterizedTest
    @CsvSource({"GOOD,Success", "ALERT,Failed", "WARNING,Failed"})
    void statusesMapToOpenMetadatas(String status, String expected) {
        ResultCall call = quality.result(caseOf(), delivery(status, 26.5), V1_6);

        assertThat(call.body().testCaseStatus()).isEqualTo(expected);
        assertThat(OfficialSchemas.violations(OfficialSchemas.TEST_CASE_RESULT, json(call.body()))).isEmpty();
    }

    @Test
    void aWarningSaysSoInItsTextAndMayBeReportedAsSuccess() {
        ResultCall failed = quality.result(caseOf(), delivery("WARNING", 26.5), V1_6);
        ResultCall success = new OpenMetadataQuality(null, true).result(caseOf(), delivery("WARNING", 26.5), V1_6);

        assertThat(failed.body().result())
                .isEqualTo("WARNING: Null ratio: WARNING, value 26.5 (https://do.example/assets/a1)");
        assertThat(success.body().testCaseStatus()).isEqualTo("Success");
        assertThat(success.body().result()).startsWith("WARNING:");
        assertThat(new OpenMetadataQuality(null, true).result(caseOf(), delivery("ALERT", 1), V1_6).body()
                .testCaseStatus()).isEqualTo("Failed");
    }

    @Test
    void theResultCarriesTimestampAndValueAsText() {
        JsonNode body = json(quality.result(caseOf(), delivery("GOOD", 100.0), V1_6).body());

        assertThat(body.get("timestamp").asLong()).isEqualTo(MEASURED.toEpochMilli());
        assertThat(body.get("testResultValue").toString()).isEqualTo("[{\"name\":\"value\",\"value\":\"100\"}]");
        assertThat(body.get("result").asText()).isEqualTo("Null ratio: GOOD, value 100 (https://do.example/assets/a1)");
        assertThat(json(quality.result(caseOf(), delivery("GOOD", null), V1_6).body()).has("testResultValue"))
                .isFalse();
        assertThat(OpenMetadataQuality.valueText(new java.math.BigDecimal("1E-7"))).isEqualTo("0.0000001");
        assertThat(OpenMetadataQuality.valueText(Double.NaN)).isEqualTo("NaN");
        assertThat(OpenMetadataQuality.valueText("12 rows")).isEqualTo("12 rows");
        assertThatThrownBy(() -> quality.result(caseOf(), delivery("UNKNOWN", 1), V1_6))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1.4.0|PUT|/v1/dataQuality/testCases/s.d.p.t.catalogBridge_nulls/testCaseResult",
            "1.5.3|PUT|/v1/dataQuality/testCases/s.d.p.t.catalogBridge_nulls/testCaseResult",
            "1.6.2|POST|/v1/dataQuality/testCases/testCaseResults/s.d.p.t.catalogBridge_nulls",
            "1.10.0|POST|/v1/dataQuality/testCases/testCaseResults/s.d.p.t.catalogBridge_nulls",
            "garbage|PUT|/v1/dataQuality/testCases/s.d.p.t.catalogBridge_nulls/testCaseResult"})
    void theVersionChoosesWhereResultsGo(String version, String method, String path) {
        TestCase testCase = quality.testCase("s.d.p.t", "nulls", null, quality.definition("nulls", false, "N", null),
                new OpenMetadataVersion(version));

        ResultCall call = quality.result(testCase, delivery("GOOD", 1), new OpenMetadataVersion(version));

        assertThat(call.method()).isEqualTo(method);
        assertThat(call.path()).isEqualTo(path);
    }

    @Test
    void theCaseFqnIsOnePathSegment() {
        TestCase testCase = quality.testCase(TABLE, "nulls", "Amount.EUR", quality.definition("nulls", true, "N",
                null), V1_6);

        assertThat(quality.result(testCase, delivery("GOOD", 1), V1_6).path()).isEqualTo(
                "/v1/dataQuality/testCases/testCaseResults/postgres_prod.dwh.%22fin.ledger%22.%22employee.full_time%22"
                        + ".Amount.EUR.%22catalogBridge_nulls_Amount.EUR%22");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.4.0", "1.6.2"})
    void theSimulatorTakesTheDefinitionsCasesAndResultsForATableAndAColumn(String version) throws Exception {
        try (OpenMetadataSimulator simulator = OpenMetadataSimulator.start(
                OpenMetadataSimulatorSettings.defaults().withCatalog(7, 2_000).withVersion(version))) {
            OpenMetadataVersion server = new OpenMetadataVersion(
                    JSON.readTree(send(simulator, "GET", "/v1/system/version", null).body()).get("version").asText());
            JsonNode table = dottedTable(simulator);
            String tableFqn = table.get("fullyQualifiedName").asText();
            String column = table.get("columns").get(1).get("name").asText();

            TestDefinition tableRule = quality.definition("row.count", false, "Row count", null);
            TestDefinition columnRule = quality.definition("null.ratio", true, "Null ratio", null);
            TestCase tableCase = quality.testCase(tableFqn, "row.count", null, tableRule, server);
            TestCase columnCase = quality.testCase(tableFqn, "null.ratio", column, columnRule, server);
            for (Object body : new Object[] {tableRule, columnRule}) {
                assertCreated(send(simulator, "POST", OpenMetadataQuality.DEFINITIONS_PATH, body));
            }
            if (OpenMetadataQuality.needsExecutableSuite(server)) { // 1.4: the suite its test cases name
                assertCreated(send(simulator, "POST", OpenMetadataQuality.EXECUTABLE_SUITES_PATH,
                        quality.suite(tableFqn)));
                assertThat(simulator.quality().testSuite(tableCase.testSuite())).isPresent();
            }
            for (TestCase testCase : new TestCase[] {tableCase, columnCase}) {
                HttpResponse<String> created = send(simulator, "POST", OpenMetadataQuality.TEST_CASES_PATH, testCase);
                assertCreated(created);
                assertThat(JSON.readTree(created.body()).get("fullyQualifiedName").asText())
                        .isEqualTo(testCase.fullyQualifiedName());
                ResultCall call = quality.result(testCase, delivery("WARNING", 26.5), server);
                assertCreated(send(simulator, call.method(), call.path(), call.body()));
                assertThat(send(simulator, call.method(), call.path(), call.body()).statusCode()).isEqualTo(409);

                assertThat(simulator.quality().testCase(testCase.fullyQualifiedName())).isPresent();
                assertThat(simulator.quality().results(testCase.fullyQualifiedName())).singleElement()
                        .satisfies(r -> {
                            assertThat(r.timestamp()).isEqualTo(MEASURED.toEpochMilli());
                            assertThat(r.testCaseStatus()).isEqualTo("Failed");
                            assertThat(r.result()).startsWith("WARNING:");
                        });
            }
        }
    }

    @Test
    void aTablesExecutableSuiteIsNamedAfterItAndOnlyA14TestCaseNamesIt() {
        OpenMetadataQuality.TestSuite suite = quality.suite(TABLE);

        assertThat(json(suite).toString()).isEqualTo("{\"name\":" + JSON.valueToTree(TABLE + ".testSuite")
                + ",\"executableEntityReference\":" + JSON.valueToTree(TABLE) + "}");
        assertThat(OfficialSchemas.violations(OfficialSchemas.CREATE_TEST_SUITE, json(suite))).isEmpty();
        TestDefinition rule = quality.definition("rows", false, "Rows", null);
        assertThat(quality.testCase(TABLE, "rows", null, rule, V1_4).testSuite()).isEqualTo(TABLE + ".testSuite");
        assertThat(quality.testCase(TABLE, "rows", null, rule, V1_6).testSuite()).isNull();
        assertThat(OpenMetadataQuality.needsExecutableSuite(V1_4)).isTrue();
        assertThat(OpenMetadataQuality.needsExecutableSuite(V1_6)).isFalse();
        assertThat(OpenMetadataQuality.needsExecutableSuite(new OpenMetadataVersion(null))).isTrue();

        // a name over 256 characters is cut and hashed; the server's FQN of the suite is the table's all the same
        String longTable = "svc.db.schema." + "t".repeat(250);
        String name = quality.suite(longTable).name();
        assertThat(name).hasSize(256).startsWith("svc.db.schema.ttt").matches(".*_[0-9a-f]{12}");
        assertThat(quality.suite(longTable).executableEntityReference()).isEqualTo(longTable);
    }

    @Test
    void theServersVersionIsKeptPerIntegrationVersionForItsTimeToLive() {
        java.util.concurrent.atomic.AtomicReference<Instant> now = new java.util.concurrent.atomic.AtomicReference<>(
                MEASURED);
        java.time.Clock clock = new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        OpenMetadataQualityDelivery delivery = new OpenMetadataQualityDelivery(JSON, java.time.Duration.ofMinutes(10),
                clock);
        OpenMetadataConnection connection = new OpenMetadataConnection("acme", "https://om.example.com", "jwt", 3);

        assertThat(delivery.knownVersion(connection)).isNull();
        assertThat(delivery.version(connection, "{\"version\": \"1.6.2\", \"revision\": \"x\"}".getBytes())
                .version()).isEqualTo("1.6.2");
        assertThat(delivery.knownVersion(connection)).isEqualTo(V1_6);
        now.set(MEASURED.plusSeconds(599));
        assertThat(delivery.knownVersion(connection)).isEqualTo(V1_6);
        // another integration version (the URL or token changed), another URL, another tenant: asked again
        assertThat(delivery.knownVersion(new OpenMetadataConnection("acme", "https://om.example.com", "jwt", 4)))
                .isNull();
        assertThat(delivery.knownVersion(new OpenMetadataConnection("acme", "https://om2.example.com", "jwt", 3)))
                .isNull();
        assertThat(delivery.knownVersion(new OpenMetadataConnection("globex", "https://om.example.com", "jwt", 3)))
                .isNull();
        now.set(MEASURED.plusSeconds(600));
        assertThat(delivery.knownVersion(connection)).isNull(); // its time to live is over

        // an unreadable answer is taken as the oldest version and not kept
        assertThat(delivery.version(connection, "<html>".getBytes()).isAtLeast(1, 6)).isFalse();
        assertThat(delivery.knownVersion(connection)).isNull();
    }

    @Test
    void aPlanDeletesTheCopyWhereOpenMetadataHoldsItBeforeDeliveringElsewhere() {
        OpenMetadataQualityDelivery delivery = new OpenMetadataQualityDelivery(JSON, java.time.Duration.ZERO);
        java.util.List<ClaimedDelivery> deliveries = java.util.List.of(
                claimed("moved", false, "svc.db.s.old"), claimed("unmapped", false, "svc.db.s.old"),
                claimed("removed", true, "svc.db.s.old"), claimed("removedHere", true, null),
                claimed("removedNowhere", true, null), claimed("stays", false, "svc.db.s.new"));
        io.catalogbridge.quality.QualityBatch batch = new io.catalogbridge.quality.QualityBatch("openmetadata", "acme",
                deliveries);
        java.util.List<java.util.Map<String, Object>> mappings = java.util.List.of(
                java.util.Map.of("asset_id", "moved", "table_fqn", "svc.db.s.new"),
                java.util.Map.of("asset_id", "removedHere", "table_fqn", "svc.db.s.new"),
                java.util.Map.of("asset_id", "stays", "table_fqn", "svc.db.s.new"));

        java.util.List<String> calls = delivery.plan(batch, mappings, V1_4).calls().stream()
                .map(c -> c.kind() + " " + c.method() + " " + c.path() + (c.delivery() == null ? ""
                        : " (" + c.delivery().assetId() + ")")).toList();

        String cases = OpenMetadataQuality.TEST_CASES_PATH;
        assertThat(calls).containsExactly(
                "DEFINITION POST " + OpenMetadataQuality.DEFINITIONS_PATH,
                "SUITE POST " + OpenMetadataQuality.EXECUTABLE_SUITES_PATH, // one for the one table of the cases
                "MOVE DELETE " + cases + "/name/svc.db.s.old.catalogBridge_rows (moved)",
                "CASE POST " + cases + " (moved)",
                "RESULT PUT " + cases + "/svc.db.s.new.catalogBridge_rows/testCaseResult (moved)",
                "UNMAP DELETE " + cases + "/name/svc.db.s.old.catalogBridge_rows (unmapped)",
                "REMOVAL DELETE " + cases + "/name/svc.db.s.old.catalogBridge_rows (removed)",
                "REMOVAL DELETE " + cases + "/name/svc.db.s.new.catalogBridge_rows (removedHere)",
                "CASE POST " + cases + " (stays)",
                "RESULT PUT " + cases + "/svc.db.s.new.catalogBridge_rows/testCaseResult (stays)");
        assertThat(delivery.plan(batch, mappings, V1_6).calls()).extracting(c -> c.kind())
                .doesNotContain(OpenMetadataQualityDelivery.Kind.SUITE);
    }

    private static ClaimedDelivery claimed(String assetId, boolean removal, String deliveredTo) {
        return new ClaimedDelivery("acme", assetId, "rows", null, "openmetadata", removal, 1, 0,
                removal ? null : MEASURED, deliveredTo, "Rows", null, "NUMERIC", removal ? null : "GOOD",
                removal ? null : 5, null);
    }

    /** A live table of the simulated catalog whose FQN has quoted parts: the names the bridge must not break. */
    private static JsonNode dottedTable(OpenMetadataSimulator simulator) throws Exception {
        JsonNode page = JSON.readTree(send(simulator, "GET", "/v1/tables?limit=1000", null).body());
        for (JsonNode table : page.get("data")) {
            if (table.get("fullyQualifiedName").asText().contains("\"")) {
                return table;
            }
        }
        throw new AssertionError("No table with a quoted FQN part in the first page");
    }

    private static void assertCreated(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    }

    private static HttpResponse<String> send(OpenMetadataSimulator simulator, String method, String path, Object body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/api" + path))
                .header("Authorization", "Bearer " + Principal.DEMO_BOT_TOKEN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private TestCase caseOf() {
        return quality.testCase(TABLE, "null.ratio", "amount", quality.definition("null.ratio", true, "N", null), V1_6);
    }

    private static ClaimedDelivery delivery(String status, Object value) {
        return new ClaimedDelivery("acme", "a1", "null.ratio", "amount", "openmetadata", false, 1, 0, MEASURED, null,
                "Null ratio", "Share of nulls", "PERCENTAGE", status, value, "https://do.example/assets/a1");
    }

    private static JsonNode json(Object body) {
        return JSON.valueToTree(body);
    }
}
