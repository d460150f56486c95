package io.catalogbridge.alation.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.catalogbridge.simulator.SimulatorHttpClient.Answer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each filter of the table and schema endpoints against a scan of the catalog, and the data-source endpoints. */
class SimulatorFilterTest {

    private static AlationSimulator simulator;
    private static SimulatedCatalog catalog;
    private static SimulatorClient client;
    private static String token;
    private static List<SimulatedTable> allTables;

    @BeforeAll
    static void start() throws Exception {
        simulator = AlationSimulator.start(SimulatorSettings.defaults().withCatalog(42, 6_000));
        catalog = simulator.catalog();
        client = new SimulatorClient(simulator);
        token = client.token();
        allTables = catalog.tables().toList();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    /** Every object of a listing, following X-Next-Page. */
    private static List<JsonNode> listAll(String pathAndQuery) {
        return client.listAll(pathAndQuery, token);
    }

    private static List<Long> tableIds(String query) {
        return listAll("/integration/v2/table/?limit=1000&" + query).stream().map(t -> t.get("id").asLong()).toList();
    }

    private static List<Long> expected(Predicate<SimulatedTable> filter) {
        return allTables.stream().filter(filter).map(SimulatedTable::id).toList();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void idAndIdGt() {
        SimulatedTable table = allTables.get(1234);
        assertThat(tableIds("id=" + table.id())).containsExactly(table.id());
        assertThat(listAll("/integration/v2/table/?id=" + table.id()).get(0))
                .isEqualTo(SimulatorPagingTest.expectedJson(table));
        assertThat(tableIds("id=" + SimulatedCatalog.FIRST_SCHEMA_ID)).as("a schema's id is no table's").isEmpty();
        assertThat(tableIds("id=-4")).isEmpty();
        assertThat(tableIds("id=" + Long.MAX_VALUE)).isEmpty();
        assertThat(tableIds("id=" + Long.MIN_VALUE + "&id__gt=" + Long.MIN_VALUE)).isEmpty();
        assertThat(tableIds("id__gt=" + table.id())).containsExactlyElementsOf(expected(t -> t.id() > table.id()));
        assertThat(tableIds("id__gt=0")).hasSize(6_000);
        assertThat(tableIds("id__gt=" + Long.MAX_VALUE)).isEmpty();
        assertThat(tableIds("id__gt=" + table.id() + "&id=" + table.id())).isEmpty();
        assertThat(tableIds("id__gt=" + (table.id() - 1) + "&id=" + table.id())).containsExactly(table.id());
    }

    @Test
    void dsIdAndSchemaId() {
        for (SimulatedDataSource source : catalog.dataSources()) {
            assertThat(tableIds("ds_id=" + source.id())).as("ds %d", source.id())
                    .containsExactlyElementsOf(expected(t -> t.dsId() == source.id())).isNotEmpty();
        }
        assertThat(tableIds("ds_id=999")).isEmpty();
        for (SimulatedSchema schema : catalog.schemas()) {
            assertThat(tableIds("schema_id=" + schema.id())).containsExactlyElementsOf(schema.tableIds().boxed()
                    .toList());
        }
        SimulatedSchema schema = catalog.schemas().get(5);
        assertThat(tableIds("schema_id=" + schema.id() + "&ds_id=" + schema.dsId())).hasSize(schema.tableCount());
        assertThat(tableIds("schema_id=" + schema.id() + "&ds_id=" + (schema.dsId() + 1))).isEmpty();
        assertThat(tableIds("schema_id=1")).isEmpty();
        assertThat(tableIds("schema_id=" + Long.MIN_VALUE)).isEmpty();
        assertThat(tableIds("ds_id=" + Long.MIN_VALUE)).isEmpty();
        assertThat(tableIds("schema_id=" + (SimulatedCatalog.FIRST_SCHEMA_ID + catalog.schemas().size()))).isEmpty();
    }

    @Test
    void schemaNameIsExactAndSchemaNameIexactIgnoresCase() {
        for (SimulatedSchema schema : catalog.schemas()) {
            assertThat(tableIds("schema_name=" + encode(schema.name())))
                    .containsExactlyElementsOf(expected(t -> t.schemaName().equals(schema.name())));
            String shouted = schema.name().toUpperCase(Locale.ROOT);
            assertThat(tableIds("schema_name__iexact=" + encode(shouted)))
                    .containsExactlyElementsOf(expected(t -> t.schemaName().equalsIgnoreCase(schema.name())));
            if (!shouted.equals(schema.name())) {
                assertThat(tableIds("schema_name=" + encode(shouted))).isEmpty();
            }
        }
        // a multipart name only matches whole: the bare schema part is another name
        assertThat(tableIds("schema_name=dbo")).isEmpty();
        assertThat(tableIds("schema_name=adventureworks.dbo"))
                .containsExactlyElementsOf(expected(t -> t.schemaName().equals("adventureworks.dbo"))).isNotEmpty();
    }

    @Test
    void nameIsExactAndNameIexactIgnoresCaseIncludingCaseTwins() {
        List<SimulatedTable> twins = allTables.stream().filter(t -> allTables.stream().anyMatch(other ->
                other.schemaId() == t.schemaId() && other.id() != t.id() && other.name().equalsIgnoreCase(t.name())))
                .limit(6).toList();
        assertThat(twins).isNotEmpty();
        List<SimulatedTable> samples = new ArrayList<>(twins);
        samples.addAll(allTables.stream().filter(t -> t.name().contains(".") || t.name().contains("\"")).limit(6)
                .toList());
        samples.addAll(allTables.stream().filter(t -> t.id() % 500 == 0).toList());
        for (SimulatedTable table : samples) {
            assertThat(tableIds("name=" + encode(table.name()))).as(table.name())
                    .containsExactlyElementsOf(expected(t -> t.name().equals(table.name()))).contains(table.id());
            assertThat(tableIds("name__iexact=" + encode(table.name().toLowerCase(Locale.ROOT)))).as(table.name())
                    .containsExactlyElementsOf(expected(t -> t.name().equalsIgnoreCase(table.name())));
        }
        SimulatedTable twin = twins.get(0);
        assertThat(tableIds("schema_id=" + twin.schemaId() + "&name=" + encode(twin.name())))
                .containsExactly(twin.id());
        assertThat(tableIds("schema_id=" + twin.schemaId() + "&name__iexact=" + encode(twin.name()))).hasSize(2);
    }

    @Test
    void filtersCombine() {
        SimulatedTable table = allTables.get(4321);
        SimulatedDataSource source = catalog.dataSource(table.dsId()).orElseThrow();
        assertThat(tableIds("ds_id=" + source.id() + "&name__iexact=" + encode(table.name())))
                .containsExactlyElementsOf(expected(t -> t.dsId() == source.id()
                        && t.name().equalsIgnoreCase(table.name())));
        assertThat(tableIds("schema_name__iexact=" + encode(table.schemaName()) + "&name=" + encode(table.name())
                + "&ds_id=" + table.dsId())).containsExactly(table.id());
        assertThat(tableIds("name=" + encode(table.name()) + "&name__iexact=" + encode(table.name())))
                .containsExactlyElementsOf(expected(t -> t.name().equals(table.name())));
        assertThat(tableIds("id__gt=" + table.id() + "&schema_id=" + table.schemaId()))
                .containsExactlyElementsOf(expected(t -> t.schemaId() == table.schemaId() && t.id() > table.id()));
        assertThat(tableIds("name=no_such_table")).isEmpty();
    }

    @Test
    void schemasFilterByIdDataSourceAndName() {
        List<JsonNode> all = listAll("/integration/v2/schema/?limit=1000");
        assertThat(all).extracting(s -> s.get("id").asLong())
                .containsExactlyElementsOf(catalog.schemas().stream().map(SimulatedSchema::id).toList());
        SimulatedSchema schema = catalog.schemas().get(2);
        JsonNode json = listAll("/integration/v2/schema/?id=" + schema.id()).get(0);
        assertThat(json.get("name").asText()).isEqualTo(schema.name());
        assertThat(json.get("ds_id").asLong()).isEqualTo(schema.dsId());
        assertThat(json.get("key").asText()).isEqualTo(schema.key());
        assertThat(json.get("url").asText()).isEqualTo("/schema/" + schema.id() + "/");
        for (SimulatedDataSource source : catalog.dataSources()) {
            assertThat(listAll("/integration/v2/schema/?ds_id=" + source.id())).extracting(s -> s.get("name").asText())
                    .containsExactlyElementsOf(catalog.schemas(source.id()).stream().map(SimulatedSchema::name)
                            .toList());
        }
        assertThat(listAll("/integration/v2/schema/?name=" + encode(schema.name())))
                .extracting(s -> s.get("id").asLong()).containsExactlyElementsOf(catalog.schemas().stream()
                        .filter(s -> s.name().equals(schema.name())).map(SimulatedSchema::id).toList());
        assertThat(listAll("/integration/v2/schema/?name__iexact=" + encode(schema.name().toUpperCase(Locale.ROOT))))
                .extracting(s -> s.get("id").asLong()).containsExactlyElementsOf(catalog.schemas().stream()
                        .filter(s -> s.name().equalsIgnoreCase(schema.name())).map(SimulatedSchema::id).toList());
        assertThat(listAll("/integration/v2/schema/?id=" + schema.id() + "&ds_id=" + (schema.dsId() + 1))).isEmpty();
        Answer page = client.get("/integration/v2/schema/?limit=3", token);
        assertThat(page.json()).hasSize(3);
        assertThat(page.header("X-Next-Page")).isEqualTo("/integration/v2/schema/?limit=3&skip=3");
    }

    @Test
    void v1ListsTheNativeSourcesWithTheirConnectionAndV2TheConnectorSourcesWithOnlyAUri() {
        List<JsonNode> v1 = listAll("/integration/v1/datasource/");
        List<JsonNode> v2 = listAll("/integration/v2/datasource/");
        assertThat(v1).extracting(s -> s.get("id").asLong()).containsExactlyElementsOf(catalog.dataSources().stream()
                .filter(SimulatedDataSource::isNative).map(SimulatedDataSource::id).toList());
        assertThat(v2).extracting(s -> s.get("id").asLong()).containsExactlyElementsOf(catalog.dataSources().stream()
                .filter(s -> !s.isNative()).map(SimulatedDataSource::id).toList());
        for (JsonNode json : v1) {
            SimulatedDataSource source = catalog.dataSource(json.get("id").asLong()).orElseThrow();
            assertThat(json.get("dbtype").asText()).isEqualTo(source.dbType().alationName());
            assertThat(json.get("host").asText()).isEqualTo(source.host());
            assertThat(json.get("port").asInt()).isEqualTo(source.port());
            assertThat(json.get("dbname").asText()).isEqualTo(source.dbName());
            assertThat(json.get("uri").asText()).isEqualTo(source.uri());
            assertThat(json.get("title").asText()).isEqualTo(source.title());
            assertThat(json.get("is_virtual").asBoolean(true)).isFalse();
            assertThat(json.has("connector_id")).isFalse();
            assertThat(client.get("/integration/v1/datasource/" + source.id() + "/", token).json()).isEqualTo(json);
            assertThat(client.get("/integration/v2/datasource/" + source.id() + "/", token).status()).isEqualTo(404);
        }
        for (JsonNode json : v2) {
            SimulatedDataSource source = catalog.dataSource(json.get("id").asLong()).orElseThrow();
            assertThat(json.get("uri").asText()).isEqualTo(source.uri());
            assertThat(json.get("connector_id").asInt()).isEqualTo(source.dbType().connectorId());
            assertThat(json.get("title").asText()).isEqualTo(source.title());
            assertThat(json.has("dbtype")).isFalse();
            assertThat(json.has("host")).isFalse();
            assertThat(json.has("port")).isFalse();
            assertThat(json.has("dbname")).isFalse();
            assertThat(client.get("/integration/v2/datasource/" + source.id() + "/", token).json()).isEqualTo(json);
            Answer otherKind = client.get("/integration/v1/datasource/" + source.id() + "/", token);
            assertThat(otherKind.status()).isEqualTo(404);
            assertThat(otherKind.body()).isEqualTo("{\"detail\":\"Not found.\",\"code\":\"404000\"}");
        }
        assertThat(client.get("/integration/v1/datasource/777/", token).status()).isEqualTo(404);
        assertThat(client.get("/integration/v1/datasource/abc/", token).status()).isEqualTo(404);
        Answer one = client.get("/integration/v1/datasource/?limit=1", token);
        assertThat(one.json()).hasSize(1);
        assertThat(one.header("X-Next-Page")).isEqualTo("/integration/v1/datasource/?limit=1&skip=1");
    }

    @Test
    void unknownPathsAre404MissingSlashesRedirectAndWrongMethods405() {
        Answer unknown = client.get("/integration/v2/column/", token);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"detail\":\"Not found.\",\"code\":\"404000\"}");
        Answer noSlash = client.get("/integration/v2/table?ds_id=1", token);
        assertThat(noSlash.status()).isEqualTo(301);
        assertThat(noSlash.header("Location")).isEqualTo("/integration/v2/table/?ds_id=1");
        Answer post = client.post("/integration/v2/table/", "application/json", "{}");
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.json().get("code").asText()).isEqualTo("405000");
    }

