package io.catalogbridge.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.catalogbridge.ApiTestSupport;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Faults of Alation in the middle of an automatic mapping job: the job either completes with the right mappings or
 * ends FAILED naming the cause; the mappings that existed before are intact and nothing half-written stays behind.
 */
class AlationFaultsDuringJobTest extends ApiTestSupport {

    private static final String TABLES = "/integration/v2/table/";
    private static final String AUTO = "/acme/configuration/mappings/alation/auto";
    private static final Map<String, Long> EARLIER = Map.of("a2", 102L);
    private static final Map<String, Long> MAPPED = Map.of("a1", 6121L, "a2", 100L);

    private static final String CATALOG = """
            [{"id": 6121, "name": "CustomerAddress", "ds_id": 251, "schema_id": 46, "schema_name": "adventureworks.SalesLT"},
             {"id": 100, "name": "orders", "ds_id": 1, "schema_id": 10, "schema_name": "public"},
             {"id": 102, "name": "orders", "ds_id": 2, "schema_id": 20, "schema_name": "public"}]""";

    @BeforeEach
    void tenantWithAnEarlierMapping() {
        alation.stubFor(post(urlEqualTo("/integration/v1/createAPIAccessToken/")).inScenario("tokens")
                .whenScenarioStateIs(STARTED).willReturn(token("access-1")).willSetStateTo("second token"));
        alation.stubFor(post(urlEqualTo("/integration/v1/createAPIAccessToken/")).inScenario("tokens")
                .whenScenarioStateIs("second token").willReturn(token("access-2")));
        alation.stubFor(WireMock.get(urlPathEqualTo("/integration/v1/datasource/")).willReturn(json("""
                [{"id": 1, "dbtype": "postgresql", "host": "pg.example.com", "port": 5432, "dbname": "sales", "title": "Sales PG"},
                 {"id": 2, "dbtype": "postgresql", "host": "pg2.example.com", "port": 5432, "dbname": "analytics", "title": "Analytics PG"}]""")));
        alation.stubFor(WireMock.get(urlPathEqualTo("/integration/v2/datasource/")).willReturn(json("""
                [{"id": 251, "uri": "sqlserver://mssql.example.com:1433;databaseName=adventureworks", "title": "actian"}]""")));
        assertThat(putJson("/acme/configuration/integrations/alation?validate=false", ALL_TENANTS_KEY,
                "{\"url\": \"" + alationUrl() + "\", \"user_id\": 81, \"refresh_api_token\": \"r\"}").status())
                .isEqualTo(200);
        assertThat(putJson("/acme/assets", ALL_TENANTS_KEY, """
                [{"asset_id": "a1", "data_source_type": "sqlserver", "host": "mssql.example.com",
                  "database": "adventureworks", "schema": "SalesLT", "table": "CustomerAddress"},
                 {"asset_id": "a2", "data_source_name": "Sales PG", "schema": "public", "table": "orders"}]""")
                .status()).isEqualTo(200);
        jdbc.update("INSERT INTO alation_mapping (tenant_id, asset_id, data_source_id, data_source_name, schema_id,"
                + " schema_name, table_id, table_name) VALUES ('acme', 'a2', 2, 'Analytics PG', 20, 'public', 102, 'orders')");
    }

    private static ResponseDefinitionBuilder token(String value) {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"api_access_token\": \"" + value + "\", \"user_id\": 81,"
                        + " \"token_expires_at\": \"2099-01-01T00:00:00.000000Z\"}");
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** The first table request meets the fault; the later ones are served normally. */
    private static Consumer<WireMockExtension> firstRequest(ResponseDefinitionBuilder fault) {
        return alation -> {
            alation.stubFor(WireMock.get(urlPathEqualTo(TABLES)).inScenario("fault").whenScenarioStateIs(STARTED)
                    .willReturn(fault).willSetStateTo("recovered"));
            alation.stubFor(WireMock.get(urlPathEqualTo(TABLES)).inScenario("fault").whenScenarioStateIs("recovered")
                    .willReturn(json(CATALOG)));
        };
    }

