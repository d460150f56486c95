package io.catalogbridge.alation;

import io.catalogbridge.client.SkippedObjects;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import com.github.tomakehurst.wiremock.client.WireMock;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.catalogbridge.ApiTestSupport;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.camel.EndpointInject;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The Alation client pipelines against WireMock: what they asked of Alation, and what came out. */
@ExtendWith(OutputCaptureExtension.class)
class AlationClientTest extends ApiTestSupport {

    private static final String TOKEN_PATH = "/integration/v1/createAPIAccessToken/";
    private static final String TABLES = "/integration/v2/table/";

    @Autowired
    ProducerTemplate template;

    @Autowired
    MeterRegistry meters;

    @EndpointInject("mock:pages")
    MockEndpoint pages;

    @BeforeEach
    void configureIntegration() {
        pages.reset();
        assertThat(putJson("/acme/configuration/integrations/alation?validate=false", ALL_TENANTS_KEY,
                "{\"url\": \"" + alationUrl() + "\", \"user_id\": 81, \"refresh_api_token\": \"refresh-1\"}")
                .status()).isEqualTo(200);
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static ResponseDefinitionBuilder token(String accessToken) {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"api_access_token\": \"" + accessToken + "\", \"user_id\": 81,"
                        + " \"created_at\": \"2026-11-24T10:00:00.000000Z\","
                        + " \"token_expires_at\": \"2099-01-01T00:00:00.222161Z\", \"token_status\": \"ACTIVE\"}");
    }

    private static String tablesJson(int fromId, int count) {
        return IntStream.range(fromId, fromId + count).mapToObj(id -> "{\"id\": " + id + ", \"name\": \"T" + id
                        + "\", \"ds_id\": 3, \"schema_id\": 5, \"schema_name\": \"adventureworks.SalesLT\","
                        + " \"table_type\": \"TABLE\", \"key\": \"3.adventureworks.SalesLT.T" + id + "\"}")
                .reduce((a, b) -> a + ", " + b).map(s -> "[" + s + "]").orElse("[]");
    }

