package io.catalogbridge.openmetadata.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Cursor paging as OpenMetadata pages: keyset order (name, id), every row exactly once, stable cursors, totals. */
class OpenMetadataPagingTest {

    private static OpenMetadataSimulator simulator;
    private static OmClient bot;

    @BeforeAll
    static void start() throws Exception {
        simulator = OpenMetadataSimulator.start(OpenMetadataSimulatorSettings.defaults().withCatalog(7, 6_000));
        bot = new OmClient(simulator, Principal.DEMO_BOT_TOKEN);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void everyTableExactlyOnceInKeysetOrderWhateverThePageSize() {
        Set<String> truth = simulator.catalog().tables().filter(t -> !t.deleted()).map(t -> t.id().toString())
                .collect(Collectors.toSet());
        for (int limit : new int[] {1000, 333, 7_000}) {
            List<JsonNode> rows = new ArrayList<>();
            for (JsonNode page : bot.allPages("/api/v1/tables?limit=" + limit)) {
                assertThat(page.path("paging").path("total").asLong()).isEqualTo(truth.size());
                assertThat(page.path("data").size()).isLessThanOrEqualTo(limit);
                page.path("data").forEach(rows::add);
            }
            List<String> ids = rows.stream().map(row -> row.path("id").asText()).toList();
            assertThat(ids).doesNotHaveDuplicates();
            assertThat(new HashSet<>(ids)).isEqualTo(truth);
            for (int i = 1; i < rows.size(); i++) {
                assertThat(Cursor.compare(rows.get(i - 1).path("name").asText(),
                        UUID.fromString(rows.get(i - 1).path("id").asText()), rows.get(i).path("name").asText(),
                        UUID.fromString(rows.get(i).path("id").asText()))).as("row %d after row %d", i, i - 1)
                        .isNegative();
            }
        }
    }

    @Test
    void theFirstPageHasNoBeforeAndTheLastNoAfter() {
        List<JsonNode> pages = bot.allPages("/api/v1/tables?limit=2500");
        assertThat(pages).hasSize(3);
        assertThat(pages.get(0).path("paging").has("before")).isFalse();
        assertThat(pages.get(0).path("paging").has("after")).isTrue();
        assertThat(pages.get(1).path("paging").has("before")).isTrue();
        assertThat(pages.get(2).path("paging").has("after")).isFalse();
        assertThat(pages.get(2).path("paging").path("before").asText()).isNotEmpty();
    }

    @Test
    void aCursorIsOpaqueBase64OfTheLastRowsNameAndIdAndAlwaysGivesTheSamePage() {
        JsonNode first = bot.get("/api/v1/tables?limit=10").json();
        String after = first.path("paging").path("after").asText();
        JsonNode last = first.path("data").get(9);
        Cursor decoded = Cursor.decode(after);
        assertThat(decoded).isEqualTo(new Cursor(last.path("name").asText(), UUID.fromString(last.path("id")
                .asText())));
        String second = bot.get("/api/v1/tables?limit=10&after=" + OmClient.encode(after)).body();
        assertThat(bot.get("/api/v1/tables?limit=10&after=" + OmClient.encode(after)).body()).isEqualTo(second);
        // the same catalog from another simulator: the same pages, byte for byte
        try (OpenMetadataSimulator twin = OpenMetadataSimulator.start(simulator.settings())) {
            OmClient other = new OmClient(twin, Principal.DEMO_BOT_TOKEN);
            assertThat(other.get("/api/v1/tables?limit=10&after=" + OmClient.encode(after)).body()).isEqualTo(second);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void beforeGoesBackToThePreviousPage() {
        JsonNode first = bot.get("/api/v1/tables?limit=50").json();
        JsonNode second = bot.get("/api/v1/tables?limit=50&after=" + OmClient.encode(first.path("paging")
                .path("after").asText())).json();
        JsonNode back = bot.get("/api/v1/tables?limit=50&before=" + OmClient.encode(second.path("paging")
                .path("before").asText())).json();
        assertThat(back.path("data")).isEqualTo(first.path("data"));
        assertThat(back.path("paging").has("before")).isFalse();
        assertThat(back.path("paging").path("after").asText()).isEqualTo(first.path("paging").path("after")
                .asText());
    }

    @Test
    void tablesOfOneDatabaseOrOneSchemaAreExactlyTheirs() {
        OpenMetadataCatalog catalog = simulator.catalog();
        OmSchema schema = catalog.schemas().stream().filter(s -> s.name().contains(".")).findFirst().orElseThrow();
        Set<String> inSchema = catalog.tables().filter(t -> t.schema() == schema && !t.deleted())
                .map(OmTable::fullyQualifiedName).collect(Collectors.toSet());
        assertThat(fqns("/api/v1/tables?limit=100&databaseSchema=" + OmClient.encode(schema.fullyQualifiedName())))
                .isEqualTo(inSchema).isNotEmpty();

        OmDatabase database = catalog.databases().stream().filter(d -> catalog.schemasOf(d).size() > 1)
                .findFirst().orElseThrow();
        Set<String> inDatabase = catalog.tables().filter(t -> t.schema().database() == database && !t.deleted())
                .map(OmTable::fullyQualifiedName).collect(Collectors.toSet());
        assertThat(fqns("/api/v1/tables?limit=1000&database=" + OmClient.encode(database.fullyQualifiedName())))
                .isEqualTo(inDatabase);
        assertThat(fqns("/api/v1/tables?limit=1000&database=no_such.db")).isEmpty();
    }

    @Test
    void servicesDatabasesAndSchemasPageByCursorToo() {
        OpenMetadataCatalog catalog = simulator.catalog();
        assertThat(names("/api/v1/services/databaseServices?limit=3")).hasSize(catalog.services().size())
                .isSorted();
        assertThat(names("/api/v1/databaseSchemas?limit=4")).hasSize(catalog.schemas().size());
        OmService mysql = catalog.services().stream().filter(s -> s.type() == ServiceType.MYSQL).findFirst()
                .orElseThrow();
        assertThat(names("/api/v1/databases?limit=1&service=" + mysql.name())).containsExactly("default");
        assertThat(names("/api/v1/databaseSchemas?limit=2&database=" + OmClient.encode(mysql.name() + ".default")))
                .hasSize(catalog.schemasOf(catalog.databasesOf(mysql).get(0)).size());
    }

    @Test
    void limitsAsTheServerAllowsThem() {
        JsonNode none = bot.get("/api/v1/tables?limit=0").json();
        assertThat(none.path("data")).isEmpty();
        assertThat(none.path("paging").path("total").asLong()).isPositive();
        assertThat(none.path("paging").has("after")).isFalse();
        assertThat(bot.get("/api/v1/tables").json().path("data")).hasSize(Query.DEFAULT_LIMIT);
        assertThat(bot.get("/api/v1/tables?limit=1000000").json().path("data")).hasSize((int) none.path("paging")
                .path("total").asLong());

        OmClient.Answer tooMany = bot.get("/api/v1/tables?limit=1000001");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().path("code").asInt()).isEqualTo(400);
        assertThat(tooMany.json().path("message").asText()).contains("less than or equal to 1000000");
        assertThat(bot.get("/api/v1/tables?limit=-1").status()).isEqualTo(400);
        assertThat(bot.get("/api/v1/tables?limit=ten").status()).isEqualTo(400);
        assertThat(bot.get("/api/v1/tables?after=bm90IGpzb24").status()).isEqualTo(400);
        assertThat(bot.get("/api/v1/tables?after=a&before=b").json().path("message").asText())
                .isEqualTo("Only one of before or after query parameter allowed");
    }

    private static List<String> names(String query) {
        return bot.allPages(query).stream().flatMap(page -> java.util.stream.StreamSupport.stream(
                page.path("data").spliterator(), false)).map(row -> row.path("name").asText()).toList();
    }

    private static Set<String> fqns(String query) {
        Set<String> fqns = new HashSet<>();
        bot.allPages(query).forEach(page -> page.path("data").forEach(row -> assertThat(fqns.add(
                row.path("fullyQualifiedName").asText())).isTrue()));
        return fqns;
    }
}