    /** Every table request meets it. */
    private static Consumer<WireMockExtension> always(ResponseDefinitionBuilder fault) {
        return alation -> alation.stubFor(WireMock.get(urlPathEqualTo(TABLES)).willReturn(fault));
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("429 with Retry-After", firstRequest(aResponse().withStatus(429)
                        .withHeader("Retry-After", "1")), MAPPED, null),
                Arguments.of("a burst of 503", (Consumer<WireMockExtension>) alation -> {
                    String state = STARTED;
                    for (int i = 1; i <= 3; i++) {
                        alation.stubFor(WireMock.get(urlPathEqualTo(TABLES)).inScenario("burst").whenScenarioStateIs(state)
                                .willReturn(aResponse().withStatus(503).withBody("<html>503</html>"))
                                .willSetStateTo("503 #" + i));
                        state = "503 #" + i;
                    }
                    alation.stubFor(WireMock.get(urlPathEqualTo(TABLES)).inScenario("burst").whenScenarioStateIs(state)
                            .willReturn(json(CATALOG)));
                }, MAPPED, null),
                Arguments.of("connection reset", firstRequest(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
                        MAPPED, null),
                Arguments.of("read timeout", firstRequest(json(CATALOG).withFixedDelay(3_000)), MAPPED, null),
                Arguments.of("access token expiring mid-job", (Consumer<WireMockExtension>) alation -> {
                    alation.stubFor(WireMock.get(urlPathEqualTo(TABLES)).withHeader("TOKEN", equalTo("access-1"))
                            .inScenario("expiry").whenScenarioStateIs(STARTED).willReturn(json(CATALOG))
                            .willSetStateTo("expired"));
                    alation.stubFor(WireMock.get(urlPathEqualTo(TABLES)).withHeader("TOKEN", equalTo("access-1"))
                            .inScenario("expiry").whenScenarioStateIs("expired").willReturn(aResponse().withStatus(403)
                                    .withBody("{\"detail\": \"Authentication credentials were not provided.\"}")));
                    alation.stubFor(WireMock.get(urlPathEqualTo(TABLES)).withHeader("TOKEN", equalTo("access-2"))
                            .willReturn(json(CATALOG)));
                }, MAPPED, null),
                Arguments.of("HTML error page", always(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                        .withBody("<html><body>Maintenance</body></html>")), EARLIER, "is not JSON but 'text/html'"),
                Arguments.of("truncated JSON", always(json(CATALOG.substring(0, 90))), EARLIER,
                        "truncated or malformed JSON"),
                Arguments.of("X-Next-Page loop", always(json(CATALOG).withHeader("X-Next-Page", TABLES + "?loop=1")),
                        EARLIER, "repeats a page already read"),
                Arguments.of("X-Next-Page to another host", always(json(CATALOG)
                        .withHeader("X-Next-Page", "http://evil.example.com" + TABLES)), EARLIER, "another host"),
                Arguments.of("unending outage", always(aResponse().withStatus(502)), EARLIER, "HTTP 502"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void theJobCompletesCorrectlyOrFailsNamingTheCause(String fault, Consumer<WireMockExtension> stubs,
            Map<String, Long> mappingsAfter, String failure) {
        stubs.accept(alation);

        String jobId = call("POST", AUTO + "?should_overwrite=true", ALL_TENANTS_KEY, null, null).json()
                .get("job_id").asText();
        JsonNode[] job = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            job[0] = get(AUTO + "?job_id=" + jobId, ALL_TENANTS_KEY).json();
            return !"IN_PROGRESS".equals(job[0].get("status").asText());
        });

        Map<String, Long> mappings = new TreeMap<>();
        jdbc.queryForList("SELECT asset_id, table_id FROM alation_mapping WHERE tenant_id = 'acme'")
                .forEach(row -> mappings.put((String) row.get("asset_id"), ((Number) row.get("table_id")).longValue()));
        assertThat(mappings).isEqualTo(mappingsAfter);
        if (failure == null) {
            assertThat(job[0].get("status").asText()).isEqualTo("COMPLETED");
            assertThat(job[0].get("result").findValuesAsText("asset_id")).containsExactly("a1", "a2");
        } else {
            assertThat(job[0].get("status").asText()).isEqualTo("FAILED");
            assertThat(job[0].get("error_message").asText()).contains(failure).contains(TABLES);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM mapping_job_asset", Integer.class))
                    .as("nothing half-written").isZero();
        }
    }
}
