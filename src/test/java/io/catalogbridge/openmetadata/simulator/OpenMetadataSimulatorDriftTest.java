package io.catalogbridge.openmetadata.simulator;

import static io.catalogbridge.openmetadata.simulator.OmClient.encode;
import static io.catalogbridge.openmetadata.simulator.OmClient.encodePath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.catalogbridge.simulator.SimulatorHttpClient;
import io.catalogbridge.simulator.SimulatorHttpClient.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Drift over HTTP: the control calls {@code /simulator/tables/{id}/rename|move|drop}, their answers and errors, and
 * the listings (totals, keyset order, include) and lookups by id and FQN before and after each.
 */
class OpenMetadataSimulatorDriftTest {

    private static final long SEED = 7;
    private static final int TABLES = 6_000;

    @AutoClose
    private static OpenMetadataSimulator simulator;
    private static OmClient bot;
    private static SimulatorHttpClient control;
    /** Two schemas of one database, and a schema of another service. */
    private static OmSchema schema;
    private static OmSchema sibling;
    private static OmSchema elsewhere;

    @BeforeAll
    static void start() throws Exception {
        simulator = OpenMetadataSimulator.start(OpenMetadataSimulatorSettings.defaults().withCatalog(SEED, TABLES));
        bot = new OmClient(simulator, Principal.DEMO_BOT_TOKEN);
        control = new SimulatorHttpClient(simulator.baseUrl());
        OpenMetadataCatalog catalog = simulator.catalog();
        schema = catalog.schemas().stream().filter(s -> s.size() >= 30).findFirst().orElseThrow();
        sibling = catalog.schemasOf(schema.database()).stream().filter(s -> !s.equals(schema)).findFirst()
                .orElseThrow();
        elsewhere = catalog.schemas().stream().filter(s -> !s.service().equals(schema.service())).findFirst()
                .orElseThrow();
    }

    @AfterEach
    void undrift() {
        simulator.drift().reset();
    }

    private static Answer drift(UUID id, String operation, String body) {
        return control.post("/simulator/tables/" + id + "/" + operation, "application/json", body);
    }

    /** A table of the schema at a position that is not soft-deleted in the computed catalog. */
    private static OmTable live(OmSchema in, int position) {
        OmTable table = simulator.catalog().tableAt(in, position);
        assertThat(table.deleted()).isFalse();
        return table;
    }

    /** Every row of a listing, following {@code paging.after}; the first page's total. */
    private static Listing list(String query) {
        List<JsonNode> pages = bot.allPages("/api/v1/tables?" + query);
        List<JsonNode> rows = new ArrayList<>();
        pages.forEach(page -> page.path("data").forEach(rows::add));
        for (int i = 1; i < rows.size(); i++) { // keyset order, whatever drifted
            assertThat(Cursor.compare(rows.get(i - 1).path("name").asText(),
                    UUID.fromString(rows.get(i - 1).path("id").asText()), rows.get(i).path("name").asText(),
                    UUID.fromString(rows.get(i).path("id").asText()))).as("row %d of %s", i, query).isNegative();
        }
        pages.forEach(page -> assertThat(page.path("paging").path("total").asLong())
                .isEqualTo(pages.get(0).path("paging").path("total").asLong()));
        return new Listing(rows, pages.get(0).path("paging").path("total").asLong());
    }

    private record Listing(List<JsonNode> rows, long total) {

        List<String> ids() {
            return rows.stream().map(row -> row.path("id").asText()).toList();
        }

        JsonNode row(UUID id) {
            return rows.stream().filter(row -> row.path("id").asText().equals(id.toString())).findFirst()
                    .orElse(null);
        }
    }

    private static String inSchema(OmSchema in) {
        return "databaseSchema=" + encode(in.fullyQualifiedName());
    }

