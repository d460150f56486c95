package io.catalogbridge.alation.simulator;

import static io.catalogbridge.alation.simulator.SimulatorPagingTest.expectedJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.catalogbridge.simulator.SimulatorHttpClient.Answer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Drift over HTTP: the control calls {@code /simulator/tables/{id}/rename|move|drop}, their answers and errors, and
 * the listings and lookups before and after each; and the table listing's repeated {@code id}.
 */
class SimulatorDriftTest {

    private static final int TABLES = 6_000;
    private static final long FIRST_NEW_ID = SimulatedCatalog.FIRST_TABLE_ID + TABLES;

    @AutoClose
    private static AlationSimulator simulator;
    private static SimulatedCatalog catalog;
    private static SimulatorClient client;
    private static String token;
    /** A data source's two first schemas, each of a few tables at least. */
    private static SimulatedSchema schema;
    private static SimulatedSchema sibling;

    @BeforeAll
    static void start() throws Exception {
        simulator = AlationSimulator.start(SimulatorSettings.defaults().withCatalog(42, TABLES));
        catalog = simulator.catalog();
        client = new SimulatorClient(simulator);
        token = client.token();
        for (SimulatedDataSource source : catalog.dataSources()) {
            List<SimulatedSchema> schemas = catalog.schemas(source.id());
            if (schemas.size() >= 2 && schemas.get(0).tableCount() >= 5 && schemas.get(1).tableCount() >= 5) {
                schema = schemas.get(0);
                sibling = schemas.get(1);
                break;
            }
        }
        assertThat(schema).as("a data source of two schemas with tables").isNotNull();
    }

    @AfterEach
    void undrift() {
        simulator.drift().reset();
    }

    private static Answer control(String path, String body) {
        return client.post("/simulator/tables/" + path, "application/json", body);
    }

    /** Every table of a listing, following X-Next-Page. */
    private static List<JsonNode> listAll(String query) {
        return client.listAll("/integration/v2/table/?" + query, token);
    }

    private static List<Long> ids(String query) {
        return listAll("limit=1000&" + query).stream().map(table -> table.get("id").asLong()).toList();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static SimulatedTable tableOf(SimulatedSchema in, int position) {
        return catalog.table(in.firstTableId() + position).orElseThrow();
    }

    @Test
    void aRenameKeepsTheIdAndChangesTheNameAndKeyEverywhere() {
        SimulatedTable table = tableOf(schema, 2);
        List<Long> schemaIds = ids("schema_id=" + schema.id());
        assertThat(ids("schema_id=" + schema.id() + "&name=" + encode(table.name()))).containsExactly(table.id());

        Answer renamed = control(table.id() + "/rename", "{\"name\": \"orders.v2\"}");

        assertThat(renamed.status()).isEqualTo(200);
        JsonNode json = renamed.json();
        assertThat(json.get("id").asLong()).isEqualTo(table.id());
        assertThat(json.get("name").asText()).isEqualTo("orders.v2");
        assertThat(json.get("key").asText()).isEqualTo(schema.key() + ".\"orders.v2\"");
        assertThat(json.get("schema_id").asLong()).isEqualTo(schema.id());
        assertThat(json.get("schema_name").asText()).isEqualTo(schema.name());
        assertThat(json.get("title").asText()).isEqualTo(table.title());
        assertThat(listAll("id=" + table.id())).containsExactly(json);
        assertThat(ids("schema_id=" + schema.id())).as("same ids, same order").isEqualTo(schemaIds);
        assertThat(listAll("schema_id=" + schema.id()).get(2)).isEqualTo(json);
        assertThat(ids("schema_id=" + schema.id() + "&name=" + encode("orders.v2"))).containsExactly(table.id());
        assertThat(ids("schema_id=" + schema.id() + "&name__iexact=" + encode("ORDERS.V2")))
                .containsExactly(table.id());
        assertThat(ids("schema_id=" + schema.id() + "&name=" + encode(table.name())))
                .as("the old name is no table's any more").isEmpty();
        assertThat(ids("name=" + encode("orders.v2") + "&ds_id=" + schema.dsId())).containsExactly(table.id());
        assertThat(catalog.table(table.id()).orElseThrow().key()).isEqualTo(schema.key() + ".\"orders.v2\"");
    }

    @Test
    void aRenameIntoAnotherSchemaOfTheSourceMovesItsListing() {
        SimulatedTable table = tableOf(schema, 1);
        List<Long> before = ids("schema_id=" + sibling.id());

        Answer renamed = control(table.id() + "/rename",
                "{\"name\": \"Customer Archive\", \"schema_id\": " + sibling.id() + "}");

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("schema_id").asLong()).isEqualTo(sibling.id());
        assertThat(renamed.json().get("schema_name").asText()).isEqualTo(sibling.name());
        assertThat(renamed.json().get("key").asText()).isEqualTo(sibling.key() + ".Customer Archive");
        assertThat(ids("schema_id=" + schema.id())).hasSize(schema.tableCount() - 1).doesNotContain(table.id());
        List<Long> expected = new ArrayList<>(before);
        expected.add(table.id());
        expected.sort(null); // listings stay in id order
        assertThat(ids("schema_id=" + sibling.id())).isEqualTo(expected);
        assertThat(ids("schema_name=" + encode(sibling.name()) + "&ds_id=" + schema.dsId()
                + "&name=" + encode("Customer Archive"))).containsExactly(table.id());
        assertThat(ids("id__gt=0")).hasSize(TABLES);
        assertThat(catalog.tablesInSchema(sibling.id()).map(SimulatedTable::id).toList()).isEqualTo(expected);
    }

