package io.catalogbridge.quality;

import static io.catalogbridge.quality.QualityFixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.catalogbridge.ApiTestSupport;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST, GET and DELETE of /{tenant}/quality/results over HTTP: answers, the rows stored and the deliveries queued. */
class QualityResultsApiTest extends ApiTestSupport {

    private static final String PATH = "/acme/quality/results";

    @BeforeEach
    void registerAssets() {
        assertThat(putJson("/acme/assets", ALL_TENANTS_KEY, """
                [{"asset_id": "a1", "schema": "sales", "table": "orders"},
                 {"asset_id": "a2", "schema": "sales", "table": "customers"}]""").status()).isEqualTo(200);
    }

    private Answer post(String json) {
        return call("POST", PATH, ALL_TENANTS_KEY, "application/json", json);
    }

    private int results() {
        return jdbc.queryForObject("SELECT count(*) FROM quality_result", Integer.class);
    }

    private int deliveries() {
        return jdbc.queryForObject("SELECT count(*) FROM quality_delivery", Integer.class);
    }

    private Map<String, Object> stored(String assetId, String ruleKey) {
        return jdbc.queryForMap("SELECT * FROM quality_result WHERE asset_id = ? AND rule_key = ?", assetId, ruleKey);
    }

    private Map<String, Object> delivery(String assetId, String ruleKey, String catalog) {
        return jdbc.queryForMap("SELECT * FROM quality_delivery WHERE asset_id = ? AND rule_key = ? AND catalog = ?",
                assetId, ruleKey, catalog);
    }

    @Test
    void resultsAreStoredAndAnsweredWithTheirDeliveryPerConfiguredCatalog() {
        QualityFixtures.configureAlation(jdbc, "acme");
        QualityFixtures.mapInAlation(jdbc, "acme", "a1");

        Answer posted = post("""
                [{"asset_id": "a1", "rule_key": "freshness", "rule_name": "Freshness",
                  "rule_description": "Hours since the last load", "value_type": "NUMERIC", "column": null,
                  "status": "ALERT", "value": 26.5, "url": "https://observability.example.com/monitors/123",
                  "measured_at": "2026-12-01T09:00:00Z"},
                 {"asset_id": "a1", "rule_key": "nulls", "column": "email", "status": "GOOD", "value_type": "NUMERIC",
                  "value": 3, "measured_at": "2026-12-01T10:30:00+01:00"},
                 {"asset_id": "a2", "rule_key": "schema_ok", "status": "WARNING", "value": true,
                  "measured_at": "2026-12-01T09:00:00Z"}]""");

        assertThat(posted.status()).as(posted.body()).isEqualTo(202);
        assertThat(posted.body()).isEqualTo("{\"accepted\":3}");
        assertThat(results()).isEqualTo(3);
        assertThat(stored("a1", "freshness")).containsEntry("tenant_id", "acme").containsEntry("column_name", "")
                .containsEntry("value_type", "NUMERIC").containsEntry("status", "ALERT").containsEntry("value", "26.5")
                .containsEntry("rule_name", "Freshness").containsEntry("rule_description", "Hours since the last load")
                .containsEntry("url", "https://observability.example.com/monitors/123");
        // no value_type: STRING, and the value is kept as text
        assertThat(stored("a2", "schema_ok")).containsEntry("value_type", "STRING").containsEntry("value", "true");
        assertThat(stored("a1", "nulls")).containsEntry("column_name", "email");
        // one delivery per result and configured catalog: PENDING where the asset is mapped, NOT_MAPPED elsewhere
        assertThat(deliveries()).isEqualTo(3);
        assertThat(delivery("a1", "freshness", "alation")).containsEntry("state", "PENDING")
                .containsEntry("removal", false).containsEntry("attempts", 0).containsEntry("version", 1L);
        assertThat(delivery("a2", "schema_ok", "alation")).containsEntry("state", "NOT_MAPPED");

        Answer read = get(PATH + "?asset_id=a1", ALL_TENANTS_KEY);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().findValuesAsText("rule_key")).containsExactly("freshness", "nulls");
        JsonNode freshness = read.json().get(0);
        assertThat(freshness.get("asset_id").asText()).isEqualTo("a1");
        assertThat(freshness.get("column").isNull()).isTrue();
        assertThat(freshness.get("value").isNumber()).isTrue();
        assertThat(freshness.get("value").decimalValue()).isEqualByComparingTo("26.5");
        assertThat(freshness.get("status").asText()).isEqualTo("ALERT");
        assertThat(freshness.get("value_type").asText()).isEqualTo("NUMERIC");
        assertThat(freshness.get("measured_at").asText()).isEqualTo("2026-12-01T09:00:00Z");
        assertThat(freshness.get("url").asText()).isEqualTo("https://observability.example.com/monitors/123");
        assertThat(freshness.get("received_at").asText()).endsWith("Z");
        assertThat(freshness.get("deliveries").fieldNames()).toIterable().containsExactly("alation");
        JsonNode alation = freshness.get("deliveries").get("alation");
        assertThat(alation.get("state").asText()).isEqualTo("PENDING");
        assertThat(alation.get("delivered_at").isNull()).isTrue();
        assertThat(alation.get("error").isNull()).isTrue();
        JsonNode nulls = read.json().get(1);
        assertThat(nulls.get("column").asText()).isEqualTo("email");
        assertThat(nulls.get("value").asInt()).isEqualTo(3);
        assertThat(nulls.get("measured_at").asText()).isEqualTo("2026-12-01T09:30:00Z");

