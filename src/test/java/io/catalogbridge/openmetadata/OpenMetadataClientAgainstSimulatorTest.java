package io.catalogbridge.openmetadata;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.catalogbridge.openmetadata.OpenMetadataStubs.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.catalogbridge.ApiTestSupport;
import io.catalogbridge.api.ProblemException;
import io.catalogbridge.client.SkippedObjects;
import io.catalogbridge.openmetadata.simulator.OmDatabase;
import io.catalogbridge.openmetadata.simulator.OmSchema;
import io.catalogbridge.openmetadata.simulator.OmService;
import io.catalogbridge.openmetadata.simulator.OmTable;
import io.catalogbridge.openmetadata.simulator.OpenMetadataSimulator;
import io.catalogbridge.openmetadata.simulator.OpenMetadataSimulatorSettings;
import io.catalogbridge.openmetadata.simulator.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.EndpointInject;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The client pipelines against the OpenMetadata simulator: the two agree on the documented API (bearer tokens,
 * services, databases, schemas and tables, cursor paging, soft deletes), and the client rides out the simulator's
 * faults but a refused token. WireMock plays the OpenMetadata that answers what no real one should.
 */
class OpenMetadataClientAgainstSimulatorTest extends ApiTestSupport {

    private static final String INTEGRATION = "/acme/configuration/integrations/openmetadata";
    private static OpenMetadataSimulator simulator;

    @RegisterExtension
    static final WireMockExtension openmetadata = OpenMetadataStubs.server();

    @Autowired
    ProducerTemplate template;

    @EndpointInject("mock:openmetadata-pages")
    MockEndpoint pages;

