package io.catalogbridge.alation.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.catalogbridge.simulator.SimulatorHttpClient.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimulatorDataQualityTest {

    private static final String DQ = "/integration/v1/data_quality/";
    private static final String FIELD = "{\"field_key\": \"freshness\", \"name\": \"Freshness\", \"type\": \"NUMERIC\","
            + " \"description\": \"Hours since the last load\"}";

    private AlationSimulator simulator;
    private SimulatorClient client;
    private String token;

    @BeforeEach
    void start() throws Exception {
        simulator = AlationSimulator.start(SimulatorSettings.defaults().withCatalog(42, 10_000)
                .withWrites(WriteSettings.DEFAULT.withMaxQualityItems(50)));
        client = new SimulatorClient(simulator);
        token = client.token();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private static String value(String objectKey, String objectType, String status, String value) {
        return "{\"field_key\": \"freshness\", \"object_key\": " + SimulatorClient.JSON.valueToTree(objectKey)
                + ", \"object_type\": \"" + objectType + "\", \"status\": \"" + status + "\", \"value\": " + value
                + ", \"url\": \"https://do.example/rules/1\", \"last_updated\": \"2025-01-02T03:04:05.000000Z\"}";
    }

    private static String body(String fields, List<String> values) {
        return "{" + (fields == null ? "" : "\"fields\": [" + fields + "]" + (values.isEmpty() ? "" : ", "))
                + (values.isEmpty() ? "" : "\"values\": [" + String.join(", ", values) + "]") + "}";
    }

    private long post(String body) {
        Answer accepted = client.send("POST", DQ, token, body);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        long id = accepted.json().get("job_id").asLong();
        assertThat(accepted.json().get("href").asText()).isEqualTo("/api/v1/bulk_metadata/job/?id=" + id);
        return id;
    }

    private List<SimulatedTable> tables(int count) {
        return simulator.catalog().tables().limit(count).toList();
    }

    @Test
    void fieldsAndValuesAreUpsertedByAJobAndVisibleOnceItSucceeds() {
        List<SimulatedTable> tables = tables(3);
        List<String> values = new ArrayList<>();
        values.add(value(tables.get(0).key(), "TABLE", "GOOD", "1.5"));
        values.add(value(tables.get(1).key(), "TABLE", "WARNING", "\"late\""));
        values.add(value(tables.get(2).key(), "TABLE", "ALERT", "true"));
        long job = post(body(FIELD, values));

        assertThat(client.get("/integration/v1/data_quality/values/", token).json()).as("nothing before the job ends")
                .isEmpty();
        JsonNode running = client.get("/api/v1/bulk_metadata/job/?id=" + job, token).json();
        assertThat(running.get("status").asText()).isEqualTo("running");
        assertThat(running.get("result").isNull()).isTrue();
        JsonNode done = client.get("/api/v1/bulk_metadata/job/?id=" + job, token).json();
        assertThat(done.get("status").asText()).isEqualTo("successful");
        assertThat(done.get("msg").asText()).startsWith("Job finished in ");
        JsonNode result = done.get("result");
        assertThat(result.at("/fields/created/count").asInt()).isEqualTo(1);
        assertThat(result.at("/fields/created/sample/0/field_key").asText()).isEqualTo("freshness");
        assertThat(result.at("/values/created/count").asInt()).isEqualTo(3);
        assertThat(result.at("/values/updated/count").asInt()).isZero();
        assertThat(result.at("/created_object_attribution/success_count").asInt()).isEqualTo(3);
        assertThat(result.at("/created_object_attribution/failure_count").asInt()).isZero();
        assertThat(result.at("/created_object_attribution/success_sample/0/object_key").asText())
                .isEqualTo(tables.get(0).key());
        assertThat(result.get("flag_counts").toString()).isEqualTo("{\"GOOD\":1,\"WARNING\":1,\"ALERT\":1}");
        assertThat(client.get("/api/v1/bulk_metadata/job/?id=" + job, token).json()).as("an ended job stays so")
                .isEqualTo(done);

        JsonNode listed = client.get("/integration/v1/data_quality/values/?object_key="
                + encode(tables.get(1).key().toUpperCase(Locale.ROOT)), token).json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("object_key").asText()).isEqualTo(tables.get(1).key());
        assertThat(listed.get(0).get("status").asText()).isEqualTo("WARNING");
        assertThat(listed.get(0).get("value").asText()).isEqualTo("late");
        assertThat(listed.get(0).get("object_type").asText()).isEqualTo("TABLE");
        assertThat(listed.get(0).get("url").asText()).isEqualTo("https://do.example/rules/1");
        JsonNode fields = client.get("/integration/v1/data_quality/fields/?key=freshness", token).json();
        assertThat(fields.toString()).isEqualTo("[{\"field_key\":\"freshness\",\"name\":\"Freshness\",\"type\":"
                + "\"NUMERIC\",\"description\":\"Hours since the last load\"}]");
        assertThat(simulator.quality().dataQuality().value("freshness", tables.get(0).key()).orElseThrow().value())
                .isEqualTo(1.5);
        assertThat(simulator.quality().dataQuality().valuesOf(tables.get(2).key())).hasSize(1);
        assertThat(simulator.stats().count(SimulatorEndpoint.DATA_QUALITY, 202)).isEqualTo(1);
        assertThat(simulator.stats().count(SimulatorEndpoint.BULK_JOB, 200)).isEqualTo(3);
        assertThat(simulator.stats().count(SimulatorEndpoint.DATA_QUALITY_VALUES, 200)).isEqualTo(2);
    }

    @Test
    void postingTheSameFieldAndObjectAgainUpdatesIt() {
        SimulatedTable table = tables(1).get(0);
        client.finish(post(body(FIELD, List.of(value(table.key(), "TABLE", "GOOD", "1")))), token);
        JsonNode again = client.finish(post(body(FIELD,
                List.of(value(table.key().toLowerCase(Locale.ROOT), "TABLE", "ALERT", "9")))), token);
        assertThat(again.at("/result/fields/updated/count").asInt()).isEqualTo(1);
        assertThat(again.at("/result/values/updated/count").asInt()).isEqualTo(1);
        assertThat(again.at("/result/values/created/count").asInt()).isZero();
        assertThat(simulator.quality().dataQuality().valueCount()).isEqualTo(1);
        DataQualityStore.Value stored = simulator.quality().dataQuality().valuesOf(table.key()).get(0);
        assertThat(stored.status()).isEqualTo("ALERT");
        assertThat(stored.objectKey()).isEqualTo(table.key());

        JsonNode valueOnly = client.finish(post(body(null, List.of(value(table.key(), "TABLE", "GOOD", "2")))), token);
        assertThat(valueOnly.get("status").asText()).as("the field exists already").isEqualTo("successful");
        assertThat(simulator.quality().dataQuality().fields()).hasSize(1);
    }

    @Test
    void unknownObjectKeysFailOnlyTheirValuesWithASampleOfTen() {
        List<String> values = new ArrayList<>();
        values.add(value(tables(1).get(0).key(), "TABLE", "GOOD", "1"));
        for (int i = 0; i < 14; i++) {
            values.add(value("1.no_such_schema.t" + i, "TABLE", "GOOD", "1"));
        }
        values.add(value("999.public.orders", "TABLE", "GOOD", "1"));
        values.add(value("not a key \"", "TABLE", "GOOD", "1"));
        JsonNode done = client.finish(post(body(FIELD, values)), token);
        assertThat(done.get("status").asText()).isEqualTo("successful");
        JsonNode attribution = done.at("/result/created_object_attribution");
        assertThat(attribution.get("success_count").asInt()).isEqualTo(1);
        assertThat(attribution.get("failure_count").asInt()).isEqualTo(16);
        assertThat(attribution.get("failure_sample")).hasSize(10);
        assertThat(attribution.at("/failure_sample/0").toString())
                .isEqualTo("{\"field_key\":\"freshness\",\"object_key\":\"1.no_such_schema.t0\"}");
        assertThat(done.at("/result/values/created/count").asInt()).isEqualTo(1);
        assertThat(done.at("/result/flag_counts/GOOD").asInt()).isEqualTo(1);
        assertThat(simulator.quality().dataQuality().valueCount()).isEqualTo(1);
    }

    @Test
    void quotedKeysResolveIgnoringCaseAndQuotingAsColumnsAndSchemasToo() {
        SimulatedTable quoted = simulator.catalog().tables()
                .filter(t -> t.schemaName().contains(".") && !t.key().startsWith(t.dsId() + "." + t.schemaName())
                        && t.name().contains("."))
                .findFirst()
                .orElseGet(() -> simulator.catalog().tables().filter(t -> t.name().contains(".")).findFirst()
                        .orElseThrow());
        assertThat(quoted.key()).contains("\"");
        SimulatedSchema schema = simulator.catalog().schema(quoted.schemaId()).orElseThrow();
        String upper = quoted.key().toUpperCase(Locale.ROOT);
        String overQuoted = quoted.dsId() + "." + quoted.key().substring(String.valueOf(quoted.dsId()).length() + 1)
                .toLowerCase(Locale.ROOT);
        SimulatedTable plain = tables(1).get(0);
        String overQuotedPlain = plain.dsId() + ".\"" + String.join("\".\"",
                java.util.Arrays.asList(plain.schemaName().split("\\."))) + "\".\"" + plain.name() + "\"";
        JsonNode done = client.finish(post(body(FIELD, List.of(
                value(upper, "TABLE", "GOOD", "1"),
                value(overQuoted + ".Amount", "ATTRIBUTE", "WARNING", "2"),
                value(schema.key().toLowerCase(Locale.ROOT), "SCHEMA", "ALERT", "3"),
                value(overQuotedPlain, "TABLE", "GOOD", "4"),
                value(quoted.key() + ".a.b", "ATTRIBUTE", "GOOD", "5")))), token);
        assertThat(done.at("/result/created_object_attribution/success_count").asInt()).as(done.toString())
                .isEqualTo(4);
        assertThat(done.at("/result/created_object_attribution/failure_sample/0/object_key").asText())
                .isEqualTo(quoted.key() + ".a.b");
        DataQualityStore store = simulator.quality().dataQuality();
        assertThat(store.value("freshness", quoted.key()).orElseThrow().objectKey()).isEqualTo(quoted.key());
        assertThat(store.value("freshness", quoted.key() + ".amount").orElseThrow().objectKey())
                .isEqualTo(quoted.key() + ".Amount");
        assertThat(store.value("freshness", schema.key()).orElseThrow().objectType()).isEqualTo("SCHEMA");
        assertThat(store.value("freshness", plain.key()).orElseThrow().objectKey()).isEqualTo(plain.key());
        assertThat(client.get("/integration/v1/data_quality/values/?object_key=" + encode(overQuoted), token).json())
                .hasSize(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"fields\": [{\"name\": \"x\", \"type\": \"STRING\"}]} | 0 | field_key is required",
        "{\"fields\": [" + FIELD + ", {\"field_key\": \"b\", \"name\": \"B\", \"type\": \"DATE\"}]} | 1 | type must be",
        "{\"values\": [{\"field_key\": \"nope\", \"object_key\": \"1.a.b\", \"object_type\": \"TABLE\", \"status\": \"GOOD\","
            + " \"value\": 1}]} | 0 | field_key nope does not exist",
        "{\"fields\": [" + FIELD + "], \"values\": [{\"field_key\": \"freshness\", \"object_key\": \"1.a.b\","
            + " \"object_type\": \"TABLE\", \"status\": \"OK\", \"value\": 1}]} | 0 | status must be one of",
        "{\"fields\": [" + FIELD + "], \"values\": [{\"field_key\": \"freshness\", \"object_key\": \"1.a.b\","
            + " \"object_type\": \"VIEW\", \"status\": \"GOOD\", \"value\": 1}]} | 0 | object_type must be one of",
        "{\"fields\": [" + FIELD + "], \"values\": [{\"field_key\": \"freshness\", \"object_type\": \"TABLE\","
            + " \"status\": \"GOOD\", \"value\": 1}]} | 0 | object_key is required",
        "{\"fields\": [" + FIELD + "], \"values\": [{\"field_key\": \"freshness\", \"object_key\": \"1.a.b\","
            + " \"object_type\": \"TABLE\", \"status\": \"GOOD\"}]} | 0 | value is required",
        "{} | -1 | fields or values is required",
        "[] | -1 | a JSON object",
        "{\"fields\": [ | -1 | JSON parse error",
        "{\"fields\": {}} | -1 | fields must be a list"})
    void aBadBodyIs400WithTheEntryAtFault(String body, int entry, String message) {
        Answer refused = client.send("POST", DQ, token, body);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("Entry").asInt()).isEqualTo(entry);
        assertThat(refused.json().get("Message").asText()).startsWith(message);
        assertThat(simulator.quality().jobs().all()).as("no job is started").isEmpty();
    }

    @Test
    void moreItemsThanTheLimitAre400() {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            values.add(value("1.a.t" + i, "TABLE", "GOOD", "1"));
        }
        Answer refused = client.send("POST", DQ, token, body(FIELD, values));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("Entry").asInt()).isEqualTo(-1);
        assertThat(refused.json().get("Message").asText()).startsWith("at most 50 values");
        assertThat(client.send("POST", DQ, token, body(FIELD, values.subList(0, 50))).status()).isEqualTo(202);
    }

    @Test
    void deletesValuesAndFieldsAndCountsWhatWasNotFound() {
        List<SimulatedTable> tables = tables(3);
        client.finish(post(body(FIELD, tables.stream().map(t -> value(t.key(), "TABLE", "GOOD", "1")).toList())),
                token);
        Answer accepted = client.send("DELETE", DQ, token, "{\"values\": [{\"field_key\": \"freshness\", "
                + "\"object_key\": " + SimulatorClient.JSON.valueToTree(tables.get(0).key().toUpperCase(Locale.ROOT))
                + "}, {\"field_key\": \"freshness\", \"object_key\": \"1.no.such\"}]}");
        assertThat(accepted.status()).isEqualTo(202);
        JsonNode deleted = client.finish(accepted.json().get("job_id").asLong(), token);
        assertThat(deleted.get("status").asText()).isEqualTo("successful");
        assertThat(deleted.at("/result/values/deleted/count").asInt()).isEqualTo(1);
        assertThat(deleted.at("/result/values/not_found/count").asInt()).isEqualTo(1);
        assertThat(deleted.at("/result/values/not_found/sample/0/object_key").asText()).isEqualTo("1.no.such");
        assertThat(deleted.at("/result/flag_counts").isEmpty()).isTrue();
        assertThat(simulator.quality().dataQuality().valueCount()).isEqualTo(2);

        JsonNode fields = client.finish(client.send("DELETE", DQ, token, "{\"fields\": [\"freshness\", \"gone\"]}")
                .json().get("job_id").asLong(), token);
        assertThat(fields.at("/result/fields/deleted/count").asInt()).isEqualTo(1);
        assertThat(fields.at("/result/fields/not_found/sample/0/field_key").asText()).isEqualTo("gone");
        assertThat(fields.at("/result/values/deleted/count").asInt()).as("a field's values go with it").isEqualTo(2);
        assertThat(simulator.quality().dataQuality().valueCount()).isZero();
        assertThat(simulator.quality().dataQuality().fields()).isEmpty();
        assertThat(simulator.stats().count(SimulatorEndpoint.DATA_QUALITY_DELETE, 202)).isEqualTo(2);
        assertThat(client.send("DELETE", DQ, token, "{\"fields\": [1]}").json().get("Entry").asInt()).isZero();
    }

    @Test
    void listingsPageWithXNextPageAndFilterByField() {
        List<SimulatedTable> tables = tables(5);
        client.finish(post(body(FIELD + ", {\"field_key\": \"rows\", \"name\": \"Rows\", \"type\": \"NUMERIC\"}",
                tables.stream().map(t -> value(t.key(), "TABLE", "GOOD", "1")).toList())), token);
        List<String> keys = new ArrayList<>();
        String next = "/integration/v1/data_quality/values/?field_key=freshness&limit=2";
        int pages = 0;
        while (next != null) {
            Answer page = client.get(next, token);
            page.json().forEach(v -> keys.add(v.get("object_key").asText()));
            next = page.header("X-Next-Page");
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(keys).containsExactlyInAnyOrderElementsOf(tables.stream().map(SimulatedTable::key).toList());
        assertThat(client.get("/integration/v1/data_quality/values/?field_key=rows", token).json()).isEmpty();
        Answer fields = client.get("/integration/v1/data_quality/fields/?limit=1", token);
        assertThat(fields.json()).hasSize(1);
        assertThat(fields.header("X-Next-Page")).isEqualTo("/integration/v1/data_quality/fields/?limit=1&skip=1");
        assertThat(simulator.stats().objectsServed()).isEqualTo(6);
    }

    @Test
    void writesNeedATokenAndRideTheSharedFaults() {
        assertThat(client.send("POST", DQ, null, body(FIELD, List.of())).status()).isEqualTo(403);
        assertThat(client.get("/api/v1/bulk_metadata/job/?id=1", null).status()).isEqualTo(403);
        simulator.faults().throttle(2, 4);
        simulator.resetStats();
        Answer first = client.send("POST", DQ, token, body(FIELD, List.of()));
        Answer throttled = client.send("POST", DQ, token, body(FIELD, List.of()));
        assertThat(first.status()).isEqualTo(202);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isEqualTo("4");
        simulator.faults().clear();
        simulator.faults().bursts(2, 1);
        simulator.resetStats();
        client.get("/api/v1/bulk_metadata/job/?id=1", token);
        assertThat(client.get("/api/v1/bulk_metadata/job/?id=1", token).status()).isEqualTo(503);
        simulator.faults().clear();
        assertThat(client.get("/api/v1/bulk_metadata/job/?id=1", token).status()).isEqualTo(404);
        assertThat(client.get("/api/v1/bulk_metadata/job/", token).status()).isEqualTo(400);
        assertThat(client.send("PUT", DQ, token, "{}").status()).isEqualTo(405);
        assertThat(simulator.quality().jobs().all()).hasSize(1);
        simulator.quality().reset();
        assertThat(simulator.quality().jobs().all()).isEmpty();
    }

    @Test
    void caseTwinsShareOneKeySoBothSpellingsLandOnTheFirstTwin() {
        SimulatedTable twin = simulator.catalog().tables().filter(t -> simulator.catalog().table(t.id() - 1)
                .filter(before -> before.name().equalsIgnoreCase(t.name()) && !before.name().equals(t.name())
                        && before.schemaId() == t.schemaId()).isPresent()).findFirst().orElseThrow();
        SimulatedTable first = simulator.catalog().table(twin.id() - 1).orElseThrow();
        JsonNode done = client.finish(post(body(FIELD, List.of(value(first.key(), "TABLE", "GOOD", "1"),
                value(twin.key(), "TABLE", "ALERT", "2")))), token);
        assertThat(done.at("/result/values/created/count").asInt()).isEqualTo(1);
        assertThat(done.at("/result/values/updated/count").asInt()).isEqualTo(1);
        assertThat(simulator.quality().dataQuality().valuesOf(twin.key())).singleElement()
                .satisfies(v -> assertThat(v.objectKey()).isEqualTo(first.key()))
                .satisfies(v -> assertThat(v.status()).isEqualTo("ALERT"));
    }

    @Test
    void aHundredThousandValuesForAHundredThousandTablesInCallsOfAThousand() throws Exception {
        try (AlationSimulator large = AlationSimulator.start(SimulatorSettings.defaults().withCatalog(42, 100_000))) {
            SimulatorClient http = new SimulatorClient(large);
            String key = http.token();
            List<SimulatedTable> all = large.catalog().tables().toList();
            long started = System.nanoTime();
            for (int call = 0; call < 100; call++) {
                List<String> values = all.subList(call * 1_000, (call + 1) * 1_000).stream()
                        .map(t -> value(t.key(), "TABLE", "GOOD", "1")).toList();
                Answer accepted = http.send("POST", DQ, key, body(FIELD, values));
                assertThat(accepted.status()).isEqualTo(202);
                JsonNode done = http.finish(accepted.json().get("job_id").asLong(), key);
                assertThat(done.at("/result/created_object_attribution/success_count").asInt()).isEqualTo(1_000);
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            // case twins (cart_summary, CART_SUMMARY) share one key ignoring case: their values land on one object
            long objects = all.stream().map(t -> AlationKeys.normalized(t.key())).distinct().count();
            assertThat(objects).isEqualTo(99_454);
            assertThat(large.quality().dataQuality().valueCount()).isEqualTo(objects);
            assertThat(large.quality().dataQuality().valuesOf(all.get(99_999).key())).hasSize(1);
            System.out.println("100,000 data-quality values in " + millis + " ms");
        }
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