        JsonNode schemaOk = get(PATH + "?asset_id=a2", ALL_TENANTS_KEY).json().get(0);
        assertThat(schemaOk.get("value").isTextual()).isTrue();
        assertThat(schemaOk.get("value").asText()).isEqualTo("true");
        assertThat(schemaOk.get("deliveries").get("alation").get("state").asText()).isEqualTo("NOT_MAPPED");

        // a catalog configured after the results were stored is listed too: owed where mapped, NOT_MAPPED elsewhere
        QualityFixtures.configureOpenMetadata(jdbc, "acme");
        QualityFixtures.mapInOpenMetadata(jdbc, "acme", "a1");
        JsonNode later = get(PATH + "?asset_id=a1", ALL_TENANTS_KEY).json().get(0).get("deliveries");
        assertThat(later.fieldNames()).toIterable().containsExactly("alation", "openmetadata");
        assertThat(later.get("openmetadata").get("state").asText()).isEqualTo("PENDING");
        assertThat(get(PATH + "?asset_id=a2", ALL_TENANTS_KEY).json().get(0).get("deliveries").get("openmetadata")
                .get("state").asText()).isEqualTo("NOT_MAPPED");
    }

    @Test
    void withoutAConfiguredCatalogResultsAreStoredAndNothingIsQueued() {
        Answer posted = post("[" + result("a1", "freshness", null, "GOOD", "NUMERIC", "1", "2026-12-01T09:00:00Z") + "]");

        assertThat(posted.status()).isEqualTo(202);
        assertThat(results()).isEqualTo(1);
        assertThat(deliveries()).isZero();
        JsonNode read = get(PATH + "?asset_id=a1", ALL_TENANTS_KEY).json();
        assertThat(read.get(0).get("deliveries").isEmpty()).isTrue();
    }

    @Test
    void anOlderResultIsIgnoredAnExactRepeatChangesNothingAndACorrectionOrANewerOneReplaces() {
        QualityFixtures.configureAlation(jdbc, "acme");
        QualityFixtures.mapInAlation(jdbc, "acme", "a1");
        String ten = result("a1", "freshness", null, "ALERT", "NUMERIC", "26.5", "2026-12-01T10:00:00Z");
        assertThat(post("[" + ten + "]").status()).isEqualTo(202);
        Map<String, Object> first = stored("a1", "freshness");
        // the catalog got it
        jdbc.update("UPDATE quality_delivery SET state = 'DELIVERED', delivered_at = now()");

        // older: accepted, ignored
        Answer older = post("[" + result("a1", "freshness", null, "GOOD", "NUMERIC", "1", "2026-12-01T09:00:00Z") + "]");
        assertThat(older.status()).isEqualTo(202);
        assertThat(older.json().get("accepted").asInt()).isEqualTo(1);
        assertThat(stored("a1", "freshness")).isEqualTo(first);
        assertThat(delivery("a1", "freshness", "alation")).containsEntry("state", "DELIVERED")
                .containsEntry("version", 1L);

        // the same result again: nothing changes, nothing is queued
        assertThat(post("[" + ten + "]").status()).isEqualTo(202);
        assertThat(stored("a1", "freshness")).isEqualTo(first);
        assertThat(delivery("a1", "freshness", "alation")).containsEntry("state", "DELIVERED")
                .containsEntry("version", 1L);

        // the same instant with another status: a correction, which replaces it and is delivered again
        assertThat(post("[" + result("a1", "freshness", null, "GOOD", "NUMERIC", "2", "2026-12-01T10:00:00Z") + "]")
                .status()).isEqualTo(202);
        assertThat(stored("a1", "freshness")).containsEntry("status", "GOOD").containsEntry("value", "2");
        assertThat(delivery("a1", "freshness", "alation")).containsEntry("state", "PENDING")
                .containsEntry("version", 2L);

        // newer: replaces; the undelivered older delivery is replaced in place
        assertThat(post("[" + result("a1", "freshness", null, "WARNING", "NUMERIC", "30", "2026-12-01T11:00:00Z") + "]")
                .status()).isEqualTo(202);
        assertThat(stored("a1", "freshness")).containsEntry("status", "WARNING").containsEntry("value", "30");
        assertThat(delivery("a1", "freshness", "alation")).containsEntry("state", "PENDING")
                .containsEntry("version", 3L);
        assertThat(results()).isEqualTo(1);
        assertThat(deliveries()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT measured_at = '2026-12-01T11:00:00Z' FROM quality_delivery",
                Boolean.class)).isTrue();
    }

    @Test
    void withinOneCallTheNewestResultOfARuleWinsAndOfEqualOnesTheLast() {
        Answer posted = post("[" + String.join(",",
                result("a1", "freshness", null, "GOOD", "NUMERIC", "1", "2026-12-01T10:00:00Z"),
                result("a1", "freshness", null, "ALERT", "NUMERIC", "2", "2026-12-01T12:00:00Z"),
                result("a1", "freshness", null, "WARNING", "NUMERIC", "3", "2026-12-01T11:00:00Z"),
                result("a1", "nulls", "email", "GOOD", "NUMERIC", "7", "2026-12-01T13:00:00Z"),
                result("a1", "nulls", "email", "ALERT", "NUMERIC", "8", "2026-12-01T13:00:00Z"),
                result("a1", "nulls", "phone", "GOOD", "NUMERIC", "9", "2026-12-01T08:00:00Z")) + "]");

        assertThat(posted.status()).as(posted.body()).isEqualTo(202);
        assertThat(posted.json().get("accepted").asInt()).isEqualTo(6);
        assertThat(results()).isEqualTo(3);
        assertThat(stored("a1", "freshness")).containsEntry("value", "2").containsEntry("status", "ALERT");
        assertThat(jdbc.queryForMap("SELECT value, status FROM quality_result WHERE column_name = 'email'"))
                .isEqualTo(Map.of("value", "8", "status", "ALERT"));
        assertThat(jdbc.queryForObject("SELECT value FROM quality_result WHERE column_name = 'phone'", String.class))
                .isEqualTo("9");
    }

    @Test
    void everyInvalidResultIsNamedIn400AndNothingIsStored() {
        Answer answer = post("""
                [{"asset_id": "a1", "rule_key": "ok", "status": "GOOD", "measured_at": "2026-12-01T09:00:00Z"},
                 {"rule_key": "r", "status": "GOOD", "measured_at": "2026-12-01T09:00:00Z"},
                 {"asset_id": "a1", "measured_at": "2026-12-01T09:00:00Z"},
                 {"asset_id": "a1", "rule_key": "r", "status": "BAD", "measured_at": "2026-12-01T09:00:00Z"},
                 {"asset_id": "a1", "rule_key": "r", "status": "GOOD", "value_type": "DATE", "measured_at": "2026-12-01T09:00:00Z"},
                 {"asset_id": "a1", "rule_key": "r", "status": "GOOD", "value_type": "NUMERIC", "value": "26.5", "measured_at": "2026-12-01T09:00:00Z"},
                 {"asset_id": "a1", "rule_key": "r", "status": "GOOD", "value_type": "BOOLEAN", "value": 1, "measured_at": "2026-12-01T09:00:00Z"},
                 {"asset_id": "a1", "rule_key": "r", "status": "GOOD", "value": {"x": 1}, "measured_at": "2026-12-01T09:00:00Z"},
                 {"asset_id": "a1", "rule_key": "r", "status": "GOOD", "measured_at": "yesterday"},
                 {"asset_id": "a1", "rule_key": "r", "status": "GOOD", "measured_at": "2026-12-01T09:00:00"},
                 {"asset_id": "a1", "rule_key": "r", "status": "GOOD", "column": " ", "url": "ftp://x.example.com/m",
                  "measured_at": "2026-12-01T09:00:00Z"},
                 {"asset_id": "a1\\u0000", "rule_key": "r", "status": "GOOD", "measured_at": "2026-12-01T09:00:00Z"},
                 null]""");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("errors").findValuesAsText("field")).containsExactly(
                "[1].asset_id", "[2].rule_key", "[2].status", "[3].status", "[4].value_type",
                "[5].value", "[6].value", "[7].value", "[8].measured_at", "[9].measured_at", "[10].column",
                "[10].url", "[11].asset_id", "[12]");
        assertThat(answer.json().get("errors").get(4).get("detail").asText())
                .isEqualTo("must be NUMERIC, STRING or BOOLEAN");
        assertThat(answer.json().get("errors").get(5).get("detail").asText())
                .isEqualTo("must be a number for value_type NUMERIC");
        assertThat(answer.json().get("errors").get(12).get("detail").asText())
                .isEqualTo("may not contain the control character U+0000");
        assertThat(answer.json().get("detail").asText()).startsWith("Invalid quality results: 14 problems");
        assertThat(results()).isZero();
        assertThat(deliveries()).isZero();
    }

    @Test
    void aResultOfAnUnregisteredAssetIs404NamingItAndNothingIsStored() {
        Answer answer = post("[" + String.join(",",
                result("a1", "freshness", null, "GOOD", "NUMERIC", "1", "2026-12-01T10:00:00Z"),
                result("ghost", "freshness", null, "GOOD", "NUMERIC", "1", "2026-12-01T10:00:00Z")) + "]");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").asText()).startsWith("Tenant acme has no asset ghost");
        assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("[1].asset_id");
        assertThat(results()).isZero();
        // another tenant's asset is no asset of this one
        putJson("/globex/assets", ALL_TENANTS_KEY, "[{\"asset_id\": \"g1\", \"schema\": \"s\", \"table\": \"t\"}]");
        assertThat(post("[" + result("g1", "r", null, "GOOD", "STRING", "null", "2026-12-01T10:00:00Z") + "]")
                .status()).isEqualTo(404);
    }

    @Test
    void aBodyThatIsNoArrayOrCarriesTooManyResultsIs400() {
        assertThat(post("{\"asset_id\": \"a1\"}").status()).isEqualTo(400);
        assertThat(post("null").status()).isEqualTo(400);
        assertThat(post("[{\"asset_id\": ").status()).isEqualTo(400);
        Answer wrongType = post("[{\"asset_id\": [1], \"rule_key\": \"r\"}]");
        assertThat(wrongType.status()).isEqualTo(400);
        String tooMany = IntStream.range(0, QualityResults.MAX_RESULTS + 1).mapToObj(i -> "{}")
                .collect(Collectors.joining(",", "[", "]"));
        Answer answer = post(tooMany);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("detail").asText())
                .isEqualTo("A call may carry at most 100000 results; this one has 100001");
        assertThat(results()).isZero();
    }

    @Test
    void aLargeUploadIsStoredInBatchesWithItsDeliveries() {
        String assets = IntStream.range(0, 1000).mapToObj(i -> "{\"asset_id\": \"b" + i + "\", \"schema\": \"s\","
                + " \"table\": \"t" + i + "\"}").collect(Collectors.joining(",", "[", "]"));
        assertThat(putJson("/acme/assets", ALL_TENANTS_KEY, assets).status()).isEqualTo(200);
        QualityFixtures.configureAlation(jdbc, "acme");
        QualityFixtures.mapInAlation(jdbc, "acme", "b7");
        // 25,000 keeps the test well inside the client's timeout on a loaded machine; 100,000 took 24 s here
        String body = IntStream.range(0, 25_000)
                .mapToObj(i -> result("b" + (i % 1000), "rule" + (i / 1000), null, "GOOD", "NUMERIC",
                        String.valueOf(i), "2026-12-01T10:00:00Z"))
                .collect(Collectors.joining(",", "[", "]"));

        Answer answer = post(body);

        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        assertThat(answer.json().get("accepted").asInt()).isEqualTo(25_000);
        assertThat(results()).isEqualTo(25_000);
        assertThat(stored("b999", "rule24")).containsEntry("value", "24999");
        assertThat(jdbc.queryForList("SELECT state, count(*) AS n FROM quality_delivery GROUP BY state ORDER BY state"))
                .containsExactly(Map.of("state", "NOT_MAPPED", "n", 24_975L), Map.of("state", "PENDING", "n", 25L));
    }

    @Test
    void readingAnUnknownAssetIs404AndAnAssetWithoutResultsAnswersAnEmptyArray() {
        Answer unknown = get(PATH + "?asset_id=ghost", ALL_TENANTS_KEY);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asText()).isEqualTo("Tenant acme has no asset ghost");
        Answer none = get(PATH + "?asset_id=a2", ALL_TENANTS_KEY);
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.body()).isEqualTo("[]");
        Answer missing = get(PATH, ALL_TENANTS_KEY);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").get(0).get("field").asText()).isEqualTo("asset_id");
    }

    @Test
    void aDeletedResultIsGoneAndItsRemovalIsQueuedForEveryConfiguredCatalog() {
        QualityFixtures.configureAlation(jdbc, "acme");
        QualityFixtures.configureOpenMetadata(jdbc, "acme");
        QualityFixtures.mapInAlation(jdbc, "acme", "a1");
        assertThat(post("[" + String.join(",",
                result("a1", "freshness", null, "ALERT", "NUMERIC", "1", "2026-12-01T10:00:00Z"),
                result("a1", "nulls", "email", "GOOD", "NUMERIC", "0", "2026-12-01T10:00:00Z")) + "]").status())
                .isEqualTo(202);
        jdbc.update("UPDATE quality_delivery SET state = 'DELIVERED', delivered_at = now() WHERE catalog = 'alation'");

        Answer deleted = delete(PATH + "?asset_id=a1&rule_key=freshness", ALL_TENANTS_KEY);

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.json().get("message").asText()).isEqualTo("Quality result deleted successfully");
        assertThat(jdbc.queryForList("SELECT rule_key FROM quality_result", String.class)).containsExactly("nulls");
        assertThat(delivery("a1", "freshness", "alation")).containsEntry("removal", true)
                .containsEntry("state", "PENDING").containsEntry("measured_at", null).containsEntry("version", 2L);
        assertThat(delivery("a1", "freshness", "openmetadata")).containsEntry("removal", true)
                .containsEntry("state", "NOT_MAPPED");
        assertThat(get(PATH + "?asset_id=a1", ALL_TENANTS_KEY).json().findValuesAsText("rule_key"))
                .containsExactly("nulls");
        assertThat(delete(PATH + "?asset_id=a1&rule_key=freshness", ALL_TENANTS_KEY).status()).isEqualTo(404);

        // a column-level result is named with its column; without it, the table-level one is meant
        assertThat(delete(PATH + "?asset_id=a1&rule_key=nulls", ALL_TENANTS_KEY).status()).isEqualTo(404);
        assertThat(delete(PATH + "?asset_id=a1&rule_key=nulls&column=email", ALL_TENANTS_KEY).status())
                .isEqualTo(200);
        assertThat(results()).isZero();
        assertThat(delete(PATH + "?asset_id=a1", ALL_TENANTS_KEY).status()).isEqualTo(400);

        // a result that comes after the removal replaces it in the queue
        assertThat(post("[" + result("a1", "freshness", null, "GOOD", "NUMERIC", "5", "2026-12-01T09:00:00Z") + "]")
                .status()).isEqualTo(202);
        assertThat(delivery("a1", "freshness", "alation")).containsEntry("removal", false)
                .containsEntry("state", "PENDING");
        assertThat(stored("a1", "freshness")).containsEntry("value", "5");
    }

    @Test
    void removingTheAssetRemovesItsResultsAndDeliveries() {
        QualityFixtures.configureAlation(jdbc, "acme");
        post("[" + result("a1", "freshness", null, "ALERT", "NUMERIC", "1", "2026-12-01T10:00:00Z") + "]");
        assertThat(delete("/acme/assets?asset_id=a1", ALL_TENANTS_KEY).status()).isEqualTo(200);
        assertThat(List.of(results(), deliveries())).containsExactly(0, 0);
    }
}