    @Test
    void aRenameKeepsTheIdAndRebuildsTheFqn() {
        OmTable table = live(schema, 3);
        Listing before = list(inSchema(schema) + "&limit=7");
        long total = list("limit=1000").total();

        Answer renamed = drift(table.id(), "rename", "{\"name\": \"orders.v2\"}");

        assertThat(renamed.status()).isEqualTo(200);
        JsonNode json = renamed.json();
        String fqn = schema.fullyQualifiedName() + ".\"orders.v2\"";
        assertThat(json.path("id").asText()).isEqualTo(table.id().toString());
        assertThat(json.path("name").asText()).isEqualTo("orders.v2");
        assertThat(json.path("fullyQualifiedName").asText()).isEqualTo(fqn);
        assertThat(json.path("databaseSchema").path("fullyQualifiedName").asText())
                .isEqualTo(schema.fullyQualifiedName());
        assertThat(json.path("deleted").asBoolean()).isFalse();
        assertThat(bot.get("/api/v1/tables/" + table.id()).json()).isEqualTo(json);
        assertThat(bot.get("/api/v1/tables/name/" + encodePath(fqn)).json()).isEqualTo(json);
        assertThat(bot.get("/api/v1/tables/name/" + encodePath(table.fullyQualifiedName())).status())
                .as("the old FQN is no table's").isEqualTo(404);

        Listing after = list(inSchema(schema) + "&limit=7"); // small pages: the renamed row merges across them
        assertThat(after.total()).isEqualTo(before.total());
        assertThat(after.ids()).containsExactlyInAnyOrderElementsOf(before.ids());
        assertThat(after.row(table.id())).isEqualTo(json);
        assertThat(list("limit=1000").total()).isEqualTo(total);
    }

    @Test
    void aRenameIntoAnotherSchemaOfTheServiceMovesItsListing() {
        OmTable table = live(schema, 4);
        long schemaTotal = list(inSchema(schema) + "&limit=1000").total();
        long siblingTotal = list(inSchema(sibling) + "&limit=1000").total();

        Answer renamed = drift(table.id(), "rename", "{\"name\": \"Customer Archive\", \"schema_fqn\": "
                + SimulatorHttpClient.JSON.valueToTree(sibling.fullyQualifiedName()) + "}");

        assertThat(renamed.status()).isEqualTo(200);
        String fqn = sibling.fullyQualifiedName() + ".Customer Archive";
        assertThat(renamed.json().path("fullyQualifiedName").asText()).isEqualTo(fqn);
        assertThat(renamed.json().path("databaseSchema").path("id").asText()).isEqualTo(sibling.id().toString());
        Listing old = list(inSchema(schema) + "&limit=1000");
        assertThat(old.total()).isEqualTo(schemaTotal - 1);
        assertThat(old.ids()).doesNotContain(table.id().toString());
        Listing now = list(inSchema(sibling) + "&limit=5");
        assertThat(now.total()).isEqualTo(siblingTotal + 1);
        assertThat(now.row(table.id()).path("fullyQualifiedName").asText()).isEqualTo(fqn);
        assertThat(list("database=" + encode(schema.database().fullyQualifiedName()) + "&limit=1000").row(table.id()))
                .isNotNull();
        assertThat(bot.get("/api/v1/tables/name/" + encodePath(fqn)).json().path("id").asText())
                .isEqualTo(table.id().toString());
    }

    @Test
    void aMoveHardDeletesTheTableAndRecreatesItUnderANewId() throws Exception {
        OmTable table = live(schema, 5);
        long total = list(inSchema(schema) + "&limit=1000").total();

        Answer moved = drift(table.id(), "move", "");

        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().path("old_id").asText()).isEqualTo(table.id().toString());
        JsonNode recreated = moved.json().path("table");
        UUID newId = UUID.fromString(recreated.path("id").asText());
        assertThat(newId).isNotEqualTo(table.id());
        assertThat(newId.version()).isEqualTo(4);
        assertThat(recreated.path("fullyQualifiedName").asText()).isEqualTo(table.fullyQualifiedName());
        assertThat(recreated.path("name").asText()).isEqualTo(table.name());
        assertThat(recreated.path("tableType").asText()).isEqualTo(table.tableType());
        assertThat(recreated.path("deleted").asBoolean()).isFalse();
        assertThat(bot.get("/api/v1/tables/" + table.id()).status()).isEqualTo(404);
        assertThat(bot.get("/api/v1/tables/" + table.id() + "?include=all").status()).isEqualTo(404);
        assertThat(bot.get("/api/v1/tables/" + newId).json()).isEqualTo(recreated);
        assertThat(bot.get("/api/v1/tables/name/" + encodePath(table.fullyQualifiedName())).json())
                .isEqualTo(recreated);
        Listing after = list(inSchema(schema) + "&limit=1000&include=all");
        assertThat(after.ids()).contains(newId.toString()).doesNotContain(table.id().toString());
        assertThat(list(inSchema(schema) + "&limit=1000").total()).isEqualTo(total);

