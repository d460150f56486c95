package io.catalogbridge.openmetadata.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The data-quality API over HTTP, as a 1.4 server (the default) and a 1.6 one answer it: test definitions, tables'
 * executable test suites (which a 1.4 test case must name), test cases on the catalog's tables and columns, their
 * results, rights, statistics and faults.
 */
class OpenMetadataDataQualityTest {

    static final String DEFINITIONS = "/api/v1/dataQuality/testDefinitions";
    static final String CASES = "/api/v1/dataQuality/testCases";
    static final String SUITES = "/api/v1/dataQuality/testSuites/executable";

    private OpenMetadataSimulator simulator;
    private OmClient bot;
    private OmClient user;

    @BeforeEach
    void start() throws Exception {
        start("1.4.0");
    }

    private void start(String version) throws Exception {
        if (simulator != null) {
            simulator.close();
        }
        simulator = OpenMetadataSimulator.start(OpenMetadataSimulatorSettings.defaults().withCatalog(42, 2_000)
                .withVersion(version));
        bot = new OmClient(simulator, Principal.DEMO_BOT_TOKEN);
        user = new OmClient(simulator, Principal.DEMO_USER_TOKEN);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    static String definition(String name, String entityType) {
        return "{\"name\": \"" + name + "\", \"description\": \"Data Observability rule " + name + "\", "
                + "\"entityType\": \"" + entityType + "\", \"testPlatforms\": [\"Other\"], \"parameterDefinition\": []}";
    }

    static String testCase(String name, String definition, String link, String suite) {
        return "{\"name\": " + quoted(name) + ", \"testDefinition\": " + quoted(definition) + ", \"entityLink\": "
                + quoted(link) + (suite == null ? "" : ", \"testSuite\": " + quoted(suite))
                + ", \"parameterValues\": []}";
    }

    static String suite(String name, String tableFqn) {
        return "{\"name\": " + quoted(name) + ", \"executableEntityReference\": " + quoted(tableFqn) + "}";
    }

    /** The table's executable suite, created (or there already) as the bot: its FQN, what a 1.4 test case names. */
    static String suiteOf(OmClient bot, OmTable table) {
        OmClient.Answer created = bot.postJson(SUITES, suite(table.fullyQualifiedName() + ".testSuite",
                table.fullyQualifiedName()));
        assertThat(created.status()).as(created.body()).isIn(201, 409);
        return table.fullyQualifiedName() + ".testSuite";
    }

    static String result(long timestamp, String status, String value) {
        return "{\"timestamp\": " + timestamp + ", \"testCaseStatus\": \"" + status + "\", \"result\": \"observed "
                + value + "\", \"testResultValue\": [{\"name\": \"value\", \"value\": \"" + value + "\"}]}";
    }

    static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String tableLink(OmTable table) {
        return "<#E::table::" + table.fullyQualifiedName() + ">";
    }

    OmTable table(java.util.function.Predicate<OmTable> which) {
        return simulator.catalog().tables().filter(which).findFirst().orElseThrow();
    }

    OmTable regularTable() {
        return table(t -> !t.deleted() && t.schema().nameCase() == ServiceType.NameCase.LOWER
                && !t.fullyQualifiedName().contains("\""));
    }

    /** A table-level test case of a fresh definition, created as the bot; its FQN. */
    String createTableCase(OmTable table, String name) {
        bot.postJson(DEFINITIONS, definition("rowCount", "TABLE"));
        OmClient.Answer created = bot.postJson(CASES, testCase(name, "rowCount", tableLink(table),
                suiteOf(bot, table)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("fullyQualifiedName").asText();
    }

    @Test
    void aDefinitionIsCreatedOnceFoundByNameAndAConflictTheSecondTime() {
        OmClient.Answer created = bot.postJson(DEFINITIONS, definition("freshness", "TABLE"));
        assertThat(created.status()).isEqualTo(201);
        JsonNode definition = created.json();
        assertThat(definition.path("name").asText()).isEqualTo("freshness");
        assertThat(definition.path("fullyQualifiedName").asText()).isEqualTo("freshness");
        assertThat(definition.path("entityType").asText()).isEqualTo("TABLE");
        assertThat(definition.path("testPlatforms").get(0).asText()).isEqualTo("Other");
        assertThat(definition.path("version").asDouble()).isEqualTo(0.1);
        assertThat(definition.path("updatedBy").asText()).isEqualTo("ingestion-bot");

        OmClient.Answer again = bot.postJson(DEFINITIONS, definition("freshness", "COLUMN"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("message").asText()).isEqualTo("Entity already exists");
        assertThat(again.json().path("code").asInt()).isEqualTo(409);

        assertThat(bot.get(DEFINITIONS + "/name/freshness").json()).isEqualTo(definition);
        OmClient.Answer missing = bot.get(DEFINITIONS + "/name/volume");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("message").asText()).isEqualTo("testDefinition instance for volume not found");

        JsonNode dotted = bot.postJson(DEFINITIONS, definition("rule.v2", "COLUMN")).json();
        assertThat(dotted.path("fullyQualifiedName").asText()).isEqualTo("\"rule.v2\"");
        assertThat(bot.get(DEFINITIONS + "/name/" + OmClient.encodePath("\"rule.v2\"")).status()).isEqualTo(200);
        assertThat(simulator.quality().definitions()).extracting(OmTestDefinition::name)
                .containsExactly("freshness", "rule.v2");
    }

    @Test
    void putCreatesADefinitionOrUpdatesItWhenSomethingChanged() {
        OmClient.Answer created = bot.put(DEFINITIONS, definition("nullRate", "COLUMN"));
        assertThat(created.status()).isEqualTo(201);
        OmClient.Answer unchanged = bot.put(DEFINITIONS, definition("nullRate", "COLUMN"));
        assertThat(unchanged.status()).isEqualTo(200);
        assertThat(unchanged.json()).isEqualTo(created.json());
        OmClient.Answer changed = bot.put(DEFINITIONS, definition("nullRate", "COLUMN").replace("rule nullRate",
                "rule, reworded"));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().path("id")).isEqualTo(created.json().path("id"));
        assertThat(changed.json().path("version").asDouble()).isEqualTo(0.2);
        assertThat(changed.json().path("description").asText()).isEqualTo("Data Observability rule, reworded");
    }

    @Test
    void badDefinitionRequestsAreRefusedInTheServersWords() {
        assertRefused(bot.postJson(DEFINITIONS, "{\"name\": \"x\", \"entityType\": \"TABLE\", \"testPlatforms\": []}"),
                400, "[description must not be null]");
        assertRefused(bot.postJson(DEFINITIONS, "{\"name\": \"x\", \"description\": \"d\", \"entityType\": "
                + "\"TABLE\"}"), 400, "[testPlatforms must not be null]");
        assertRefused(bot.postJson(DEFINITIONS, definition("x", "SCHEMA")), 400, "Unable to process JSON");
        assertRefused(bot.postJson(DEFINITIONS, definition("x", "TABLE").replace("}", ", \"severity\": 1}")), 400,
                "Unable to process JSON");
        assertRefused(bot.postJson(DEFINITIONS, "not json"), 400, "Unable to process JSON");
        assertRefused(bot.postJson(DEFINITIONS, definition("a::b", "TABLE")), 400, "[name must match "
                + "\"^((?!::).)*$\"]");
        assertRefused(bot.postJson(DEFINITIONS, definition("say \\\"hi\\\"", "TABLE")), 400, "Invalid name say \"hi\"");
        assertThat(simulator.quality().definitions()).isEmpty();
    }

    @Test
    void testCasesOnATableAndOnItsColumnsInTheTablesCase() {
        OmTable table = table(t -> !t.deleted() && t.schema().nameCase() == ServiceType.NameCase.UPPER);
        String suite = suiteOf(bot, table);
        bot.postJson(DEFINITIONS, definition("rowCount", "TABLE"));
        bot.postJson(DEFINITIONS, definition("nullRate", "COLUMN"));

        OmClient.Answer tableCase = bot.postJson(CASES, testCase("rows_dq_1", "rowCount", tableLink(table), suite));
        assertThat(tableCase.status()).as(tableCase.body()).isEqualTo(201);
        JsonNode created = tableCase.json();
        assertThat(created.path("fullyQualifiedName").asText()).isEqualTo(table.fullyQualifiedName() + ".rows_dq_1");
        assertThat(created.path("entityFQN").asText()).isEqualTo(table.fullyQualifiedName());
        assertThat(created.path("entityLink").asText()).isEqualTo(tableLink(table));
        assertThat(created.path("testSuite").path("fullyQualifiedName").asText()).isEqualTo(suite);
        assertThat(created.path("testDefinition").path("name").asText()).isEqualTo("rowCount");

        String columnLink = "<#E::table::" + table.fullyQualifiedName() + "::columns::UPDATED_AT>";
        JsonNode columnCase = bot.postJson(CASES, testCase("nulls.v1", "nullRate", columnLink, suite)).json();
        assertThat(columnCase.path("fullyQualifiedName").asText())
                .isEqualTo(table.fullyQualifiedName() + ".UPDATED_AT.\"nulls.v1\"");
        assertThat(columnCase.path("entityFQN").asText()).isEqualTo(table.fullyQualifiedName() + ".UPDATED_AT");

        assertRefused(bot.postJson(CASES, testCase("nulls", "nullRate", columnLink.replace("UPDATED_AT",
                "updated_at"), suite)), 400, "Invalid fully qualified column name " + table.fullyQualifiedName()
                + ".updated_at");
        assertRefused(bot.postJson(CASES, testCase("nulls", "nullRate", tableLink(table), suite)), 400,
                "Column test case must have a field name and an array field name in the entity link. e.g. "
                        + "<#E::table::{entityFqn}::columns::{columnName}>");
        assertRefused(bot.postJson(CASES, testCase("rows_dq_1", "rowCount", tableLink(table), suite)), 409,
                "Entity already exists");

        assertThat(simulator.quality().testCase(table.fullyQualifiedName() + ".rows_dq_1")).get()
                .extracting(OmTestCase::column, OmTestCase::tableIndex).containsExactly(null, table.index());
        assertThat(simulator.quality().testCases()).extracting(OmTestCase::column).containsExactly(null,
                "UPDATED_AT");
    }

    @Test
    void aLinkToATableTheCatalogDoesNotHoldExactlyIsRefused() {
        OmTable table = regularTable();
        String suite = suiteOf(bot, table);
        bot.postJson(DEFINITIONS, definition("rowCount", "TABLE"));
        String upper = table.fullyQualifiedName().toUpperCase(java.util.Locale.ROOT);
        assertRefused(bot.postJson(CASES, testCase("rows", "rowCount", "<#E::table::" + upper + ">", suite)), 404,
                "table instance for " + upper + " not found");
        assertRefused(bot.postJson(CASES, testCase("rows", "rowCount", "<#E::dashboard::x.y>", suite)), 404,
                "dashboard instance for x.y not found");
        assertRefused(bot.postJson(CASES, testCase("rows", "rowCount", table.fullyQualifiedName(), suite)), 400,
                "Entity link was not found in " + table.fullyQualifiedName());
        assertRefused(bot.postJson(CASES, testCase("rows", "noSuchRule", tableLink(table), suite)), 404,
                "testDefinition instance for noSuchRule not found");
        assertRefused(bot.postJson(CASES, testCase("say \"hi\"", "rowCount", tableLink(table), suite)), 400,
                "Invalid name say \"hi\"");
        assertRefused(bot.postJson(CASES, testCase("rows", "rowCount", tableLink(table), suite)
                .replace("[]", "[{\"name\": \"min\", \"value\": \"1\"}]")), 400,
                "Parameter Values doesn't match Test Definition Parameters");

        OmTable deleted = table(OmTable::deleted); // the server looks the table up with include=all
        OmClient.Answer onDeleted = bot.postJson(CASES, testCase("rows", "rowCount", tableLink(deleted),
                suiteOf(bot, deleted)));
        assertThat(onDeleted.status()).isEqualTo(201);
    }

    @Test
    void version14RequiresTheTablesExecutableSuite() {
        OmTable table = regularTable();
        bot.postJson(DEFINITIONS, definition("rowCount", "TABLE"));
        assertRefused(bot.postJson(CASES, testCase("rows", "rowCount", tableLink(table), null)), 400,
                "[testSuite must not be null]");
        assertRefused(bot.postJson(CASES, testCase("rows", "rowCount", tableLink(table), "no.such.testSuite")), 404,
                "testSuite instance for no.such.testSuite not found");
        String suite = table.fullyQualifiedName() + ".testSuite";
        assertRefused(bot.postJson(CASES, testCase("rows", "rowCount", tableLink(table), suite)), 404,
                "testSuite instance for " + suite + " not found"); // not made until created
    }

    @Test
    void aTablesExecutableSuiteIsCreatedOnceAndThenNamedByItsTestCases() {
        OmTable table = regularTable();
        bot.postJson(DEFINITIONS, definition("rowCount", "TABLE"));
        String fqn = table.fullyQualifiedName() + ".testSuite";

        OmClient.Answer created = bot.postJson(SUITES, suite("any name", table.fullyQualifiedName()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("fullyQualifiedName").asText()).isEqualTo(fqn); // the table's, whatever the name
        assertThat(created.json().path("executable").asBoolean()).isTrue();
        assertThat(created.json().path("executableEntityReference").path("id").asText())
                .isEqualTo(table.id().toString());
        assertRefused(bot.postJson(SUITES, suite(fqn, table.fullyQualifiedName())), 409, "Entity already exists");
        assertRefused(bot.postJson(SUITES, suite("s", "no.such.table")), 404, "table instance for no.such.table not found");
        assertRefused(bot.postJson(SUITES, suite("x".repeat(257), table.fullyQualifiedName())), 400,
                "[name size must be between 1 and 256]");
        assertRefused(bot.postJson(SUITES, "{\"name\": \"s\", \"executableEntityReference\": \"t\", \"tests\": []}"),
                400, "Unable to process JSON");
        assertRefused(user.postJson(SUITES, suite("s", regularTable().fullyQualifiedName())), 403,
                "Principal: CatalogPrincipal{name='data.steward'} operations [Create] not allowed");
        assertThat(simulator.quality().testSuites()).extracting(OmTestSuite::fullyQualifiedName, OmTestSuite::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(fqn, "any name"));

        OmClient.Answer testCase = bot.postJson(CASES, testCase("rows", "rowCount", tableLink(table), fqn));
        assertThat(testCase.status()).as(testCase.body()).isEqualTo(201);
        assertThat(testCase.json().path("testSuite").path("id").asText()).isEqualTo(created.json().path("id").asText());
    }

    @Test
    void version16MakesTheTablesBasicSuiteItself() throws Exception {
        start("1.6.2");
        OmTable table = regularTable();
        bot.postJson(DEFINITIONS, definition("rowCount", "TABLE"));
        OmClient.Answer created = bot.postJson(CASES, testCase("rows", "rowCount", tableLink(table), null));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("testSuite").path("fullyQualifiedName").asText())
                .isEqualTo(table.fullyQualifiedName() + ".testSuite");
    }

    @Test
    void aTestCaseIsReadByNameOrIdAndDeletedSoftOrHard() {
        OmTable table = regularTable();
        String fqn = createTableCase(table, "rows");
        String byName = CASES + "/name/" + OmClient.encodePath(fqn);
        JsonNode plain = bot.get(byName).json();
        assertThat(plain.has("testSuite")).isFalse(); // only when fields asks for it, as the server does
        JsonNode full = bot.get(byName + "?fields=testSuite,testDefinition,testCaseResult").json();
        assertThat(full.path("testSuite").path("name").asText()).isEqualTo(table.fullyQualifiedName() + ".testSuite");
        String id = full.path("id").asText();
        assertThat(bot.get(CASES + "/" + id).json().path("fullyQualifiedName").asText()).isEqualTo(fqn);

        OmClient.Answer soft = bot.delete(CASES + "/" + id);
        assertThat(soft.status()).isEqualTo(200);
        assertThat(soft.json().path("deleted").asBoolean()).isTrue();
        assertRefused(bot.get(byName), 404, "testCase instance for " + fqn + " not found");
        assertThat(bot.get(byName + "?include=all").json().path("deleted").asBoolean()).isTrue();
        assertThat(bot.delete(CASES + "/" + id + "?hardDelete=true").status()).isEqualTo(200);
        assertThat(bot.get(byName + "?include=all").status()).isEqualTo(404);
        assertThat(simulator.quality().testCase(fqn)).isEmpty();

        String again = createTableCase(table, "rows");
        assertThat(again).isEqualTo(fqn);
        assertThat(bot.delete(CASES + "/name/" + OmClient.encodePath(fqn) + "?hardDelete=true").status())
                .isEqualTo(200);
        assertRefused(bot.delete(CASES + "/name/" + OmClient.encodePath(fqn)), 404,
                "testCase instance for " + fqn + " not found");
        assertThat(bot.delete(CASES + "/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void version14TakesResultsByPutAndAnswersWithTheChangeEvent() {
        String fqn = createTableCase(regularTable(), "rows");
        String path = CASES + "/" + OmClient.encodePath(fqn) + "/testCaseResult";
        OmClient.Answer added = bot.put(path, result(1_000, "Success", "26.5"));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        JsonNode event = added.json();
        assertThat(event.path("eventType").asText()).isEqualTo("entityUpdated");
        assertThat(event.path("entityFullyQualifiedName").asText()).isEqualTo(fqn);
        assertThat(event.path("changeDescription").path("fieldsAdded").get(0).path("newValue").path("timestamp")
                .asLong()).isEqualTo(1_000);
        assertThat(event.path("entity").path("testCaseResult").path("testCaseStatus").asText()).isEqualTo("Success");

        assertRefused(bot.put(path, result(1_000, "Failed", "30")), 409, "Entity already exists");
        assertThat(bot.put(path, result(3_000, "Failed", "30")).status()).isEqualTo(201);
        assertThat(bot.put(path, result(2_000, "Aborted", "0")).status()).isEqualTo(201);

        JsonNode listed = bot.get(path + "?startTs=1000&endTs=2500").json();
        assertThat(listed.path("data")).extracting(r -> r.path("timestamp").asLong()).containsExactly(2_000L, 1_000L);
        assertThat(listed.path("paging").path("total").asInt()).isEqualTo(2);
        assertThat(listed.path("paging").path("before").asText()).isEqualTo("1000");
        assertRefused(bot.get(path + "?startTs=0"), 500, "endTs is marked non-null but is null");
        assertThat(bot.get(CASES + "/name/" + OmClient.encodePath(fqn) + "?fields=testCaseResult").json()
                .path("testCaseResult").path("timestamp").asLong()).isEqualTo(3_000);

        assertThat(simulator.quality().results(fqn)).extracting(OmTestCaseResult::testCaseStatus)
                .containsExactly("Success", "Aborted", "Failed");
        assertThat(simulator.quality().latestResult(fqn)).get().extracting(OmTestCaseResult::timestamp)
                .isEqualTo(3_000L);
        assertRefused(bot.postJson(CASES + "/testCaseResults/" + OmClient.encodePath(fqn), result(4_000, "Success",
                "1")), 404, "HTTP 404 Not Found");
        assertRefused(bot.put(CASES + "/" + OmClient.encodePath(fqn + "x") + "/testCaseResult", result(1, "Success",
                "1")), 404, "testCase instance for " + fqn + "x not found");
        assertRefused(bot.put(path, "{\"testCaseStatus\": \"Success\"}"), 400, "[timestamp must not be null]");
        assertRefused(bot.put(path, result(5, "Warning", "1")), 400, "Unable to process JSON");
    }

    @Test
    void version16TakesResultsByPostToTheResultsResource() throws Exception {
        start("1.6.2");
        String fqn = createTableCase(regularTable(), "rows");
        String path = CASES + "/testCaseResults/" + OmClient.encodePath(fqn);
        OmClient.Answer added = bot.postJson(path, result(1_000, "Failed", "26.5"));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().path("testCaseFQN").asText()).isEqualTo(fqn);
        assertThat(added.json().path("testResultValue").get(0).path("value").asText()).isEqualTo("26.5");
        assertThat(added.json().path("id").asText()).hasSize(36);
        assertRefused(bot.postJson(path, result(1_000, "Failed", "26.5")), 409, "Entity already exists");

        JsonNode listed = bot.get(path).json();
        assertThat(listed.path("data")).hasSize(1);
        assertThat(listed.path("data").get(0).path("id")).isEqualTo(added.json().path("id"));
        assertRefused(bot.put(CASES + "/" + OmClient.encodePath(fqn) + "/testCaseResult", result(2_000, "Success",
                "1")), 404, "HTTP 404 Not Found");
        assertRefused(user.get(path), 403, "Principal: CatalogPrincipal{name='data.steward'} operations [EditTests] "
                + "not allowed");
    }

    @Test
    void aUserWithoutRightsReadsButWritesNothing() {
        OmTable table = regularTable();
        String fqn = createTableCase(table, "rows");
        assertRefused(user.postJson(DEFINITIONS, definition("other", "TABLE")), 403,
                "Principal: CatalogPrincipal{name='data.steward'} operations [Create] not allowed");
        assertRefused(user.postJson(CASES, testCase("more", "rowCount", tableLink(table), suiteOf(bot, table))), 403, "Principal: CatalogPrincipal{name='data.steward'} operations [EditTests] not "
                + "allowed");
        assertRefused(user.put(CASES + "/" + OmClient.encodePath(fqn) + "/testCaseResult", result(1, "Success", "1")),
                403, "Principal: CatalogPrincipal{name='data.steward'} operations [EditTests] not allowed");
        assertThat(user.get(CASES + "/name/" + OmClient.encodePath(fqn)).status()).isEqualTo(200);
        assertThat(user.get(DEFINITIONS + "/name/rowCount").status()).isEqualTo(200);
        assertThat(simulator.quality().testCaseCount()).isEqualTo(1);
    }

    @Test
    void everyCallNeedsATokenIsCountedAndMeetsTheFaults() {
        OmClient anonymous = new OmClient(simulator, null);
        assertRefused(anonymous.postJson(DEFINITIONS, definition("x", "TABLE")), 401,
                "Not Authorized! Token not present");
        assertRefused(new OmClient(simulator, Principal.DEMO_EXPIRED_TOKEN).postJson(DEFINITIONS,
                definition("x", "TABLE")), 401, "Expired token!");
        simulator.resetStats();
        String fqn = createTableCase(regularTable(), "rows");
        assertThat(simulator.stats().count("testDefinitions", 201)).isEqualTo(1);
        assertThat(simulator.stats().count("testSuites", 201)).isEqualTo(1);
        assertThat(simulator.stats().count("testCases", 201)).isEqualTo(1);

        simulator.faults().throttle(4, 1); // requests 1 to 3 made the definition, the suite and the case
        OmClient.Answer throttled = bot.put(CASES + "/" + OmClient.encodePath(fqn) + "/testCaseResult",
                result(1, "Success", "1"));
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(simulator.quality().results(fqn)).isEmpty(); // refused before anything was written
        simulator.faults().clear();
        simulator.faults().bursts(5, 1); // the next request is the 5th
        assertThat(bot.get(CASES + "/name/" + OmClient.encodePath(fqn)).status()).isEqualTo(503);
        simulator.faults().clear();
        assertThat(simulator.stats().count("testCaseResults", 429)).isEqualTo(1);
        assertThat(simulator.stats().count("testCase-by-name", 503)).isEqualTo(1);
        assertThat(bot.delete(DEFINITIONS).status()).isEqualTo(405);
    }

    @Test
    void resetForgetsEverything() {
        String fqn = createTableCase(regularTable(), "rows");
        simulator.quality().reset();
        assertThat(simulator.quality().testCases()).isEmpty();
        assertThat(simulator.quality().definitions()).isEmpty();
        assertThat(bot.get(CASES + "/name/" + OmClient.encodePath(fqn)).status()).isEqualTo(404);
        assertThat(createTableCase(regularTable(), "rows")).isEqualTo(fqn);
    }

    static void assertRefused(OmClient.Answer answer, int status, String message) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        if (answer.body().startsWith("{")) {
            assertThat(answer.json().path("message").asText()).isEqualTo(message);
            assertThat(answer.json().path("code").asInt()).isEqualTo(status);
        }
    }
}
