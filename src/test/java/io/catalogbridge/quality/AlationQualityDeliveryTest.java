package io.catalogbridge.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.catalogbridge.alation.simulator.DataQualityStore;
import io.catalogbridge.alation.simulator.JobBehaviour;
import io.catalogbridge.alation.simulator.SimulatedTable;
import io.catalogbridge.alation.simulator.SimulatorEndpoint;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Quality results delivered to Alation over HTTP, end to end: the core's worker claims the queue, the Alation wing
 * posts Data Quality fields and values to the simulator and follows their bulk jobs, and each delivery ends as
 * Alation's answer says. Trust flags and the rich-text summary: {@link AlationTrustFlagsTest},
 * {@link AlationRichTextTest}; moves: {@link AlationQualityMovesTest}.
 */
class AlationQualityDeliveryTest extends AlationQualityTestSupport {

    /** A table of the catalog whose key needs quoting, when it has one. */
    private static SimulatedTable quotedTable() {
        return simulator.catalog().tables().filter(t -> t.key().contains("\"")).findFirst()
                .orElse(simulator.catalog().tables().findFirst().orElseThrow());
    }

    @Test
    void tableAndColumnResultsBecomeFieldsAndValuesOnTheirObjectKeys() {
        SimulatedTable table = quotedTable();
        registerAndMap("a1", table);
        simulator.resetStats();

        post(QualityFixtures.result("a1", "freshness", null, "ALERT", "NUMERIC", "26.5", "2026-12-01T09:00:00Z"),
                QualityFixtures.result("a1", "not_null", "amount", "GOOD", "BOOLEAN", "true", "2026-12-01T09:00:00Z"),
                QualityFixtures.result("a1", "pattern", "order.total", "WARNING", "STRING", "\"3 odd\"",
                        "2026-12-01T09:01:00Z"),
                QualityFixtures.result("a1", "pattern", "say\\\"hi", "GOOD", "STRING", "\"fine\"",
                        "2026-12-01T09:01:00Z"));

        assertThat(awaitState("a1", "freshness", null, "DELIVERED").get("error").isNull()).isTrue();
        awaitState("a1", "not_null", "amount", "DELIVERED");
        awaitState("a1", "pattern", "order.total", "DELIVERED");
        awaitState("a1", "pattern", "say\"hi", "DELIVERED");

        DataQualityStore.Field field = simulator.quality().dataQuality().field(FRESHNESS).orElseThrow();
        assertThat(field.name()).isEqualTo("Rule freshness");
        assertThat(field.type()).isEqualTo("NUMERIC");
        assertThat(simulator.quality().dataQuality().field("catalog_bridge.not_null").orElseThrow().type())
                .isEqualTo("BOOLEAN");

        DataQualityStore.Value freshness = value(FRESHNESS, table.key());
        assertThat(freshness.objectKey()).isEqualTo(table.key());
        assertThat(freshness.objectType()).isEqualTo("TABLE");
        assertThat(freshness.status()).isEqualTo("ALERT");
        assertThat(((Number) freshness.value()).doubleValue()).isEqualTo(26.5);
        assertThat(freshness.lastUpdated().toString()).startsWith("2026-12-01T09:00");

        DataQualityStore.Value notNull = value("catalog_bridge.not_null", table.key() + ".amount");
        assertThat(notNull.objectType()).isEqualTo("ATTRIBUTE");
        assertThat(notNull.value()).isEqualTo(true);
        // a column part holding a dot or a quote is quoted the way Alation quotes it
        assertThat(value("catalog_bridge.pattern", table.key() + ".\"order.total\"").objectKey())
                .isEqualTo(table.key() + ".\"order.total\"");
        assertThat(value("catalog_bridge.pattern", table.key() + ".\"order.total\"").value()).isEqualTo("3 odd");
        assertThat(value("catalog_bridge.pattern", table.key() + ".\"say\"\"hi\"").status()).isEqualTo("GOOD");
        assertThat(simulator.quality().dataQuality().valueCount()).isEqualTo(4);

        // the manual mapping kept the table's key: delivery looked up no table
        assertThat(jdbc.queryForObject("SELECT table_key FROM alation_mapping WHERE asset_id = 'a1'", String.class))
                .isEqualTo(table.key());
        assertThat(simulator.stats().count(SimulatorEndpoint.TABLES, 200)).isZero();
    }

