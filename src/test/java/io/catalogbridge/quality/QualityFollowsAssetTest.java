package io.catalogbridge.quality;

import static io.catalogbridge.quality.QualityFixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbridge.ApiTestSupport;
import io.catalogbridge.quality.QualityDeliveries.ClaimedDelivery;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The core's part in making results follow their assets, seen in the queue's rows (the worker is off, so that
 * nothing moves them meanwhile): where a delivery left its copy, what a mapping change or a late integration queues
 * again, and what a deleted asset leaves behind.
 */
class QualityFollowsAssetTest extends ApiTestSupport {

    @Autowired
    QualityDeliveries deliveries;

    @Autowired
    QualityCatalogs catalogs;

    @BeforeEach
    void deliverOneResultToAlation() {
        putJson("/acme/assets", ALL_TENANTS_KEY, "[{\"asset_id\": \"a1\", \"schema\": \"s\", \"table\": \"t\"},"
                + " {\"asset_id\": \"a2\", \"schema\": \"s\", \"table\": \"u\"}]");
        QualityFixtures.configureAlation(jdbc, "acme");
        QualityFixtures.mapInAlation(jdbc, "acme", "a1");
        assertThat(post(result("a1", "freshness", null, "ALERT", "NUMERIC", "26.5", "2026-12-01T09:00:00Z"))).isEqualTo(202);
        List<ClaimedDelivery> claimed = deliveries.claim("alation", 10, Duration.ofMinutes(5));
        assertThat(claimed).hasSize(1);
        assertThat(claimed.get(0).deliveredTo()).isNull();
        deliveries.complete(claimed.get(0), "3", false);
    }

    private int post(String... results) {
        return call("POST", "/acme/quality/results", ALL_TENANTS_KEY, "application/json",
                "[" + String.join(",", results) + "]").status();
    }

    private Map<String, Object> row(String assetId, String catalog) {
        return jdbc.queryForMap("SELECT state, removal, version, delivered_to FROM quality_delivery"
                + " WHERE asset_id = ? AND catalog = ?", assetId, catalog);
    }

    @Test
    void aDeliveryRecordsWhereTheCatalogHoldsItsCopy() {
        assertThat(row("a1", "alation")).containsEntry("state", "DELIVERED").containsEntry("delivered_to", "3")
                .containsEntry("version", 1L);
    }

    @Test
    void anUnchangedMappingQueuesNothingAMovedOneQueuesTheResultWithItsOldPlace() {
        assertThat(catalogs.requeueAsset("acme", "alation", "a1")).isZero();
        assertThat(row("a1", "alation")).containsEntry("state", "DELIVERED").containsEntry("version", 1L);

        jdbc.update("UPDATE alation_mapping SET table_id = 4 WHERE asset_id = 'a1'");
        assertThat(catalogs.requeueAsset("acme", "alation", "a1")).isEqualTo(1);

        assertThat(row("a1", "alation")).containsEntry("state", "PENDING").containsEntry("version", 2L)
                .containsEntry("removal", false);
        List<ClaimedDelivery> claimed = deliveries.claim("alation", 10, Duration.ofMinutes(5));
        assertThat(claimed).extracting(ClaimedDelivery::deliveredTo).containsExactly("3");
        assertThat(claimed.get(0).status()).isEqualTo("ALERT");
        deliveries.complete(claimed.get(0), "4", false);
        assertThat(row("a1", "alation")).containsEntry("state", "DELIVERED").containsEntry("delivered_to", "4");
    }

    @Test
    void aRemovedMappingQueuesTheResultUntilItsCopyIsGoneThenItIsNotMapped() {
        assertThat(delete("/acme/configuration/mappings/alation?asset_id=a1", ALL_TENANTS_KEY).status()).isEqualTo(200);

        // the mapping route queued it again: the catalog still holds a copy at table 3
        assertThat(row("a1", "alation")).containsEntry("state", "PENDING").containsEntry("delivered_to", "3");
        ClaimedDelivery claimed = deliveries.claim("alation", 10, Duration.ofMinutes(5)).get(0);
        deliveries.complete(claimed, null, true);
        assertThat(row("a1", "alation")).containsEntry("state", "NOT_MAPPED").containsEntry("delivered_to", null);
        assertThat(get("/acme/quality/results?asset_id=a1", ALL_TENANTS_KEY).json().get(0).get("deliveries")
                .get("alation").get("state").asText()).isEqualTo("NOT_MAPPED");
    }

