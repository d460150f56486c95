package io.catalogbridge.openmetadata.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every kind of answer the simulator gives, held to OpenMetadata's official JSON Schemas (openmetadata-spec 1.4.0,
 * validated by networknt json-schema-validator with format assertions on), so the simulator cannot drift from the
 * real contract. The validator is shown to bite first: answers changed in ways the real server never answers fail.
 */
class OpenMetadataSchemaTest {

    private static OpenMetadataSimulator simulator;
    private static OmClient bot;
    private static OmClient user;

    @BeforeAll
    static void start() throws Exception {
        simulator = OpenMetadataSimulator.start(OpenMetadataSimulatorSettings.defaults().withCatalog(42, 12_000));
        bot = new OmClient(simulator, Principal.DEMO_BOT_TOKEN);
        user = new OmClient(simulator, Principal.DEMO_USER_TOKEN);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void theValidatorRefusesWhatTheRealServerNeverSends() {
        JsonNode table = bot.get("/api/v1/tables?limit=1").json().path("data").get(0);
        assertThat(OfficialSchemas.violations(OfficialSchemas.TABLE, table)).isEmpty();

        ObjectNode withoutColumns = table.deepCopy();
        withoutColumns.remove("columns");
        assertThat(OfficialSchemas.violations(OfficialSchemas.TABLE, withoutColumns)).anyMatch(m -> m.contains(
                "columns"));
        ObjectNode unknownField = table.deepCopy();
        unknownField.put("schemaName", "public");
        assertThat(OfficialSchemas.violations(OfficialSchemas.TABLE, unknownField)).anyMatch(m -> m.contains(
                "schemaName"));
        ObjectNode badType = table.deepCopy();
        badType.put("tableType", "TABLE");
        assertThat(OfficialSchemas.violations(OfficialSchemas.TABLE, badType)).isNotEmpty();
        ObjectNode badId = table.deepCopy();
        badId.put("id", "not-a-uuid");
        assertThat(OfficialSchemas.violations(OfficialSchemas.TABLE, badId)).anyMatch(m -> m.contains("uuid"));
        ObjectNode badReference = table.deepCopy();
        ((ObjectNode) badReference.path("service")).remove("type");
        assertThat(OfficialSchemas.violations(OfficialSchemas.TABLE, badReference)).isNotEmpty();

        JsonNode service = bot.get("/api/v1/services/databaseServices?limit=1").json().path("data").get(0);
        ObjectNode nullConnection = service.deepCopy();
        nullConnection.putNull("connection"); // why a caller without rights gets no connection field at all
        assertThat(OfficialSchemas.violations(OfficialSchemas.DATABASE_SERVICE, nullConnection)).isNotEmpty();
        ObjectNode wrongConfig = service.deepCopy();
        ((ObjectNode) wrongConfig.path("connection").path("config")).put("hostPorts", "x:1");
        assertThat(OfficialSchemas.violations(OfficialSchemas.DATABASE_SERVICE, wrongConfig)).isNotEmpty();
    }

    @Test
    void everyDatabaseServiceWithItsConnectionAndWithoutIt() {
        for (OmClient client : List.of(bot, user)) {
            JsonNode page = client.get("/api/v1/services/databaseServices?limit=1000").json();
            assertListing(page, OfficialSchemas.DATABASE_SERVICE);
            assertThat(page.path("data")).hasSize(simulator.catalog().services().size());
        }
        Set<String> types = new HashSet<>();
        for (JsonNode service : bot.get("/api/v1/services/databaseServices?limit=1000").json().path("data")) {
            types.add(service.path("serviceType").asText());
            assertThat(service.path("connection").path("config").path("type").asText())
                    .isEqualTo(service.path("serviceType").asText());
        }
        assertThat(types).contains("Snowflake", "Postgres", "Mysql", "Mssql", "Databricks", "Redshift", "Oracle",
                "BigQuery");
    }

    @Test
    void everyDatabaseAndSchema() {
        JsonNode databases = bot.get("/api/v1/databases?limit=1000").json();
        assertListing(databases, OfficialSchemas.DATABASE);
        assertThat(databases.path("data")).hasSize(simulator.catalog().databases().size());
        JsonNode schemas = bot.get("/api/v1/databaseSchemas?limit=1000").json();
        assertListing(schemas, OfficialSchemas.DATABASE_SCHEMA);
        assertThat(schemas.path("data")).hasSize(simulator.catalog().schemas().size());
    }

    @Test
    void everyTableOfTheCatalogListedAndEachKindLookedUp() {
        int tables = 0;
        for (JsonNode page : bot.allPages("/api/v1/tables?limit=1000&include=all")) {
            assertListing(page, OfficialSchemas.TABLE);
            tables += page.path("data").size();
        }
        assertThat(tables).isEqualTo(simulator.catalog().tableCount());

        List<OmTable> samples = new ArrayList<>();
        simulator.catalog().tables().filter(t -> t.deleted() || t.name().contains("\"") || t.tableType().equals(
                "View")).limit(30).forEach(samples::add);
        for (OmTable table : samples) {
            JsonNode byId = bot.get("/api/v1/tables/" + table.id() + "?include=all").json();
            assertThat(byId.path("id").asText()).as("%s", table).isEqualTo(table.id().toString());
            assertThat(OfficialSchemas.violations(OfficialSchemas.TABLE, byId)).isEmpty();
            JsonNode byName = bot.get("/api/v1/tables/name/" + OmClient.encodePath(table.fullyQualifiedName())
                    + "?include=all").json();
            assertThat(byName.path("id").asText()).as("%s", table).isEqualTo(table.id().toString());
            assertThat(OfficialSchemas.violations(OfficialSchemas.TABLE, byName)).isEmpty();
            assertThat(byName).isEqualTo(byId);
        }
    }

    @Test
    void theLoggedInUserAndTheVersion() {
        for (OmClient client : List.of(bot, user)) {
            JsonNode me = client.get("/api/v1/users/loggedInUser").json();
            assertThat(OfficialSchemas.violations(OfficialSchemas.USER, me)).isEmpty();
        }
        JsonNode version = new OmClient(simulator, null).get("/api/v1/system/version").json();
        assertThat(OfficialSchemas.violations(OfficialSchemas.SERVER_VERSION, version)).isEmpty();
        assertThat(version.path("version").asText()).isEqualTo("1.4.0");
    }

    private static void assertListing(JsonNode page, String entitySchema) {
        assertThat(page.fieldNames()).toIterable().containsExactly("data", "paging");
        assertThat(OfficialSchemas.violations(OfficialSchemas.PAGING, page.path("paging"))).isEmpty();
        for (JsonNode entity : page.path("data")) {
            assertThat(OfficialSchemas.violations(entitySchema, entity)).as("%s", entity).isEmpty();
        }
    }
}