    @Test
    void aMoveGivesTheTableANewIdAboveEveryOther() {
        SimulatedTable table = tableOf(schema, 3);

        Answer moved = control(table.id() + "/move", "");

        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().get("old_id").asLong()).isEqualTo(table.id());
        SimulatedTable expected = new SimulatedTable(FIRST_NEW_ID, table.name(), table.title(), table.description(),
                table.dsId(), table.key(), "/table/" + FIRST_NEW_ID + "/", table.tableType(), table.schemaId(),
                table.schemaName());
        assertThat(moved.json().get("table")).isEqualTo(expectedJson(expected));
        assertThat(ids("id=" + table.id())).isEmpty();
        assertThat(listAll("id=" + FIRST_NEW_ID)).containsExactly(expectedJson(expected));
        List<Long> inSchema = ids("schema_id=" + schema.id());
        assertThat(inSchema).hasSize(schema.tableCount()).doesNotContain(table.id());
        assertThat(inSchema.get(inSchema.size() - 1)).as("in id order: last").isEqualTo(FIRST_NEW_ID);
        List<Long> all = ids("");
        assertThat(all).hasSize(TABLES);
        assertThat(all.get(all.size() - 1)).isEqualTo(FIRST_NEW_ID);
        assertThat(ids("schema_id=" + schema.id() + "&name=" + encode(table.name()))).containsExactly(FIRST_NEW_ID);
        assertThat(ids("id__gt=" + (FIRST_NEW_ID - 1))).containsExactly(FIRST_NEW_ID);