    @Test
    void aNewerResultOfAnUnmappedAssetStillRemovesTheOldCopy() {
        jdbc.update("DELETE FROM alation_mapping WHERE asset_id = 'a1'");

        assertThat(post(result("a1", "freshness", null, "GOOD", "NUMERIC", "1", "2026-12-01T10:00:00Z"))).isEqualTo(202);

        // NOT_MAPPED for the upload, but a copy is still at table 3: PENDING until the wing removed it
        assertThat(row("a1", "alation")).containsEntry("state", "PENDING").containsEntry("delivered_to", "3");
    }

    @Test
    void aDeliveryInFlightWhenTheMappingMovedCompletesPendingAndGoesAgain() {
        jdbc.update("UPDATE alation_mapping SET table_id = 4 WHERE asset_id = 'a1'");
        catalogs.requeueAsset("acme", "alation", "a1");
        ClaimedDelivery inFlight = deliveries.claim("alation", 10, Duration.ofMinutes(5)).get(0);
        // moved again while the worker delivers to table 4
        jdbc.update("UPDATE alation_mapping SET table_id = 5 WHERE asset_id = 'a1'");
        assertThat(catalogs.requeueAsset("acme", "alation", "a1")).isEqualTo(1);

        deliveries.complete(inFlight, "4", false);

        assertThat(row("a1", "alation")).containsEntry("state", "PENDING").containsEntry("delivered_to", "4")
                .containsEntry("version", 3L);
    }

    @Test
    void resultsPostedBeforeAnIntegrationAreQueuedForItWhenItComes() {
        QualityFixtures.mapInOpenMetadata(jdbc, "acme", "a1");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM quality_delivery WHERE catalog = 'openmetadata'",
                Integer.class)).isZero();
        QualityFixtures.configureOpenMetadata(jdbc, "acme");

        assertThat(catalogs.requeueTenant("acme", "openmetadata")).isEqualTo(1);

        assertThat(row("a1", "openmetadata")).containsEntry("state", "PENDING").containsEntry("delivered_to", null);
        assertThat(catalogs.requeueTenant("acme", "alation")).isZero();
    }

    @Test
    void aDeletedAssetLeavesRemovalsWhereACatalogHoldsACopyAndNothingElse() {
        QualityFixtures.configureOpenMetadata(jdbc, "acme");
        assertThat(post(result("a1", "volume", null, "GOOD", "NUMERIC", "5", "2026-12-01T09:00:00Z"))).isEqualTo(202);
        // freshness DELIVERED to Alation; volume PENDING there; both NOT_MAPPED in OpenMetadata
        assertThat(jdbc.queryForObject("SELECT count(*) FROM quality_delivery WHERE catalog = 'openmetadata'"
                + " AND state = 'NOT_MAPPED'", Integer.class)).isEqualTo(1);

        assertThat(delete("/acme/assets?asset_id=a1", ALL_TENANTS_KEY).status()).isEqualTo(200);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM quality_result", Integer.class)).isZero();
        List<Map<String, Object>> left = jdbc.queryForList("SELECT rule_key, catalog, state, removal, delivered_to"
                + " FROM quality_delivery ORDER BY rule_key, catalog");
        assertThat(left).containsExactly(
                Map.of("rule_key", "freshness", "catalog", "alation", "state", "PENDING", "removal", true,
                        "delivered_to", "3"),
                nullDeliveredTo("volume", "alation"));
        List<ClaimedDelivery> removals = deliveries.claim("alation", 10, Duration.ofMinutes(5));
        assertThat(removals).allMatch(ClaimedDelivery::removal).hasSize(2);
    }

    private static Map<String, Object> nullDeliveredTo(String ruleKey, String catalog) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("rule_key", ruleKey);
        row.put("catalog", catalog);
        row.put("state", "PENDING");
        row.put("removal", true);
        row.put("delivered_to", null);
        return row;
    }
}
