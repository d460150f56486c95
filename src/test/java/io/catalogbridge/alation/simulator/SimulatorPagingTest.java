package io.catalogbridge.alation.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.catalogbridge.simulator.SimulatorHttpClient.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimulatorPagingTest {

    private static final int TABLE_COUNT = 20_000;
    private static final String TABLES = "/integration/v2/table/";

    private static AlationSimulator simulator;
    private static SimulatorClient client;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        simulator = AlationSimulator.start(SimulatorSettings.defaults().withCatalog(42, TABLE_COUNT));
        client = new SimulatorClient(simulator);
        token = client.token();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void followingXNextPageVisitsEveryTableOnceInIdOrderAndTheLastPageHasNoLink() {
        List<JsonNode> tables = new ArrayList<>();
        String next = TABLES + "?limit=1000";
        int pages = 0;
        while (next != null) {
            Answer page = client.get(next, token);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.header("X-Total-Count")).isNull();
            page.json().forEach(tables::add);
            pages++;
            next = page.header("X-Next-Page");
            if (next != null) {
                assertThat(next).isEqualTo(TABLES + "?limit=1000&skip=" + pages * 1000);
                assertThat(page.json()).hasSize(1000);
            }
        }
        assertThat(pages).isEqualTo(20);
        long first = SimulatedCatalog.FIRST_TABLE_ID;
        assertThat(tables).extracting(table -> table.get("id").asLong())
                .containsExactlyElementsOf(LongStream.range(first, first + TABLE_COUNT).boxed().toList());
        // every object is the catalog's table, field by field
        for (JsonNode table : tables) {
            SimulatedTable truth = simulator.catalog().table(table.get("id").asLong()).orElseThrow();
            assertThat(table).isEqualTo(expectedJson(truth));
        }
    }

    static JsonNode expectedJson(SimulatedTable table) {
        var json = SimulatorClient.JSON.createObjectNode();
        json.put("id", table.id()).put("name", table.name()).put("title", table.title())
                .put("description", table.description()).put("ds_id", table.dsId()).put("key", table.key())
                .put("url", table.url()).put("table_type", table.tableType()).put("schema_id", table.schemaId())
                .put("schema_name", table.schemaName()).putArray("custom_fields");
        try {
            return SimulatorClient.JSON.readTree(json.toString()); // numbers typed as a parsed body types them
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theDefaultPageIs100AndTheLimitIsCappedAt1000() {
        Answer byDefault = client.get(TABLES, token);
        assertThat(byDefault.json()).hasSize(100);
        assertThat(byDefault.header("X-Next-Page")).isEqualTo(TABLES + "?limit=100&skip=100");
        assertThat(client.get(TABLES + "?limit=0", token).json()).hasSize(100);

        Answer capped = client.get(TABLES + "?limit=5000&skip=10", token);
        assertThat(capped.json()).hasSize(1000);
        assertThat(capped.json().get(0).get("id").asLong()).isEqualTo(SimulatedCatalog.FIRST_TABLE_ID + 10);
        assertThat(capped.header("X-Next-Page")).isEqualTo(TABLES + "?limit=1000&skip=1010");

        assertThat(client.get(TABLES + "?limit=7", token).json()).hasSize(7);
    }

    @Test
    void theLinkIsPresentWhileAnyTableRemainsAndAbsentOnTheLastPage() {
        Answer oneLeft = client.get(TABLES + "?limit=1000&skip=" + (TABLE_COUNT - 1001), token);
        assertThat(oneLeft.json()).hasSize(1000);
        assertThat(oneLeft.header("X-Next-Page")).isEqualTo(TABLES + "?limit=1000&skip=" + (TABLE_COUNT - 1));

        Answer last = client.get(oneLeft.header("X-Next-Page"), token);
        assertThat(last.json()).hasSize(1);
        assertThat(last.json().get(0).get("id").asLong()).isEqualTo(SimulatedCatalog.FIRST_TABLE_ID + TABLE_COUNT - 1);
        assertThat(last.header("X-Next-Page")).isNull();

        Answer exact = client.get(TABLES + "?limit=1000&skip=" + (TABLE_COUNT - 1000), token);
        assertThat(exact.json()).hasSize(1000);
        assertThat(exact.header("X-Next-Page")).isNull();

        for (String skip : new String[] {String.valueOf(TABLE_COUNT * 2), String.valueOf(Long.MAX_VALUE)}) {
            Answer beyond = client.get(TABLES + "?limit=1000&skip=" + skip, token);
            assertThat(beyond.status()).isEqualTo(200);
            assertThat(beyond.body()).isEqualTo("[]");
            assertThat(beyond.header("X-Next-Page")).isNull();
        }
    }

    @Test
    void theNextPageKeepsEveryFilterAndParameter() {
        SimulatedSchema schema = simulator.catalog().schemas().get(3);
        String query = TABLES + "?schema_name__iexact=" + schema.name().toUpperCase(java.util.Locale.ROOT)
                .replace(" ", "%20") + "&include_hidden=true&limit=7";
        List<Long> ids = new ArrayList<>();
        String next = query;
        while (next != null) {
            Answer page = client.get(next, token);
            page.json().forEach(table -> ids.add(table.get("id").asLong()));
            next = page.header("X-Next-Page");
            if (next != null) {
                assertThat(next).contains("schema_name__iexact=").contains("include_hidden=true").contains("limit=7");
            }
        }
        List<Long> expected = simulator.catalog().schemas().stream()
                .filter(s -> s.name().equalsIgnoreCase(schema.name()))
                .flatMap(s -> s.tableIds().boxed()).toList();
        assertThat(ids).containsExactlyElementsOf(expected);
    }

    @Test
    void concurrentListingsAreServedSideBySide() throws Exception {
        List<SimulatedDataSource> sources = simulator.catalog().dataSources().subList(0, 6);
        ExecutorService clients = Executors.newFixedThreadPool(sources.size());
        try {
            List<Future<List<Long>>> listings = new ArrayList<>();
            for (SimulatedDataSource source : sources) {
                listings.add(clients.submit(() -> {
                    List<Long> ids = new ArrayList<>();
                    String next = TABLES + "?ds_id=" + source.id() + "&limit=250";
                    while (next != null) {
                        Answer page = client.get(next, token);
                        page.json().forEach(table -> ids.add(table.get("id").asLong()));
                        next = page.header("X-Next-Page");
                    }
                    return ids;
                }));
            }
            for (int i = 0; i < sources.size(); i++) {
                long dsId = sources.get(i).id();
                assertThat(listings.get(i).get(30, TimeUnit.SECONDS)).as("ds %d", dsId).containsExactlyElementsOf(
                        simulator.catalog().schemas(dsId).stream().flatMap(s -> s.tableIds().boxed()).toList());
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void unreadableQueryParametersAre400() {
        for (String query : new String[] {"?id=abc", "?ds_id=1.5", "?schema_id=x", "?id__gt=one", "?limit=-1",
            "?limit=ten", "?skip=-5"}) {
            Answer answer = client.get(TABLES + query, token);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.json().get("code").asText()).as(query).isEqualTo("400006");
            assertThat(answer.json().get("detail").asText()).as(query).isNotBlank();
        }
        for (String path : new String[] {"/integration/v2/schema/?ds_id=a", "/integration/v2/schema/?limit=-3",
            "/integration/v1/datasource/?skip=-1", "/integration/v2/datasource/?limit=x"}) {
            assertThat(client.get(path, token).status()).as(path).isEqualTo(400);
        }
        assertThat(client.get(TABLES + "?id=", token).json()).as("an empty value filters nothing").hasSize(100);
    }
}
