package io.catalogbridge.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.catalogbridge.alation.simulator.SimulatedTable;
import io.catalogbridge.alation.simulator.TrustFlags;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Results follow their asset in Alation, over HTTP: a new mapping moves its values and its flag to the new table and
 * takes them off the old one; a removed mapping takes them off and ends NOT_MAPPED; a deleted asset takes them off.
 */
class AlationQualityMovesTest extends AlationQualityTestSupport {

    private static String alert(String assetId, String ruleKey, String column) {
        return QualityFixtures.result(assetId, ruleKey, column, "ALERT", "NUMERIC", "1", "2026-12-01T09:00:00Z");
    }

    /** a1 on {@code table}: a table value, a column value and a flag delivered there. */
    private void deliveredOn(SimulatedTable table) {
        registerAndMap("a1", table);
        post(alert("a1", "freshness", null), alert("a1", "not_null", "amount"));
        awaitState("a1", "freshness", null, "DELIVERED");
        awaitState("a1", "not_null", "amount", "DELIVERED");
        await().atMost(Duration.ofSeconds(30)).until(() -> flagsOn(table).size() == 1);
        assertThat(simulator.quality().dataQuality().valuesOf(table.key())).hasSize(1);
        assertThat(value("catalog_bridge.not_null", table.key() + ".amount").status()).isEqualTo("ALERT");
    }

    private void assertNothingOn(SimulatedTable table) {
        assertThat(simulator.quality().dataQuality().value(FRESHNESS, table.key())).isEmpty();
        assertThat(simulator.quality().dataQuality().value("catalog_bridge.not_null", table.key() + ".amount"))
                .isEmpty();
        assertThat(flagsOn(table)).isEmpty();
    }

    @Test
    void aNewMappingMovesTheValuesAndTheFlagToTheNewTable() {
        SimulatedTable before = table(30);
        SimulatedTable after = table(31);
        deliveredOn(before);
        long oldFlag = flagsOn(before).get(0).id();

        map("a1", after);

        await().atMost(Duration.ofSeconds(30)).until(() -> Long.toString(after.id()).equals(deliveredTo("a1",
                "freshness")) && Long.toString(after.id()).equals(deliveredTo("a1", "not_null")));
        awaitState("a1", "freshness", null, "DELIVERED");
        await().atMost(Duration.ofSeconds(30)).until(() -> flagsOn(after).size() == 1 && flagsOn(before).isEmpty());
        assertThat(value(FRESHNESS, after.key()).status()).isEqualTo("ALERT");
        assertThat(value("catalog_bridge.not_null", after.key() + ".amount").status()).isEqualTo("ALERT");
        assertNothingOn(before);
        assertThat(simulator.quality().flags().flag(oldFlag).orElseThrow().isDeleted()).isTrue();
        TrustFlags.Flag moved = flagsOn(after).get(0);
        assertThat(moved.reason()).contains("Rule freshness").contains("Rule not_null (amount)");
        // recorded right after Alation answered the flag's creation
        await().atMost(Duration.ofSeconds(10)).until(() -> Long.valueOf(after.id()).equals(jdbc.queryForObject(
                "SELECT flag_table_id FROM alation_quality_asset WHERE asset_id = 'a1'", Long.class)));
    }

    @Test
    void aRemovedMappingTakesTheValuesAndTheFlagOffAndEndsNotMapped() {
        SimulatedTable table = table(32);
        deliveredOn(table);

        assertThat(delete("/acme/configuration/mappings/alation?asset_id=a1", ALL_TENANTS_KEY).status())
                .isEqualTo(200);

        awaitState("a1", "freshness", null, "NOT_MAPPED");
        awaitState("a1", "not_null", "amount", "NOT_MAPPED");
        await().atMost(Duration.ofSeconds(30)).until(() -> flagsOn(table).isEmpty());
        assertNothingOn(table);
        assertThat(deliveredTo("a1", "freshness")).isNull();
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM alation_quality_asset", Long.class) == 0);
    }

    @Test
    void aDeletedAssetHasItsValuesAndFlagRemoved() {
        SimulatedTable table = table(33);
        deliveredOn(table);

        assertThat(delete("/acme/assets?asset_id=a1", ALL_TENANTS_KEY).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> flagsOn(table).isEmpty()
                && simulator.quality().dataQuality().value(FRESHNESS, table.key()).isEmpty());
        awaitQueueSettled();
        assertNothingOn(table);
        // the removals are done: nothing of the asset is left in Alation, nor recorded
        assertThat(jdbc.queryForList("SELECT state FROM quality_delivery WHERE asset_id = 'a1' AND"
                + " delivered_to IS NOT NULL", String.class)).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM alation_quality_asset", Long.class) == 0);
    }
}