    @Test
    void aMappingWithoutItsKeyHasItLookedUpOnceAndKept() {
        SimulatedTable table = table(2);
        registerAndMap("old", table);
        // a mapping made before the bridge kept keys
        jdbc.update("UPDATE alation_mapping SET table_key = NULL WHERE asset_id = 'old'");
        simulator.resetStats();

        post(QualityFixtures.result("old", "freshness", null, "ALERT", "NUMERIC", "5", "2026-12-01T09:00:00Z"));
        awaitState("old", "freshness", null, "DELIVERED");
        assertThat(value(FRESHNESS, table.key()).value()).isEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT table_key FROM alation_mapping WHERE asset_id = 'old'", String.class))
                .isEqualTo(table.key());

        post(QualityFixtures.result("old", "freshness", null, "GOOD", "NUMERIC", "6", "2026-12-01T10:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> value(FRESHNESS, table.key()).value().equals(6));
        assertThat(simulator.stats().count(SimulatorEndpoint.TABLES, 200)).as("one lookup").isEqualTo(1);
    }

    @Test
    void aMappedTableAlationNoLongerHasFailsItsDeliveries() {
        registerAndMap("lost", table(1));
        jdbc.update("UPDATE alation_mapping SET table_key = NULL, table_id = 999999999 WHERE asset_id = 'lost'");

        post(QualityFixtures.result("lost", "freshness", null, "ALERT", "NUMERIC", "5", "2026-12-01T09:00:00Z"));

        assertThat(awaitState("lost", "freshness", null, "FAILED").get("error").asText())
                .startsWith("Alation has no table 999999999");
        assertThat(simulator.quality().dataQuality().valueCount()).isZero();
    }

    @Test
    void aKeyAlationCannotResolveFailsWithTheReasonAndTheOthersAreDelivered() {
        registerAndMap("gone", table(3));
        registerAndMap("here", table(4));
        jdbc.update("UPDATE alation_mapping SET table_key = '7.no_such_schema.no_such_table' WHERE asset_id = 'gone'");

        post(QualityFixtures.result("gone", "freshness", null, "ALERT", "NUMERIC", "3", "2026-12-01T09:00:00Z"),
                QualityFixtures.result("here", "freshness", null, "GOOD", "NUMERIC", "4", "2026-12-01T09:00:00Z"));

        JsonNode failed = awaitState("gone", "freshness", null, "FAILED");
        assertThat(failed.get("error").asText()).isEqualTo("Alation could not resolve object key"
                + " 7.no_such_schema.no_such_table: the table is no longer in Alation, or its key changed");
        awaitState("here", "freshness", null, "DELIVERED");
        assertThat(value(FRESHNESS, table(4).key()).value()).isEqualTo(4);
    }

    @Test
    void aCallCarriesAtMostAThousandValues() {
        registerAndMap("big", table(5));
        post(IntStream.range(0, 2_500).mapToObj(i -> QualityFixtures.result("big", "rule" + i, null, "GOOD", "NUMERIC",
                Integer.toString(i), "2026-12-01T09:00:00Z")).toArray(String[]::new));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM quality_delivery WHERE asset_id = 'big' AND state = 'DELIVERED'", Long.class)
                == 2_500);
        assertThat(simulator.quality().dataQuality().valueCount()).isEqualTo(2_500);
        assertThat(value("catalog_bridge.rule2499", table(5).key()).value()).isEqualTo(2499);
        // the simulator refuses a call of more than 1,000 values (400): every call was taken, at least three made
        assertThat(simulator.stats().count(SimulatorEndpoint.DATA_QUALITY, 400)).isZero();
        assertThat(simulator.stats().count(SimulatorEndpoint.DATA_QUALITY, 202)).isGreaterThanOrEqualTo(3);
    }

    @Test
    void throttlingAndABurstOfServerErrorsDelayDeliveryButDoNotLoseIt() {
        registerAndMap("a1", table(6));
        simulator.resetStats();
        // bursts of two 503s and throttling, never more than three failures in a row, which a call rides out; and,
        // first, bulk jobs that fail, so the batch itself fails and is kept with the error until Alation takes it
        simulator.faults().throttle(7, 0).bursts(5, 2);
        simulator.quality().jobs().behaviour(JobBehaviour.DEFAULT.withOutcome(JobBehaviour.Outcome.FAIL));

        post(QualityFixtures.result("a1", "freshness", null, "WARNING", "NUMERIC", "7", "2026-12-01T09:00:00Z"));

        await().atMost(Duration.ofSeconds(30)).until(() -> !delivery("a1", "freshness", null).get("error").isNull());
        JsonNode retried = delivery("a1", "freshness", null);
        assertThat(retried.get("state").asText()).isEqualTo("PENDING");
        assertThat(retried.get("error").asText()).contains("bulk job").contains("failed");
        simulator.quality().jobs().behaviour(JobBehaviour.DEFAULT);

        awaitState("a1", "freshness", null, "DELIVERED");
        assertThat(delivery("a1", "freshness", null).get("error").isNull()).isTrue();
        assertThat(value(FRESHNESS, table(6).key()).status()).isEqualTo("WARNING");
        assertThat(simulator.stats().byStatus()).containsKeys(429, 503);
    }

    @Test
    void aDeletedResultIsRemovedFromAlation() {
        registerAndMap("a1", table(7));
        post(QualityFixtures.result("a1", "freshness", null, "ALERT", "NUMERIC", "1", "2026-12-01T09:00:00Z"),
                QualityFixtures.result("a1", "rows", null, "GOOD", "NUMERIC", "10", "2026-12-01T09:00:00Z"));
        awaitState("a1", "freshness", null, "DELIVERED");
        awaitState("a1", "rows", null, "DELIVERED");

        assertThat(delete("/acme/quality/results?asset_id=a1&rule_key=freshness", ALL_TENANTS_KEY).status())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("SELECT state FROM quality_delivery"
                + " WHERE asset_id = 'a1' AND rule_key = 'freshness'", String.class).equals("DELIVERED"));
        assertThat(simulator.quality().dataQuality().value(FRESHNESS, table(7).key())).isEmpty();
        assertThat(simulator.quality().dataQuality().value("catalog_bridge.rows", table(7).key())).isPresent();
        assertThat(simulator.stats().count(SimulatorEndpoint.DATA_QUALITY_DELETE, 202)).isEqualTo(1);
    }