        // moved again, from its new id: the next id, and the id it had is gone too
        Answer again = control(FIRST_NEW_ID + "/move", "{}");
        assertThat(again.json().get("old_id").asLong()).isEqualTo(FIRST_NEW_ID);
        assertThat(again.json().get("table").get("id").asLong()).isEqualTo(FIRST_NEW_ID + 1);
        assertThat(ids("id__gt=" + (FIRST_NEW_ID - 1))).containsExactly(FIRST_NEW_ID + 1);
        assertThat(ids("")).hasSize(TABLES);
    }

    @Test
    void aDropRemovesTheTableFromEveryListingAndLookup() {
        SimulatedTable table = tableOf(schema, 0);

        Answer dropped = control(table.id() + "/drop", "");

        assertThat(dropped.status()).isEqualTo(200);
        assertThat(dropped.json().get("dropped").isIntegralNumber()).isTrue();
        assertThat(dropped.json().get("dropped").asLong()).isEqualTo(table.id());
        assertThat(dropped.json().size()).isEqualTo(1);
        assertThat(ids("id=" + table.id())).isEmpty();
        assertThat(ids("schema_id=" + schema.id())).hasSize(schema.tableCount() - 1).doesNotContain(table.id());
        assertThat(ids("ds_id=" + schema.dsId() + "&name=" + encode(table.name()))).doesNotContain(table.id());
        assertThat(ids("")).hasSize(TABLES - 1);
        assertThat(catalog.table(table.id())).isEmpty();
        assertThat(catalog.tables().count()).isEqualTo(TABLES - 1);

        assertThat(control(table.id() + "/drop", "").status()).as("dropped already").isEqualTo(404);
        assertThat(control(table.id() + "/rename", "{\"name\": \"x\"}").status()).isEqualTo(404);
        assertThat(control(table.id() + "/move", "").status()).isEqualTo(404);
        SimulatedTable other = tableOf(schema, 1);
        assertThat(control(other.id() + "/drop", "{\"hard\": true}").status()).isEqualTo(200);
        assertThat(ids("")).hasSize(TABLES - 2);
    }

    @Test
    void theControlCallsAnswerErrorsInAlationsShape() {
        SimulatedTable table = tableOf(schema, 4);
        JsonNode notFound = SimulatorClient.JSON.createObjectNode().put("detail", "Not found.").put("code", "404000");
        assertThat(control("999/rename", "{\"name\": \"x\"}").json()).isEqualTo(notFound);
        assertThat(control("999/rename", "{\"name\": \"x\"}").status()).isEqualTo(404);
        assertThat(control(FIRST_NEW_ID + "/move", "").status()).as("no table moved yet").isEqualTo(404);
        assertThat(control("abc/drop", "").status()).isEqualTo(404);
        assertThat(control(table.id() + "/shrink", "").status()).isEqualTo(404);
        assertThat(client.get("/simulator/tables/" + table.id() + "/drop", "TOKEN", null).status()).isEqualTo(405);

        for (String bad : List.of("{}", "{\"name\": \"\"}", "{\"name\": 5}", "not json", "[]",
                "{\"name\": \"x\", \"color\": \"red\"}", "{\"name\": \"x\", \"schema_id\": \"" + sibling.id() + "\"}",
                "{\"name\": \"x\", \"schema_id\": 424242}")) {
            Answer refused = control(table.id() + "/rename", bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.json().get("code").asText()).as(bad).isEqualTo("400000");
            assertThat(refused.json().get("detail").asText()).as(bad).startsWith("Invalid rename: ");
        }
        SimulatedSchema otherSource = catalog.schemas().stream().filter(s -> s.dsId() != schema.dsId()).findFirst()
                .orElseThrow();
        assertThat(control(table.id() + "/rename", "{\"name\": \"x\", \"schema_id\": " + otherSource.id() + "}")
                .json().get("detail").asText()).contains("of data source " + otherSource.dsId());
        assertThat(control(table.id() + "/rename", "{\"name\": " + SimulatorClient.JSON.valueToTree(
                tableOf(schema, 0).name()) + "}").json().get("detail").asText()).contains("already holds");
        assertThat(control(table.id() + "/move", "{\"to\": 1}").status()).isEqualTo(400);
        assertThat(control(table.id() + "/drop", "{\"hard\": false}").status()).as("no soft delete").isEqualTo(400);
        assertThat(control(table.id() + "/drop", "{\"hard\": 1}").status()).isEqualTo(400);
        assertThat(simulator.drift().isEmpty()).as("nothing refused changed anything").isTrue();
        assertThat(listAll("id=" + table.id())).containsExactly(expectedJson(table));
    }

    @Test
    void theIdFilterRepeatedMeansAnyOfTheIds() {
        List<SimulatedTable> tables = catalog.tables().toList();
        SimulatedTable a = tables.get(10);
        SimulatedTable b = tables.get(2_500);
        SimulatedTable c = tables.get(5_999);
        assertThat(ids("id=" + c.id() + "&id=" + a.id() + "&id=" + b.id())).containsExactly(a.id(), b.id(), c.id());
        assertThat(listAll("id=" + b.id() + "&id=" + a.id())).containsExactly(expectedJson(a), expectedJson(b));
        assertThat(ids("id=" + a.id())).as("one id, as before").containsExactly(a.id());
        assertThat(ids("id=" + a.id() + "&id=&id=" + b.id())).as("an empty value is none").containsExactly(a.id(),
                b.id());
        assertThat(ids("id=" + a.id() + "&id=4&id=" + Long.MAX_VALUE)).containsExactly(a.id());
        assertThat(ids("id=4&id=5")).isEmpty();
        assertThat(ids("id=" + a.id() + "&id=" + b.id() + "&id=" + c.id() + "&id__gt=" + a.id()))
                .containsExactly(b.id(), c.id());
        assertThat(ids("id=" + a.id() + "&id=" + b.id() + "&ds_id=" + b.dsId())).containsExactly(b.id());
        assertThat(ids("id=" + a.id() + "&id=" + b.id() + "&name=" + encode(a.name()))).containsExactly(a.id());
        assertThat(client.get("/integration/v2/table/?id=" + a.id() + "&id=x", token).status()).isEqualTo(400);

        // paged: the next page's link keeps every id
        Answer first = client.get("/integration/v2/table/?id=" + a.id() + "&id=" + b.id() + "&id=" + c.id()
                + "&limit=2", token);
        assertThat(first.json()).hasSize(2);
        assertThat(first.header("X-Next-Page")).contains("id=" + a.id() + "&id=" + b.id() + "&id=" + c.id());
        Answer second = client.get(first.header("X-Next-Page"), token);
        assertThat(second.json().get(0).get("id").asLong()).isEqualTo(c.id());
        assertThat(second.header("X-Next-Page")).isNull();
    }

    @Test
    void fiveHundredIdsInOneUrlAreServed() {
        List<Long> wanted = LongStream.range(0, 500).map(i -> SimulatedCatalog.FIRST_TABLE_ID + 11 * i + 3).boxed()
                .toList();
        String query = wanted.stream().map(id -> "id=" + id).collect(Collectors.joining("&"));
        assertThat(query.length()).isGreaterThan(5_000);
        Answer answer = client.get("/integration/v2/table/?limit=1000&" + query, token);
        assertThat(answer.status()).isEqualTo(200);
        List<Long> served = new ArrayList<>();
        answer.json().forEach(table -> served.add(table.get("id").asLong()));
        assertThat(served).isEqualTo(wanted);
    }

    @Test
    void theRepeatedIdFilterSeesTheDrift() {
        SimulatedTable kept = tableOf(schema, 0);
        SimulatedTable dropped = tableOf(schema, 1);
        SimulatedTable moved = tableOf(schema, 2);
        simulator.drift().drop(dropped.id());
        long newId = simulator.drift().move(moved.id());
        assertThat(ids("id=" + kept.id() + "&id=" + dropped.id() + "&id=" + moved.id() + "&id=" + newId))
                .containsExactly(kept.id(), newId);
    }

    @Test
    void listingsWhileTablesDriftAreWholeAndConsistent() throws Exception {
        List<SimulatedTable> victims = catalog.tables().filter(t -> t.id() % 7 == 0).limit(300).toList();
        Thread drifter = new Thread(() -> {
            for (int i = 0; i < victims.size(); i++) {
                long id = victims.get(i).id();
                switch (i % 3) {
                    case 0 -> simulator.drift().drop(id);
                    case 1 -> simulator.drift().move(id);
                    default -> simulator.drift().rename(id, "drifted_" + i);
                }
            }
        });
        drifter.start();
        while (drifter.isAlive()) {
            // each page is answered from one state of the drift: ids strictly increasing, each a table now or then
            Answer page = client.get("/integration/v2/table/?limit=1000&skip=0", token);
            assertThat(page.status()).isEqualTo(200);
            long previous = 0;
            for (JsonNode table : page.json()) {
                assertThat(table.get("id").asLong()).isGreaterThan(previous);
                assertThat(table.get("key").asText()).endsWith(AlationKeys.quote(table.get("name").asText()));
                previous = table.get("id").asLong();
            }
        }
        drifter.join();
        assertThat(ids("")).hasSize(TABLES - 100);
        assertThat(ids("id__gt=" + (FIRST_NEW_ID - 1))).hasSize(100);
        assertThat(ids("name=drifted_2")).containsExactly(victims.get(2).id());
    }

    @Test
    void theJavaApiChangesWhatTheCatalogAnswers() {
        SimulatedTable table = tableOf(sibling, 0);
        SimulatedTable renamed = simulator.drift().rename(table.id(), "renamed_in_java");
        assertThat(renamed.key()).isEqualTo(sibling.key() + ".renamed_in_java");
        assertThat(catalog.table(table.id())).contains(renamed);
        SimulatedTable moved = simulator.drift().rename(table.id(), "back_home", schema.id());
        assertThat(moved.schemaId()).isEqualTo(schema.id());
        assertThat(catalog.tablesInSchema(schema.id())).contains(moved);
        assertThat(catalog.tablesInSchema(sibling.id())).doesNotContain(moved);
        long newId = simulator.drift().move(table.id());
        assertThat(newId).isEqualTo(FIRST_NEW_ID);
        assertThat(simulator.drift().move(newId)).isEqualTo(FIRST_NEW_ID + 1);
        simulator.drift().drop(FIRST_NEW_ID + 1);
        assertThat(catalog.tables().count()).isEqualTo(TABLES - 1);
        assertThatThrownBy(() -> simulator.drift().drop(table.id())).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> simulator.drift().rename(tableOf(schema, 0).id(), " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> simulator.drift().rename(tableOf(schema, 0).id(), "x", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No schema 1");
        simulator.drift().reset();
        assertThat(catalog.table(table.id())).contains(table);
        assertThat(ids("")).hasSize(TABLES);
    }
}