    @BeforeAll
    static void startSimulator() throws Exception {
        simulator = OpenMetadataSimulator.start(OpenMetadataSimulatorSettings.defaults().withCatalog(7, 5_000));
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @BeforeEach
    void pointTheTenantAtTheSimulator() {
        pages.reset();
        simulator.faults().clear();
        simulator.resetStats();
        Answer put = putJson(INTEGRATION, ALL_TENANTS_KEY, "{\"url\": \"" + simulator.baseUrl()
                + "\", \"jwt_token\": \"" + Principal.DEMO_BOT_TOKEN + "\"}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(simulator.stats().count("loggedInUser", 200)).as("the PUT checked the token").isEqualTo(1);
        simulator.resetStats();
    }

    private Exchange connected() {
        Exchange exchange = template.send("direct:load-openmetadata-connection", e -> e.setProperty("tenant", "acme"));
        assertThat(exchange.getException()).isNull();
        return exchange;
    }

    private Exchange listTables(Exchange connected, Map<String, Object> filters) {
        connected.setProperty(OpenMetadataListing.FILTERS, filters);
        connected.setProperty(OpenMetadataListing.PAGE_HANDLER, "mock:openmetadata-pages");
        return template.send("direct:list-openmetadata-tables", connected);
    }

    private List<UUID> idsReceived() {
        return pages.getExchanges().stream()
                .flatMap(e -> e.getMessage().getBody(List.class).stream())
                .map(t -> ((OpenMetadataTable) t).id())
                .toList();
    }

    private static List<UUID> liveTables(java.util.stream.Stream<OmTable> tables) {
        return tables.filter(t -> !t.deleted()).map(OmTable::id).toList();
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> bodyList(Exchange exchange) {
        assertThat(exchange.getException()).isNull();
        return exchange.getMessage().getBody(List.class);
    }

    @Test
    void theTokenCheckKnowsTheSimulatorsTokens() {
        Answer user = putJson(INTEGRATION, ALL_TENANTS_KEY, "{\"url\": \"" + simulator.baseUrl()
                + "\", \"jwt_token\": \"" + Principal.DEMO_USER_TOKEN + "\"}");
        Answer expired = putJson(INTEGRATION, ALL_TENANTS_KEY, "{\"url\": \"" + simulator.baseUrl()
                + "\", \"jwt_token\": \"" + Principal.DEMO_EXPIRED_TOKEN + "\"}");

        assertThat(user.status()).isEqualTo(200);
        assertThat(expired.status()).isEqualTo(422);
        assertThat(expired.json().get("detail").asText()).endsWith(": Expired token!");
    }

    @Test
    void servicesDatabasesAndSchemasAreListedAsTheSimulatorHasThem() {
        List<OpenMetadataDatabaseService> services = bodyList(template.send("direct:list-openmetadata-services",
                connected()));
        assertThat(services).extracting(OpenMetadataDatabaseService::id).containsExactlyInAnyOrderElementsOf(
                simulator.catalog().services().stream().map(OmService::id).toList());
        assertThat(services).allSatisfy(service -> assertThat(service.config()).as(service.name()).isNotNull());

        OmService postgres = simulator.catalog().services().stream()
                .filter(s -> s.name().startsWith("postgres_")).findFirst().orElseThrow();
        Exchange databasesOf = connected();
        databasesOf.setProperty("openmetadataServiceName", postgres.name());
        List<OpenMetadataDatabase> databases = bodyList(template.send("direct:list-openmetadata-databases",
                databasesOf));
        assertThat(databases).extracting(OpenMetadataDatabase::fullyQualifiedName).containsExactlyInAnyOrderElementsOf(
                simulator.catalog().databasesOf(postgres).stream().map(OmDatabase::fullyQualifiedName).toList());

        OmDatabase database = simulator.catalog().databasesOf(postgres).get(0);
        Exchange schemasOf = connected();
        schemasOf.setProperty("openmetadataDatabaseFqn", database.fullyQualifiedName());
        List<OpenMetadataDatabaseSchema> schemas = bodyList(template.send("direct:list-openmetadata-schemas",
                schemasOf));
        assertThat(schemas).extracting(OpenMetadataDatabaseSchema::fullyQualifiedName)
                .containsExactlyInAnyOrderElementsOf(
                        simulator.catalog().schemasOf(database).stream().map(OmSchema::fullyQualifiedName).toList())
                .contains(postgres.name() + "." + database.name() + ".\"fin.ledger\"");
        // the collected listings leave no listing property behind for the caller's next listing
        assertThat(schemasOf.getProperties()).doesNotContainKeys(OpenMetadataListing.PAGE_HANDLER,
                OpenMetadataListing.FILTERS, OpenMetadataListing.COLLECTED);
    }

    @Test
    void theWholeCatalogIsReadOncePageByPageWithoutItsSoftDeletedTables() {
        Exchange result = listTables(connected(), Map.of());

        assertThat(result.getException()).isNull();
        List<UUID> expected = liveTables(simulator.catalog().tables());
        assertThat(idsReceived()).hasSameSizeAs(expected).containsExactlyInAnyOrderElementsOf(expected);
        int pagesExpected = (expected.size() + 999) / 1000;
        assertThat(pages.getReceivedCounter()).isEqualTo(pagesExpected);
        assertThat(simulator.stats().count("tables", 200)).isEqualTo(pagesExpected);
        assertThat(result.getProperty(OpenMetadataListing.PAGES_READ)).isEqualTo((long) pagesExpected);
        assertThat(result.getProperty(OpenMetadataListing.SKIPPED, SkippedObjects.class).count()).isZero();
    }

    @Test
    void aSchemaFilterWithADottedNameListsExactlyThatSchemasTables() {
        OmSchema ledger = simulator.catalog().schemas().stream().filter(s -> s.name().equals("fin.ledger"))
                .findFirst().orElseThrow();

        Exchange result = listTables(connected(), Map.of("databaseSchema", ledger.fullyQualifiedName()));

        assertThat(result.getException()).isNull();
        assertThat(idsReceived()).containsExactlyInAnyOrderElementsOf(liveTables(simulator.catalog().tables()
                .filter(t -> t.schema().index() == ledger.index())));
    }

    @Test
    void throttlingAndServerErrorBurstsAreRiddenOut() {
        simulator.faults().throttle(7, 0).bursts(5, 2);

        Exchange result = listTables(connected(), Map.of());

        assertThat(result.getException()).isNull();
        assertThat(idsReceived()).containsExactlyInAnyOrderElementsOf(liveTables(simulator.catalog().tables()));
        assertThat(simulator.stats().count("tables", 429)).isPositive();
        assertThat(simulator.stats().count("tables", 503)).isPositive();
    }

    @Test
    void aTokenExpiringMidListingFailsTheListingSayingToUpdateTheIntegration() throws Exception {
        // a simulator of its own: token uses count from its start, and this one's token has been used by no other test
        try (OpenMetadataSimulator fresh = OpenMetadataSimulator.start(
                OpenMetadataSimulatorSettings.defaults().withCatalog(7, 3_000))) {
            fresh.faults().expireTokensAfter(2);
            Exchange connected = connected();
            connected.setProperty(OpenMetadataCalls.CONNECTION,
                    new OpenMetadataConnection("acme", fresh.baseUrl(), Principal.DEMO_BOT_TOKEN, 1));

            Exchange result = listTables(connected, Map.of());

            assertThat(result.getException()).isInstanceOf(OpenMetadataProblems.OpenMetadataTokenRefused.class)
                    .hasMessageStartingWith("OpenMetadata refused the stored token on GET /v1/tables (HTTP 401:"
                            + " Expired token!)");
            assertThat(pages.getReceivedCounter()).isEqualTo(2);
            // a refusal is final: no attempt after it
            assertThat(fresh.stats().count("tables", 401)).isEqualTo(1);
            assertThat(fresh.stats().count("tables", 200)).isEqualTo(2);
        }
    }

    @Test
    void aRepeatedCursorFailsTheListingAndUnusableObjectsAreSkippedAndCounted() {
        String page = "{\"data\": [{\"id\": \"%s\", \"name\": \"orders\", \"fullyQualifiedName\": \"pg.db.s.orders\","
                + " \"service\": {\"name\": \"pg\"}, \"database\": {\"name\": \"db\"}, \"databaseSchema\": {\"name\": \"s\"}},"
                + " {\"id\": 42, \"name\": \"odd\"}], \"paging\": {\"after\": \"%s\", \"total\": 6}}";
        openmetadata.stubFor(WireMock.get(urlPathEqualTo("/api/v1/tables")).withQueryParam("after", WireMock.absent())
                .willReturn(json(200, page.formatted(UUID.randomUUID(), "Y3Vyc29yMQ=="))));
        openmetadata.stubFor(WireMock.get(urlPathEqualTo("/api/v1/tables")).withQueryParam("after", WireMock.equalTo("Y3Vyc29yMQ=="))
                .willReturn(json(200, page.formatted(UUID.randomUUID(), "Y3Vyc29yMg=="))));
        openmetadata.stubFor(WireMock.get(urlPathEqualTo("/api/v1/tables")).withQueryParam("after", WireMock.equalTo("Y3Vyc29yMg=="))
                .willReturn(json(200, page.formatted(UUID.randomUUID(), "Y3Vyc29yMQ=="))));
        Exchange connected = connected();
        connected.setProperty(OpenMetadataCalls.CONNECTION,
                new OpenMetadataConnection("acme", openmetadata.baseUrl(), "t0ken", 1));

        Exchange result = listTables(connected, Map.of("databaseSchema", "pg.db.s"));

        var requests = openmetadata.findAll(getRequestedFor(urlPathEqualTo("/api/v1/tables")));
        assertThat(requests).extracting(r -> r.getUrl()).containsExactly(
                "/api/v1/tables?databaseSchema=pg.db.s&limit=1000&include=non-deleted",
                "/api/v1/tables?databaseSchema=pg.db.s&limit=1000&include=non-deleted&after=Y3Vyc29yMQ%3D%3D",
                "/api/v1/tables?databaseSchema=pg.db.s&limit=1000&include=non-deleted&after=Y3Vyc29yMg%3D%3D");
        assertThat(result.getException()).isInstanceOf(OpenMetadataProblems.OpenMetadataBadResponse.class)
                .hasMessage("OpenMetadata's paging of GET /v1/tables repeats a cursor already followed (Y3Vyc29yMQ==):"
                        + " the listing loops");
        // the pages before the loop were handed on, the one that repeats was not
        assertThat(pages.getReceivedCounter()).isEqualTo(2);
        SkippedObjects.Report skipped = result.getProperty(OpenMetadataListing.SKIPPED, SkippedObjects.class).report();
        assertThat(skipped.count()).isEqualTo(3);
        assertThat(skipped.sample().get(0)).isEqualTo(new SkippedObjects.Skipped("table", "42", "id is not a UUID"));
        assertThat(requests).allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer t0ken"));
    }

    @Test
    void theNextPageIsAskedForFromTheCursorAtAPagesEndBeforeThePageIsParsed() {
        // the first page's data is not JSON, its end is: the cursor there is followed ahead, then the parse fails
        openmetadata.stubFor(WireMock.get(urlPathEqualTo("/api/v1/tables")).withQueryParam("after", WireMock.absent())
                .willReturn(json(200, "{\"data\": [{\"id\": oops}], \"paging\": {\"after\": \"Y3Vyc29yMQ==\"}}")));
        openmetadata.stubFor(WireMock.get(urlPathEqualTo("/api/v1/tables"))
                .withQueryParam("after", WireMock.equalTo("Y3Vyc29yMQ=="))
                .willReturn(json(200, "{\"data\": [], \"paging\": {\"total\": 0}}")));
        Exchange connected = connected();
        connected.setProperty(OpenMetadataCalls.CONNECTION,
                new OpenMetadataConnection("acme", openmetadata.baseUrl(), "t0ken", 1));

        Exchange result = listTables(connected, Map.of("databaseSchema", "pg.db.s"));

        assertThat(result.getException()).isInstanceOf(ProblemException.class)
                .hasMessageContaining("truncated or malformed JSON");
        assertThat(pages.getReceivedCounter()).isZero();
        // asked for while the first page was parsed, then dropped with the listing: nothing outlives it
        assertThat(openmetadata.findAll(getRequestedFor(urlPathEqualTo("/api/v1/tables")))).extracting(r -> r.getUrl())
                .containsExactly("/api/v1/tables?databaseSchema=pg.db.s&limit=1000&include=non-deleted",
                        "/api/v1/tables?databaseSchema=pg.db.s&limit=1000&include=non-deleted&after=Y3Vyc29yMQ%3D%3D");
    }
}