        // the same seed moves the same table to the same new id
        try (OpenMetadataSimulator twin = OpenMetadataSimulator.start(
                OpenMetadataSimulatorSettings.defaults().withCatalog(SEED, TABLES))) {
            assertThat(twin.drift().move(table.id())).isEqualTo(newId);
            assertThat(twin.drift().move(newId)).isNotEqualTo(newId).isNotEqualTo(table.id());
        }
    }

    @Test
    void aDropIsSoftUnlessAskedHard() {
        OmTable table = live(schema, 6);
        long live = list(inSchema(schema) + "&limit=1000").total();
        long all = list(inSchema(schema) + "&limit=1000&include=all").total();
        long deleted = list(inSchema(schema) + "&limit=1000&include=deleted").total();

        Answer dropped = drift(table.id(), "drop", "");

        assertThat(dropped.status()).isEqualTo(200);
        assertThat(dropped.json()).isEqualTo(SimulatorHttpClient.JSON.createObjectNode()
                .put("dropped", table.id().toString()));
        assertThat(bot.get("/api/v1/tables/" + table.id()).status()).isEqualTo(404);
        JsonNode shown = bot.get("/api/v1/tables/" + table.id() + "?include=all").json();
        assertThat(shown.path("deleted").asBoolean()).isTrue();
        assertThat(shown.path("fullyQualifiedName").asText()).isEqualTo(table.fullyQualifiedName());
        assertThat(bot.get("/api/v1/tables/" + table.id() + "?include=deleted").status()).isEqualTo(200);
        assertThat(bot.get("/api/v1/tables/name/" + encodePath(table.fullyQualifiedName())).status())
                .isEqualTo(404);
        assertThat(bot.get("/api/v1/tables/name/" + encodePath(table.fullyQualifiedName()) + "?include=all")
                .json().path("deleted").asBoolean()).isTrue();
        Listing nonDeleted = list(inSchema(schema) + "&limit=1000");
        assertThat(nonDeleted.total()).isEqualTo(live - 1);
        assertThat(nonDeleted.ids()).doesNotContain(table.id().toString());
        Listing withDeleted = list(inSchema(schema) + "&limit=1000&include=all");
        assertThat(withDeleted.total()).isEqualTo(all);
        assertThat(withDeleted.row(table.id()).path("deleted").asBoolean()).isTrue();
        Listing onlyDeleted = list(inSchema(schema) + "&limit=1000&include=deleted");
        assertThat(onlyDeleted.total()).isEqualTo(deleted + 1);
        assertThat(onlyDeleted.row(table.id())).isEqualTo(shown);

        // then hard: gone everywhere
        assertThat(drift(table.id(), "drop", "{\"hard\": true}").status()).isEqualTo(200);
        assertThat(bot.get("/api/v1/tables/" + table.id() + "?include=all").status()).isEqualTo(404);
        assertThat(list(inSchema(schema) + "&limit=1000&include=all").total()).isEqualTo(all - 1);
        assertThat(list(inSchema(schema) + "&limit=1000&include=deleted").total()).isEqualTo(deleted);
        assertThat(drift(table.id(), "drop", "{\"hard\": true}").status()).as("gone already").isEqualTo(404);

        OmTable other = live(schema, 7);
        assertThat(drift(other.id(), "drop", "{\"hard\": true}").status()).isEqualTo(200);
        assertThat(bot.get("/api/v1/tables/" + other.id() + "?include=all").status()).isEqualTo(404);
        assertThat(list(inSchema(schema) + "&limit=1000").total()).isEqualTo(live - 2);
    }

    @Test
    void pagingBackwardSeesTheDriftToo() {
        simulator.drift().rename(live(schema, 10).id(), "aaa_first_now");
        simulator.drift().move(live(schema, 11).id());
        simulator.drift().drop(live(schema, 12).id());
        JsonNode first = bot.get("/api/v1/tables?" + inSchema(schema) + "&limit=4").json();
        assertThat(first.path("data").get(0).path("name").asText()).isEqualTo("aaa_first_now");
        JsonNode second = bot.get("/api/v1/tables?" + inSchema(schema) + "&limit=4&after="
                + encode(first.path("paging").path("after").asText())).json();
        JsonNode back = bot.get("/api/v1/tables?" + inSchema(schema) + "&limit=4&before="
                + encode(second.path("paging").path("before").asText())).json();
        assertThat(back.path("data")).isEqualTo(first.path("data"));
        assertThat(back.path("paging").path("total")).isEqualTo(first.path("paging").path("total"));
    }

    @Test
    void theControlCallsAnswerErrorsInOpenMetadatasShape() {
        OmTable table = live(schema, 8);
        Answer unknown = drift(UUID.randomUUID(), "rename", "{\"name\": \"x\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json()).isEqualTo(SimulatorHttpClient.JSON.createObjectNode().put("code", 404)
                .put("message", "HTTP 404 Not Found"));
        assertThat(control.post("/simulator/tables/not-a-uuid/move", "application/json", "").status())
                .isEqualTo(404);
        for (String bad : List.of("{}", "{\"name\": \"  \"}", "{\"name\": 1}", "nope", "{\"name\": \"x\", "
                + "\"schema_fqn\": 12}", "{\"name\": \"x\", \"schema_id\": 12}", "{\"name\": \"x\", \"schema_fqn\": "
                + "\"no.such.schema\"}")) {
            Answer refused = drift(table.id(), "rename", bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.json().path("code").asInt()).isEqualTo(400);
            assertThat(refused.json().path("message").asText()).as(bad).startsWith("Invalid rename: ");
        }
        assertThat(drift(table.id(), "rename", "{\"name\": \"x\", \"schema_fqn\": "
                + SimulatorHttpClient.JSON.valueToTree(elsewhere.fullyQualifiedName()) + "}").json()
                .path("message").asText()).contains("is of service " + elsewhere.service().name());
        assertThat(drift(table.id(), "rename", "{\"name\": " + SimulatorHttpClient.JSON.valueToTree(
                live(schema, 9).name()) + "}").json().path("message").asText()).contains("exists already");
        assertThat(drift(table.id(), "drop", "{\"hard\": \"yes\"}").status()).isEqualTo(400);
        assertThat(drift(table.id(), "drop", "{\"soft\": true}").status()).isEqualTo(400);
        assertThat(simulator.drift().isEmpty()).as("nothing refused changed anything").isTrue();
        assertThat(bot.get("/api/v1/tables/" + table.id()).json().path("name").asText()).isEqualTo(table.name());
    }

    @Test
    void theJavaApiChangesWhatTheCatalogAnswers() {
        OpenMetadataCatalog catalog = simulator.catalog();
        OmTable table = live(sibling, 0);
        OmTable renamed = simulator.drift().rename(table.id(), "renamed_in_java");
        assertThat(renamed.fullyQualifiedName()).isEqualTo(sibling.fullyQualifiedName() + ".renamed_in_java");
        assertThat(catalog.table(table.id())).contains(renamed);
        assertThat(catalog.tableByFqn(renamed.fullyQualifiedName())).contains(renamed);
        assertThat(catalog.tableByFqn(table.fullyQualifiedName())).isEmpty();
        OmTable home = simulator.drift().rename(table.id(), "home", schema.fullyQualifiedName());
        assertThat(home.schema()).isEqualTo(schema);
        UUID newId = simulator.drift().move(table.id());
        assertThat(catalog.table(table.id())).isEmpty();
        assertThat(catalog.table(newId).orElseThrow().fullyQualifiedName()).isEqualTo(home.fullyQualifiedName());
        assertThat(simulator.drift().drop(newId).deleted()).isTrue();
        assertThat(simulator.drift().drop(newId, true)).isNull();
        assertThat(catalog.table(newId)).isEmpty();
        assertThatThrownBy(() -> simulator.drift().move(newId)).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> simulator.drift().rename(live(schema, 0).id(), "x", elsewhere.fullyQualifiedName()))
                .isInstanceOf(IllegalArgumentException.class);
        simulator.drift().reset();
        assertThat(catalog.table(table.id())).contains(table);
        assertThat(list("limit=1000").total()).isEqualTo(catalog.tables().filter(t -> !t.deleted()).count());
    }
}