    @Test
    void hiddenDataSourcesAreListedOnlyWithIncludeHidden() {
        SimulatedDataSource nativeSource = catalog.dataSources().stream().filter(SimulatedDataSource::isNative)
                .findFirst().orElseThrow();
        SimulatedDataSource connectorSource = catalog.dataSources().stream().filter(s -> !s.isNative())
                .findFirst().orElseThrow();
        simulator.hideDataSources(List.of(nativeSource.id(), connectorSource.id()));
        try {
            for (String path : List.of("/integration/v1/datasource/", "/integration/v2/datasource/")) {
                long hiddenId = path.contains("v1") ? nativeSource.id() : connectorSource.id();
                List<JsonNode> byDefault = listAll(path);
                List<JsonNode> withHidden = listAll(path + "?include_hidden=true");
                assertThat(byDefault).as(path).extracting(s -> s.get("id").asLong()).doesNotContain(hiddenId);
                assertThat(byDefault).allSatisfy(s -> assertThat(s.get("is_hidden").asBoolean()).isFalse());
                assertThat(withHidden).as(path).hasSize(byDefault.size() + 1)
                        .filteredOn(s -> s.get("id").asLong() == hiddenId).singleElement()
                        .satisfies(s -> assertThat(s.get("is_hidden").asBoolean()).isTrue());
                assertThat(listAll(path + "?include_hidden=false")).hasSameSizeAs(byDefault);
            }
            // one by one, and their tables, they are there as before
            assertThat(client.get("/integration/v1/datasource/" + nativeSource.id() + "/", token).status())
                    .isEqualTo(200);
            assertThat(tableIds("ds_id=" + nativeSource.id()))
                    .isEqualTo(expected(t -> t.dsId() == nativeSource.id()));
        } finally {
            simulator.hideDataSources(List.of());
        }
        assertThat(listAll("/integration/v1/datasource/")).extracting(s -> s.get("id").asLong())
                .contains(nativeSource.id());
    }
}
