package io.catalogbridge.alation;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbridge.ApiTestSupport;
import io.catalogbridge.alation.simulator.AlationSimulator;
import io.catalogbridge.alation.simulator.SimulatedSchema;
import io.catalogbridge.alation.simulator.SimulatedTable;
import io.catalogbridge.alation.simulator.SimulatorEndpoint;
import io.catalogbridge.alation.simulator.SimulatorSettings;
import java.util.List;
import java.util.Map;
import org.apache.camel.EndpointInject;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The client pipelines against the Alation simulator: the two agree on the documented API (tokens, v1 and v2 data
 * sources, paging with X-Next-Page, filters), and the client rides out the simulator's faults.
 */
class AlationClientAgainstSimulatorTest extends ApiTestSupport {

    private static AlationSimulator simulator;

    @Autowired
    ProducerTemplate template;

    @EndpointInject("mock:simulated-pages")
    MockEndpoint pages;

    @BeforeAll
    static void startSimulator() throws Exception {
        simulator = AlationSimulator.start(SimulatorSettings.defaults().withCatalog(7, 20_000));
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
        Answer put = putJson("/acme/configuration/integrations/alation", ALL_TENANTS_KEY, "{\"url\": \""
                + simulator.baseUrl() + "\", \"user_id\": 1, \"refresh_api_token\": \"demo-refresh-token\"}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(simulator.stats().tokensIssued()).as("the PUT checked the credentials").isEqualTo(1);
        simulator.resetStats();
    }

    private Exchange connected() {
        Exchange exchange = template.send("direct:load-alation-connection", e -> e.setProperty("tenant", "acme"));
        assertThat(exchange.getException()).isNull();
        return exchange;
    }

    private Exchange listTables(Map<String, Object> filters) {
        Exchange exchange = connected();
        exchange.setProperty(AlationPaging.FILTERS, filters);
        exchange.setProperty("alationPageHandler", "mock:simulated-pages");
        return template.send("direct:list-alation-tables", exchange);
    }

    private List<Long> idsReceived() {
        return pages.getExchanges().stream()
                .flatMap(e -> e.getMessage().getBody(List.class).stream())
                .map(t -> ((AlationTable) t).id())
                .toList();
    }

    @Test
    void theWholeCatalogIsReadOncePageByPageInIdOrder() {
        Exchange result = listTables(Map.of());

        assertThat(result.getException()).isNull();
        List<Long> expected = simulator.catalog().tables().map(SimulatedTable::id).toList();
        assertThat(idsReceived()).isEqualTo(expected);
        assertThat(pages.getReceivedCounter()).isEqualTo(20);
        // the 20 pages, and the page after the last, predicted while the last was in flight (two requests in
        // flight): its empty answer is dropped
        assertThat(simulator.stats().count(SimulatorEndpoint.TABLES, 200)).isEqualTo(21);
        assertThat(simulator.stats().tokensIssued()).isEqualTo(1);
    }

    @Test
    void nativeAndConnectorDataSourcesAreAllListed() {
        Exchange result = template.send("direct:list-alation-data-sources", connected());

        assertThat(result.getException()).isNull();
        @SuppressWarnings("unchecked")
        List<AlationDataSource> sources = result.getMessage().getBody(List.class);
        assertThat(sources).extracting(AlationDataSource::id).containsExactlyInAnyOrderElementsOf(
                simulator.catalog().dataSources().stream().map(s -> s.id()).toList());
        simulator.catalog().dataSources().forEach(truth -> assertThat(sources)
                .filteredOn(s -> s.id() == truth.id()).singleElement().satisfies(source -> {
                    assertThat(source.connector()).isEqualTo(!truth.isNative());
                    assertThat(source.title()).isEqualTo(truth.title());
                    assertThat(source.uri()).isEqualTo(truth.uri());
                }));
    }

    @Test
    void theSchemaFiltersReturnExactlyTheSchemasTables() {
        SimulatedSchema schema = simulator.catalog().schemas().get(5);

        Exchange result = listTables(Map.of("ds_id", schema.dsId(), "schema_name__iexact",
                schema.name().toUpperCase(java.util.Locale.ROOT)));

        assertThat(result.getException()).isNull();
        assertThat(idsReceived()).isEqualTo(simulator.catalog().tablesInSchema(schema.id()).map(SimulatedTable::id).toList());
    }

    @Test
    void throttling503BurstsAndATokenExpiringMidListingAreRiddenOut() {
        // the simulator numbers its faults over every request, so that with two requests in flight one call can meet
        // the faults of both; bursts every 10th request (not 5th) keep any call within max-attempts (4) however the
        // two interleave, as every 5th did one request at a time
        simulator.faults().throttle(7, 1).bursts(10, 2).expireTokensAfter(6);

        Exchange result = listTables(Map.of());

        assertThat(result.getException()).isNull();
        assertThat(idsReceived()).isEqualTo(simulator.catalog().tables().map(SimulatedTable::id).toList());
        var stats = simulator.stats();
        assertThat(stats.count(SimulatorEndpoint.TABLES, 429)).isPositive();
        assertThat(stats.count(SimulatorEndpoint.TABLES, 503)).isPositive();
        assertThat(stats.count(SimulatorEndpoint.TABLES, 403)).isPositive();
        assertThat(stats.tokensIssued()).isGreaterThan(1);
    }

    @Test
    void dataSourcesAlationHidesAreListedToo() {
        List<Long> hidden = simulator.catalog().dataSources().stream().limit(2).map(s -> s.id()).toList();
        simulator.hideDataSources(hidden);
        try {
            Exchange result = template.send("direct:list-alation-data-sources", connected());

            assertThat(result.getException()).isNull();
            @SuppressWarnings("unchecked")
            List<AlationDataSource> sources = result.getMessage().getBody(List.class);
            assertThat(sources).extracting(AlationDataSource::id).containsAll(hidden).containsExactlyInAnyOrderElementsOf(
                    simulator.catalog().dataSources().stream().map(s -> s.id()).toList());
        } finally {
            simulator.hideDataSources(List.of());
        }
    }
}