    private static ResponseDefinitionBuilder page(int fromId, int count) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(tablesJson(fromId, count));
    }

    private static MappingBuilder tablePage(int skip) {
        return WireMock.get(urlPathEqualTo(TABLES)).withQueryParam("skip", equalTo(Integer.toString(skip)));
    }

    /** Loads the tenant's connection and lists tables with the filters, pages to mock:pages. */
    private Exchange listTables(Map<String, Object> filters) {
        Exchange exchange = template.send("direct:load-alation-connection", e -> e.setProperty("tenant", "acme"));
        assertThat(exchange.getException()).isNull();
        exchange.setProperty(AlationPaging.FILTERS, filters);
        exchange.setProperty("alationPageHandler", "mock:pages");
        return template.send("direct:list-alation-tables", exchange);
    }

    private List<Long> tableIdsReceived() {
        return pages.getExchanges().stream()
                .flatMap(e -> e.getMessage().getBody(List.class).stream())
                .map(t -> ((AlationTable) t).id())
                .toList();
    }

    private List<LoggedRequest> tableRequests() {
        return alation.findAll(getRequestedFor(urlPathEqualTo(TABLES)));
    }

    // --- tokens ----------------------------------------------------------------------------------------------

    @Test
    void oneTokenExchangeServesManyCallsAndIsSentAsTheTokenHeader() {
        alation.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(token("access-A")));
        alation.stubFor(WireMock.get(urlPathEqualTo(TABLES)).willReturn(page(1, 2)));

        for (int i = 0; i < 3; i++) {
            assertThat(listTables(Map.of("ds_id", 3)).getException()).isNull();
        }

        alation.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        assertThat(tableRequests()).hasSize(3).allSatisfy(request -> {
            assertThat(request.getHeader("TOKEN")).isEqualTo("access-A");
            assertThat(request.queryParameter("ds_id").firstValue()).isEqualTo("3");
            assertThat(request.queryParameter("limit").firstValue()).isEqualTo("1000");
            assertThat(request.containsHeader("Authorization")).isFalse();
        });
        assertThat(tableIdsReceived()).containsExactly(1L, 2L, 1L, 2L, 1L, 2L);
    }

    private void tokensAThenB() {
        alation.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("tokens").whenScenarioStateIs(STARTED)
                .willReturn(token("access-A")).willSetStateTo("minted A"));
        alation.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("tokens").whenScenarioStateIs("minted A")
                .willReturn(token("access-B")).willSetStateTo("minted B"));
    }

    private void refusesTokenA(int status) {
        alation.stubFor(WireMock.get(urlPathEqualTo(TABLES)).withHeader("TOKEN", equalTo("access-A"))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody("{\"detail\": \"Authentication credentials were not provided.\", \"code\": \""
                                + status + "000\"}")));
        alation.stubFor(WireMock.get(urlPathEqualTo(TABLES)).withHeader("TOKEN", equalTo("access-B")).willReturn(page(1, 1)));
    }

    @Test
    void a401DropsTheTokenMintsANewOneAndRetriesOnce(CapturedOutput output) {
        tokensAThenB();
        refusesTokenA(401);

        Exchange result = listTables(Map.of());

        assertThat(result.getException()).isNull();
        assertThat(tableRequests()).extracting(r -> r.getHeader("TOKEN")).containsExactly("access-A", "access-B");
        alation.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        assertThat(tableIdsReceived()).containsExactly(1L);
        assertThat(output.getAll()).contains("minting a new one").doesNotContain("access-A")
                .doesNotContain("access-B").doesNotContain("refresh-1");
    }

    @Test
    void a403DropsTheTokenMintsANewOneAndRetriesOnce() {
        tokensAThenB();
        refusesTokenA(403);

        Exchange result = listTables(Map.of());

        assertThat(result.getException()).isNull();
        assertThat(tableRequests()).extracting(r -> r.getHeader("TOKEN")).containsExactly("access-A", "access-B");
        assertThat(tableIdsReceived()).containsExactly(1L);
    }

    @Test
    void aSecondRefusalIsAPermissionErrorNamingTheEndpoint() {
        tokensAThenB();
        alation.stubFor(WireMock.get(urlPathEqualTo(TABLES)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"detail\": \"You do not have permission.\", \"code\": \"403000\"}")));

        Exchange result = listTables(Map.of());

        assertThat(result.getException()).isInstanceOf(AlationProblems.AlationBadResponse.class)
                .hasMessageContaining("GET /integration/v2/table/").hasMessageContaining("permission")
                .hasMessageContaining("You do not have permission.");
        assertThat(tableRequests()).hasSize(2);
        assertThat(pages.getReceivedCounter()).isZero();
    }

    @Test
    void aFailingReMintFailsTheCallWithAlationsReason() {
        alation.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("revoked").whenScenarioStateIs(STARTED)
                .willReturn(token("access-A")).willSetStateTo("revoked"));
        alation.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("revoked").whenScenarioStateIs("revoked")
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"detail\": \"Refresh token provided is invalid.\", \"code\": \"401000\"}")));
        refusesTokenA(401);

        Exchange result = listTables(Map.of());

        assertThat(result.getException()).isInstanceOf(AlationProblems.AlationRejected.class)
                .hasMessageContaining("Refresh token provided is invalid.");
        assertThat(tableRequests()).hasSize(1);
        alation.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    }

    @Test
    void changingTheIntegrationDropsTheCachedToken() {
        tokensAThenB();
        alation.stubFor(WireMock.get(urlPathEqualTo(TABLES)).willReturn(page(1, 1)));
        assertThat(listTables(Map.of()).getException()).isNull();

        configureIntegration();
        assertThat(listTables(Map.of()).getException()).isNull();

        assertThat(tableRequests()).extracting(r -> r.getHeader("TOKEN")).containsExactly("access-A", "access-B");
    }

    @Test
    void mintingIsRetriedWhileAlationFailsOrThrottlesButARefusalIsFinal() {
        alation.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("mint").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withBody("<html>busy</html>")).willSetStateTo("throttled"));
        alation.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("mint").whenScenarioStateIs("throttled")
                .willReturn(aResponse().withStatus(429)).willSetStateTo("up"));
        alation.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("mint").whenScenarioStateIs("up")
                .willReturn(token("access-A")));
        alation.stubFor(WireMock.get(urlPathEqualTo(TABLES)).willReturn(page(1, 2)));

        assertThat(listTables(Map.of()).getException()).isNull();
        alation.verify(3, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        assertThat(tableRequests()).extracting(r -> r.getHeader("TOKEN")).containsExactly("access-A");

        configureIntegration();
        alation.resetRequests();
        alation.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"detail\": \"Refresh token provided is invalid.\", \"code\": \"401000\"}")));
        assertThat(listTables(Map.of()).getException()).isInstanceOf(AlationProblems.AlationRejected.class);
        alation.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    }

    @Test
    void mintingGivesUpAfterMaxAttempts() {
        alation.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(502)));

        Exchange result = listTables(Map.of());

        assertThat(result.getException()).isInstanceOf(AlationProblems.AlationUnavailable.class)
                .hasMessageContaining("HTTP 502");
        alation.verify(4, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        assertThat(tableRequests()).isEmpty();
    }

    // --- paging ----------------------------------------------------------------------------------------------

    @Test
    void pagesFollowRelativeAndAbsoluteNextPageLinksAndArriveOneByOne() {
        alation.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(token("access-A")));
        alation.stubFor(tablePage(0).willReturn(page(1, 2)
                .withHeader("X-Next-Page", TABLES + "?ds_id=3&limit=2&skip=2")));
        alation.stubFor(tablePage(2).willReturn(page(3, 2)
                .withHeader("X-Next-Page", alationUrl() + TABLES + "?ds_id=3&limit=2&skip=4")));
        alation.stubFor(tablePage(4).willReturn(page(5, 1)));

        Exchange result = listTables(Map.of("ds_id", 3));

        assertThat(result.getException()).isNull();
        assertThat(pages.getReceivedCounter()).isEqualTo(3);
        assertThat(tableIdsReceived()).containsExactly(1L, 2L, 3L, 4L, 5L);
        // and skip=6: the page after the last, predicted while the last was in flight (two requests in flight),
        // its answer dropped
        assertThat(tableRequests()).extracting(r -> r.queryParameter("skip").firstValue())
                .containsExactlyInAnyOrder("0", "2", "4", "6");
        assertThat(result.getProperty(AlationPaging.PAGES_READ, Long.class)).isEqualTo(3);
        assertThat(result.getProperty(AlationPaging.OBJECTS_READ, Long.class)).isEqualTo(5);
    }

    @Test
    void aNextPageOnAnotherHostIsRefused() {
        alation.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(token("access-A")));
        alation.stubFor(tablePage(0).willReturn(page(1, 2)
                .withHeader("X-Next-Page", "https://evil.example.com" + TABLES + "?skip=2")));

        Exchange result = listTables(Map.of());

        assertThat(result.getException()).isInstanceOf(AlationProblems.AlationBadResponse.class)
                .hasMessageContaining("another host").hasMessageContaining("evil.example.com");
        assertThat(tableRequests()).hasSize(1);
        assertThat(tableIdsReceived()).isEmpty();
    }

    @Test
    void aRepeatingNextPageLinkFailsInsteadOfLooping() {
        alation.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(token("access-A")));
        alation.stubFor(tablePage(0).willReturn(page(1, 2).withHeader("X-Next-Page", TABLES + "?limit=2&skip=2")));
        alation.stubFor(tablePage(2).willReturn(page(3, 2).withHeader("X-Next-Page", TABLES + "?limit=2&skip=2")));

        Exchange result = listTables(Map.of());

        assertThat(result.getException()).isInstanceOf(AlationProblems.AlationBadResponse.class)
                .hasMessageContaining("repeats a page already read");
        // the two pages, and skip=4 predicted while the second was in flight (a repeated link is never asked for)
        assertThat(tableRequests()).extracting(r -> r.queryParameter("skip").firstValue())
                .containsExactlyInAnyOrder("0", "2", "4");
        assertThat(tableIdsReceived()).containsExactly(1L, 2L);
    }

    @Test
    void anEmptyPageEndsTheListingEvenWithANextLink() {
        alation.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(token("access-A")));
        alation.stubFor(tablePage(0).willReturn(page(1, 2).withHeader("X-Next-Page", TABLES + "?limit=2&skip=2")));
        alation.stubFor(tablePage(2).willReturn(page(0, 0).withHeader("X-Next-Page", TABLES + "?limit=2&skip=4")));

        Exchange result = listTables(Map.of());

        assertThat(result.getException()).isNull();
        // the two pages, and skip=4 predicted while the empty one was in flight; none after the empty one
        assertThat(tableRequests()).extracting(r -> r.queryParameter("skip").firstValue())
                .containsExactlyInAnyOrder("0", "2", "4");
        assertThat(pages.getReceivedCounter()).isEqualTo(1);
        assertThat(tableIdsReceived()).containsExactly(1L, 2L);
    }

    @Test
    void nativeAndConnectorDataSourcesAreMerged() {
        alation.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(token("access-A")));
        alation.stubFor(WireMock.get(urlPathEqualTo("/integration/v1/datasource/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        [{"id": 1, "dbtype": "postgresql", "host": "pg.example.com", "port": 5432,
                          "dbname": "sales", "title": "Sales PG", "uri": "postgresql://pg.example.com:5432/sales"}]""")));
        alation.stubFor(WireMock.get(urlPathEqualTo("/integration/v2/datasource/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        [{"id": 251, "uri": "sqlserver://mssql.example.com:1433;databaseName=adventureworks",
                          "connector_id": 7, "title": "actian_datasource"}]""")));

        Exchange exchange = template.send("direct:load-alation-connection", e -> e.setProperty("tenant", "acme"));
        Exchange result = template.send("direct:list-alation-data-sources", exchange);

        assertThat(result.getException()).isNull();
        @SuppressWarnings("unchecked")
        List<AlationDataSource> sources = result.getMessage().getBody(List.class);
        assertThat(sources).containsExactly(
                new AlationDataSource(1L, "Sales PG", "postgresql", "pg.example.com", "5432", "sales",
                        "postgresql://pg.example.com:5432/sales", false),
                new AlationDataSource(251L, "actian_datasource", null, null, null, null,
                        "sqlserver://mssql.example.com:1433;databaseName=adventureworks", true));
    }

    // --- faults ----------------------------------------------------------------------------------------------

    @Test
    void a429WithRetryAfterIsWaitedOutAndRetried() {
        alation.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(token("access-A")));
        alation.stubFor(tablePage(0).inScenario("throttle").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withBody("{\"detail\": \"Request was throttled.\"}"))
                .willSetStateTo("open"));
        alation.stubFor(tablePage(0).inScenario("throttle").whenScenarioStateIs("open").willReturn(page(1, 2)));

        Exchange result = listTables(Map.of());

        assertThat(result.getException()).isNull();
        assertThat(tableIdsReceived()).containsExactly(1L, 2L);
        List<LoggedRequest> requests = tableRequests();
        assertThat(requests).hasSize(2);
        // the retry-initial-delay is 20 ms here: only Retry-After explains a wait of a second or more
        assertThat(requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime())
                .isGreaterThanOrEqualTo(1000);
    }

    @Test
    void aBurstOf503IsRecovered() {
        alation.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(token("access-A")));
        String state = STARTED;
        for (int i = 1; i <= 3; i++) {
            alation.stubFor(tablePage(0).inScenario("burst").whenScenarioStateIs(state)
                    .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "text/html")
                            .withBody("<html><body>503 Service Unavailable</body></html>"))
                    .willSetStateTo("503 #" + i));
            state = "503 #" + i;
        }
        alation.stubFor(tablePage(0).inScenario("burst").whenScenarioStateIs(state).willReturn(page(1, 3)));

        Exchange result = listTables(Map.of());

        assertThat(result.getException()).isNull();
        assertThat(tableRequests()).hasSize(4);
        assertThat(tableIdsReceived()).containsExactly(1L, 2L, 3L);
        assertThat(meters.find("catalog_bridge.alation.requests").tags("endpoint", TABLES, "status", "503").timer())
                .isNotNull().satisfies(timer -> assertThat(timer.count()).isGreaterThanOrEqualTo(3));
    }

    @Test
    void anUnendingOutageFailsAfterMaxAttemptsNamingTheEndpoint() {
        alation.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(token("access-A")));
        alation.stubFor(WireMock.get(urlPathEqualTo(TABLES)).willReturn(aResponse().withStatus(502)));

        Exchange result = listTables(Map.of());

        assertThat(result.getException()).isInstanceOf(AlationProblems.AlationUnavailable.class)
                .hasMessageContaining("GET /integration/v2/table/").hasMessageContaining("4 times")
                .hasMessageContaining("HTTP 502");
        assertThat(tableRequests()).hasSize(4);
    }

    @Test
    void aReadTimeoutIsRetried() {
        alation.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(token("access-A")));
        alation.stubFor(tablePage(0).inScenario("slow").whenScenarioStateIs(STARTED)
                .willReturn(page(1, 2).withFixedDelay(3_000)).willSetStateTo("fast"));
        alation.stubFor(tablePage(0).inScenario("slow").whenScenarioStateIs("fast").willReturn(page(1, 2)));

        Exchange result = listTables(Map.of());

        assertThat(result.getException()).isNull();
        assertThat(tableRequests()).hasSize(2);
        assertThat(tableIdsReceived()).containsExactly(1L, 2L);
        assertThat(meters.find("catalog_bridge.alation.requests").tags("endpoint", TABLES, "status", "io_error")
                .timer()).isNotNull();
    }

    @Test
    void anHtmlErrorPageFailsNamingTheEndpoint() {
        alation.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(token("access-A")));
        alation.stubFor(WireMock.get(urlPathEqualTo(TABLES)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8").withBody("<html><h1>Sign in</h1></html>")));

        Exchange result = listTables(Map.of());

        assertThat(result.getException()).isInstanceOf(AlationProblems.AlationBadResponse.class)
                .hasMessage("Alation's answer to GET /integration/v2/table/ is not JSON but 'text/html; charset=utf-8'");
        assertThat(pages.getReceivedCounter()).isZero();
    }

    @Test
    void truncatedJsonFailsNamingTheEndpoint() {
        alation.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(token("access-A")));
        alation.stubFor(WireMock.get(urlPathEqualTo(TABLES)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(tablesJson(1, 3).substring(0, 150))));

        Exchange result = listTables(Map.of());

        assertThat(result.getException()).isInstanceOf(AlationProblems.AlationBadResponse.class)
                .hasMessageContaining("GET /integration/v2/table/").hasMessageContaining("truncated or malformed");
        assertThat(pages.getReceivedCounter()).isZero();
    }

    @Test
    void anObjectThatCannotBeUsedIsSkippedAndCountedAndTheListingGoesOn() {
        alation.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(token("access-A")));
        // a page of nothing but unusable objects is not the empty page that ends a listing
        alation.stubFor(tablePage(0).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("[{\"id\": \"first\", \"name\": \"T\"},"
                        + " {\"id\": 4, \"name\": \"T\"}, 7, null]")
                .withHeader("X-Next-Page", TABLES + "?limit=4&skip=4")));
        alation.stubFor(tablePage(4).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        [{"id": 5, "name": "T5", "ds_id": 3, "schema_id": {"nested": [1, {"x": 2}]}, "schema_name": "s"},
                         {"id": 6, "name": "T6", "ds_id": 3, "schema_id": 5, "schema_name": "s", "table_type": 9,
                          "key": {"odd": true}},
                         {"id": 8, "name": "T8", "ds_id": 3, "schema_name": "s"}]""")));

        Exchange result = listTables(Map.of());

        assertThat(result.getException()).isNull();
        assertThat(tableIdsReceived()).containsExactly(6L);
        // the two pages, and skip=8 predicted while the last was in flight, its answer dropped
        assertThat(tableRequests()).extracting(r -> r.queryParameter("skip").firstValue())
                .containsExactlyInAnyOrder("0", "4", "8");
        SkippedObjects skipped = result.getProperty(AlationPaging.SKIPPED, SkippedObjects.class);
        assertThat(skipped.report()).isEqualTo(new SkippedObjects.Report(6, List.of(
                new SkippedObjects.Skipped("table", null, "id is not an integer"),
                new SkippedObjects.Skipped("table", 4L, "no ds_id"),
                new SkippedObjects.Skipped("table", null, "not a JSON object"),
                new SkippedObjects.Skipped("table", null, "null instead of an object"),
                new SkippedObjects.Skipped("table", 5L, "schema_id is not an integer"),
                new SkippedObjects.Skipped("table", 8L, "no schema_id"))));

        alation.stubFor(tablePage(0).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"detail\": \"odd\"}")));
        assertThat(listTables(Map.of()).getException()).hasMessageContaining("not a JSON array");
    }

    // --- what Alation says when it refuses ----------------------------------------------------------------------

    @Test
    void aFreshTokenStillNotTakenAsCredentialsIsNotCalledAPermissionProblem() {
        tokensAThenB();
        alation.stubFor(WireMock.get(urlPathEqualTo(TABLES)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"detail\": \"Authentication credentials were not provided.\", \"code\": \"403000\"}")));

        Exchange result = listTables(Map.of());

        assertThat(result.getException()).isInstanceOf(AlationProblems.AlationBadResponse.class)
                .hasMessageContaining("GET /integration/v2/table/")
                .hasMessageContaining("Authentication credentials were not provided.")
                .hasMessageNotContaining("permission");
        assertThat(tableRequests()).extracting(r -> r.getHeader("TOKEN")).containsExactly("access-A", "access-B");
    }

    @Test
    void anOAuthStyleRefusalKeepsAlationsReason() {
        tokensAThenB();
        alation.stubFor(WireMock.get(urlPathEqualTo(TABLES)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": \"invalid_token\", \"error_description\": \"The access token expired\"}")));

        Exchange result = listTables(Map.of());

        assertThat(result.getException()).isInstanceOf(AlationProblems.AlationBadResponse.class)
                .hasMessageContaining("invalid_token: The access token expired").hasMessageNotContaining("permission");
        assertThat(tableRequests()).hasSize(2);
    }

    @Test
    void aTokenAlreadyExpiredWhenMintedIsUsedUntilAlationRefusesIt() {
        alation.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("tokens").whenScenarioStateIs(STARTED)
                .willReturn(expiredToken("access-A")).willSetStateTo("minted A"));
        alation.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("tokens").whenScenarioStateIs("minted A")
                .willReturn(expiredToken("access-B")).willSetStateTo("minted B"));
        alation.stubFor(WireMock.get(urlPathEqualTo(TABLES)).willReturn(page(1, 1)));

        for (int i = 0; i < 3; i++) {
            assertThat(listTables(Map.of()).getException()).isNull();
        }
        alation.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));

        // a refusal still replaces it at once, and the call is retried once
        refusesTokenA(401);
        assertThat(listTables(Map.of()).getException()).isNull();
        alation.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        assertThat(tableRequests()).extracting(r -> r.getHeader("TOKEN"))
                .containsExactly("access-A", "access-A", "access-A", "access-A", "access-B");
    }

    private static ResponseDefinitionBuilder expiredToken(String accessToken) {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"api_access_token\": \"" + accessToken + "\", \"user_id\": 81,"
                        + " \"token_expires_at\": \"2001-01-01T00:00:00.000000Z\", \"token_status\": \"ACTIVE\"}");
    }
}