    @Test
    void aNewerResultDuringDeliveryEndsWithTheNewestValueInAlation() {
        registerAndMap("a1", table(8));
        // jobs run for a while: the newer result comes while the first is being delivered
        simulator.quality().jobs().behaviour(JobBehaviour.DEFAULT.withRunningPolls(10));
        post(QualityFixtures.result("a1", "freshness", null, "ALERT", "NUMERIC", "1", "2026-12-01T09:00:00Z"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !simulator.quality().jobs().all().isEmpty());

        post(QualityFixtures.result("a1", "freshness", null, "GOOD", "NUMERIC", "2", "2026-12-01T09:05:00Z"));

        awaitState("a1", "freshness", null, "DELIVERED");
        assertThat(value(FRESHNESS, table(8).key()).value()).isEqualTo(2);
        assertThat(value(FRESHNESS, table(8).key()).status()).isEqualTo("GOOD");
        assertThat(simulator.quality().jobs().all()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void anAssetNoLongerMappedEndsNotMapped() {
        Answer assets = putJson("/acme/assets", ALL_TENANTS_KEY, "[{\"asset_id\": \"a1\", \"schema\": \"s\", \"table\": \"t\"}]");
        assertThat(assets.status()).as(assets.body()).isEqualTo(200);
        // queued while the asset was mapped, its mapping removed since: written straight into the queue, so that
        // the worker cannot deliver it before the mapping is gone
        jdbc.update("INSERT INTO quality_result (tenant_id, asset_id, rule_key, value_type, status, value, measured_at)"
                + " VALUES ('acme', 'a1', 'freshness', 'NUMERIC', 'ALERT', '1', '2026-12-01T09:00:00Z')");
        jdbc.update("INSERT INTO quality_delivery (tenant_id, asset_id, rule_key, catalog, state, measured_at)"
                + " VALUES ('acme', 'a1', 'freshness', 'alation', 'PENDING', '2026-12-01T09:00:00Z')");

        JsonNode delivery = awaitState("a1", "freshness", null, "NOT_MAPPED");
        assertThat(delivery.get("error").isNull()).as(delivery.toString()).isTrue();
        assertThat(delivery.get("delivered_at").isNull()).as(delivery.toString()).isTrue();
        assertThat(simulator.quality().jobs().all()).isEmpty();
    }

    @Test
    void aTenantWithoutTheIntegrationAnyMoreHasItsDeliveriesFailed() {
        // globex: an Alation delivery queued before its integration went away (written straight into the queue)
        putJson("/globex/assets", ALL_TENANTS_KEY, "[{\"asset_id\": \"g1\", \"schema\": \"s\", \"table\": \"t\"}]");
        jdbc.update("INSERT INTO quality_result (tenant_id, asset_id, rule_key, value_type, status, value, measured_at)"
                + " VALUES ('globex', 'g1', 'freshness', 'NUMERIC', 'ALERT', '1', '2026-12-01T09:00:00Z')");
        jdbc.update("INSERT INTO quality_delivery (tenant_id, asset_id, rule_key, catalog, state, measured_at)"
                + " VALUES ('globex', 'g1', 'freshness', 'alation', 'PENDING', '2026-12-01T09:00:00Z')");

        await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(jdbc.queryForObject("SELECT state FROM"
                + " quality_delivery WHERE tenant_id = 'globex' AND catalog = 'alation'", String.class)));
        assertThat(jdbc.queryForObject("SELECT error FROM quality_delivery WHERE tenant_id = 'globex' AND catalog ="
                + " 'alation'", String.class)).isEqualTo("The tenant has no alation integration, or its quality push is off");
    }
}
