package io.catalogbridge.openmetadata.simulator;

import static io.catalogbridge.openmetadata.simulator.OpenMetadataDataQualityTest.CASES;
import static io.catalogbridge.openmetadata.simulator.OpenMetadataDataQualityTest.DEFINITIONS;
import static io.catalogbridge.openmetadata.simulator.OpenMetadataDataQualityTest.definition;
import static io.catalogbridge.openmetadata.simulator.OpenMetadataDataQualityTest.result;
import static io.catalogbridge.openmetadata.simulator.OpenMetadataDataQualityTest.testCase;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.catalogbridge.simulator.SimulatorHttpClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The data-quality answers held to openmetadata-spec 1.4.0's schemas, as {@link OpenMetadataSchemaTest} holds the
 * catalog's: test definitions, tables' executable test suites, test cases (created, read with every field, on quoted
 * and dotted tables and on columns), results and the change event a 1.4 server answers a result with, and a 1.6
 * server's results.
 */
class OpenMetadataDataQualitySchemaTest {

    @Test
    void everyDataQualityAnswerOfA14Server() throws Exception {
        try (OpenMetadataSimulator simulator = OpenMetadataSimulator.start(OpenMetadataSimulatorSettings.defaults()
                .withCatalog(42, 3_000))) {
            OmClient bot = new OmClient(simulator, Principal.DEMO_BOT_TOKEN);
            JsonNode table = valid(OfficialSchemas.TEST_DEFINITION, bot.postJson(DEFINITIONS,
                    definition("rowCount", "TABLE")).json());
            valid(OfficialSchemas.TEST_DEFINITION, bot.put(DEFINITIONS, "{\"name\": \"range.v2\", \"description\":"
                    + " \"d\", \"entityType\": \"COLUMN\", \"testPlatforms\": [\"Other\", \"DBT\"], "
                    + "\"supportedDataTypes\": [\"INT\"], \"parameterDefinition\": [{\"name\": \"min\", "
                    + "\"dataType\": \"INT\", \"required\": false}]}").json());
            valid(OfficialSchemas.TEST_DEFINITION, bot.get(DEFINITIONS + "/name/rowCount").json());
            assertThat(table.path("name").asText()).isEqualTo("rowCount");

            List<OmTable> tables = new ArrayList<>();
            simulator.catalog().tables().filter(t -> t.name().contains("\"") || t.name().contains(".")
                    || t.deleted()).limit(6).forEach(tables::add);
            tables.add(simulator.catalog().table(0));
            int n = 0;
            for (OmTable t : tables) {
                String suite = t.fullyQualifiedName() + ".testSuite";
                valid(OfficialSchemas.TEST_SUITE, bot.postJson(OpenMetadataDataQualityTest.SUITES,
                        OpenMetadataDataQualityTest.suite(suite, t.fullyQualifiedName())).json());
                String column = EntityJson.columnNames(t.schema().nameCase()).get(2);
                String link = "<#E::table::" + t.fullyQualifiedName() + "::columns::" + column + ">";
                JsonNode created = bot.postJson(CASES, testCase("range " + n++, "\"range.v2\"", link, suite)).json();
                valid(OfficialSchemas.TEST_CASE, created);
                String fqn = created.path("fullyQualifiedName").asText();
                String results = CASES + "/" + OmClient.encodePath(fqn) + "/testCaseResult";
                JsonNode event = bot.put(results, result(1_000 + n, "Failed", "26.5")).json();
                valid(OfficialSchemas.CHANGE_EVENT, event);
                valid(OfficialSchemas.TEST_CASE, event.path("entity"));
                valid(OfficialSchemas.TEST_CASE_RESULT, event.path("changeDescription").path("fieldsAdded").get(0)
                        .path("newValue"));
                JsonNode read = bot.get(CASES + "/name/" + OmClient.encodePath(fqn)
                        + "?fields=testSuite,testDefinition,testCaseResult").json();
                valid(OfficialSchemas.TEST_CASE, read);
                valid(OfficialSchemas.TEST_CASE_RESULT, read.path("testCaseResult"));
                JsonNode listed = bot.get(results + "?startTs=0&endTs=9999").json();
                assertThat(OfficialSchemas.violations(OfficialSchemas.PAGING, listed.path("paging"))).isEmpty();
                for (JsonNode r : listed.path("data")) {
                    valid(OfficialSchemas.TEST_CASE_RESULT, r);
                }
            }
        }
    }

    @Test
    void theResultsOfA16Server() throws Exception {
        try (OpenMetadataSimulator simulator = OpenMetadataSimulator.start(OpenMetadataSimulatorSettings.defaults()
                .withCatalog(42, 500).withVersion("1.6.2"))) {
            OmClient bot = new OmClient(simulator, Principal.DEMO_BOT_TOKEN);
            bot.postJson(DEFINITIONS, definition("rowCount", "TABLE"));
            OmTable t = simulator.catalog().table(1);
            JsonNode created = bot.postJson(CASES, testCase("rows", "rowCount", "<#E::table::"
                    + t.fullyQualifiedName() + ">", null)).json();
            valid(OfficialSchemas.TEST_CASE, created); // the 1.4 schema still describes what the bridge reads
            String results = CASES + "/testCaseResults/" + OmClient.encodePath(created.path("fullyQualifiedName")
                    .asText());
            valid(OfficialSchemas.TEST_CASE_RESULT, bot.postJson(results, result(5, "Success", "1")).json());
            for (JsonNode r : bot.get(results).json().path("data")) {
                valid(OfficialSchemas.TEST_CASE_RESULT, r);
            }
        }
    }

    @Test
    void theValidatorBitesOnDataQualityAnswers() throws Exception {
        try (OpenMetadataSimulator simulator = OpenMetadataSimulator.start(OpenMetadataSimulatorSettings.defaults()
                .withCatalog(42, 100))) {
            OmClient bot = new OmClient(simulator, Principal.DEMO_BOT_TOKEN);
            ObjectNode definition = (ObjectNode) bot.postJson(DEFINITIONS, definition("rowCount", "TABLE")).json();
            definition.put("entityType", "SCHEMA");
            assertThat(OfficialSchemas.violations(OfficialSchemas.TEST_DEFINITION, definition)).isNotEmpty();
            OmTable t = simulator.catalog().table(0);
            ObjectNode testCase = (ObjectNode) bot.postJson(CASES, testCase("rows", "rowCount", "<#E::table::"
                    + t.fullyQualifiedName() + ">", OpenMetadataDataQualityTest.suiteOf(bot, t))).json();
            ObjectNode withoutSuite = testCase.deepCopy();
            withoutSuite.remove("testSuite"); // why a 1.4 test case always has its suite
            assertThat(OfficialSchemas.violations(OfficialSchemas.TEST_CASE, withoutSuite)).isNotEmpty();
            ObjectNode badLink = testCase.deepCopy();
            badLink.put("entityLink", t.fullyQualifiedName());
            assertThat(OfficialSchemas.violations(OfficialSchemas.TEST_CASE, badLink)).isNotEmpty();
            ObjectNode badResult = (ObjectNode) SimulatorHttpClient.JSON.readTree(result(1, "Success", "1"));
            badResult.put("testCaseStatus", "Warning");
            assertThat(OfficialSchemas.violations(OfficialSchemas.TEST_CASE_RESULT, badResult)).isNotEmpty();
        }
    }

    private static JsonNode valid(String schema, JsonNode answer) {
        assertThat(OfficialSchemas.violations(schema, answer)).as("%s", answer).isEmpty();
        return answer;
    }
}
