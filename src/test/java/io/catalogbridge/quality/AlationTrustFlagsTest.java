package io.catalogbridge.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.catalogbridge.alation.simulator.SimulatedTable;
import io.catalogbridge.alation.simulator.SimulatorEndpoint;
import io.catalogbridge.alation.simulator.TrustFlags;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Trust flags over HTTP: while one of an asset's results is ALERT its table carries exactly one WARNING flag of the
 * integration's user naming the alerting rules; it goes when none alerts; another user's flag is never touched; a
 * POST whose answer was lost does not make a second flag; the integration's settings switch flags and the push off.
 */
class AlationTrustFlagsTest extends AlationQualityTestSupport {

    private static final String MARKER = "Catalog Bridge: data quality alerts";

    private static String freshness(String assetId, String status, String measuredAt) {
        return QualityFixtures.withUrl(QualityFixtures.result(assetId, "freshness", null, status, "NUMERIC", "26.5",
                measuredAt), "https://observability.example.com/monitors/1?a=1&b=2");
    }

    private static String rows(String assetId, String status, String measuredAt) {
        return QualityFixtures.result(assetId, "rows", "amount", status, "NUMERIC", "3", measuredAt);
    }

    private Map<String, Object> recorded(String assetId) {
        return jdbc.queryForMap("SELECT flag_table_id, flag_id, flag_reason FROM alation_quality_asset"
                + " WHERE tenant_id = 'acme' AND asset_id = ?", assetId);
    }

    private Long recordedFlagId(String assetId) {
        List<Long> ids = jdbc.queryForList("SELECT flag_id FROM alation_quality_asset WHERE tenant_id = 'acme' AND"
                + " asset_id = ?", Long.class, assetId);
        return ids.isEmpty() ? null : ids.get(0);
    }

    private long recordedCount() {
        return jdbc.queryForObject("SELECT count(*) FROM alation_quality_asset", Long.class);
    }

    private static TrustFlags.Flag awaitOneFlagOn(SimulatedTable table, String containing) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> flagsOn(table)
                .stream().filter(f -> f.userId() == 1).anyMatch(f -> f.reason().contains(containing)));
        List<TrustFlags.Flag> ours = flagsOn(table).stream().filter(f -> f.userId() == 1).toList();
        assertThat(ours).hasSize(1);
        return ours.get(0);
    }

    @Test
    void aFlagStandsWhileAResultAlertsNamesTheRulesAndGoesWhenNoneAlerts() {
        SimulatedTable table = table(20);
        registerAndMap("a1", table);

        post(freshness("a1", "ALERT", "2026-12-01T09:00:00Z"), rows("a1", "GOOD", "2026-12-01T09:00:00Z"));

        TrustFlags.Flag first = awaitOneFlagOn(table, "Rule freshness");
        assertThat(first.flagType()).isEqualTo("WARNING");
        assertThat(first.reason()).isEqualTo("<p>" + MARKER + ": <a href=\"https://observability.example.com/"
                + "monitors/1?a=1&amp;b=2\">Rule freshness</a></p>");
        // recorded right after the POST answered
        await().atMost(Duration.ofSeconds(10)).until(() -> Long.valueOf(first.id()).equals(recordedFlagId("a1")));
        assertThat(recorded("a1")).isEqualTo(Map.of("flag_table_id", table.id(), "flag_id", first.id(),
                "flag_reason", first.reason()));
        awaitState("a1", "freshness", null, "DELIVERED");

        // a second rule alerts: the reason changes, so the flag is replaced (Alation has no update)
        post(rows("a1", "ALERT", "2026-12-01T10:00:00Z"));
        TrustFlags.Flag second = awaitOneFlagOn(table, "Rule rows (amount)");
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.reason()).contains("Rule freshness</a>, Rule rows (amount)");
        assertThat(simulator.quality().flags().flag(first.id()).orElseThrow().isDeleted()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> Long.valueOf(second.id()).equals(recordedFlagId("a1")));

        // nothing alerts any more: the flag goes, and so does the record
        post(freshness("a1", "GOOD", "2026-12-01T11:00:00Z"), rows("a1", "WARNING", "2026-12-01T11:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> flagsOn(table).isEmpty());
        awaitQueueSettled();
        assertThat(simulator.quality().flags().flag(second.id()).orElseThrow().isDeleted()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> recordedCount() == 0);
        assertThat(simulator.quality().flags().all()).hasSize(2);
    }

    @Test
    void anotherUsersFlagOnTheTableIsNeverRemovedNorAdopted() {
        SimulatedTable table = table(21);
        registerAndMap("a1", table);
        // another user's warning, even one that reads like the bridge's
        TrustFlags.Flag theirs = simulator.quality().flags().seed(2, table.id(), "WARNING",
                "<p>" + MARKER + ": written by hand</p>");

        post(freshness("a1", "ALERT", "2026-12-01T09:00:00Z"));
        TrustFlags.Flag ours = awaitOneFlagOn(table, "Rule freshness");
        assertThat(ours.id()).isNotEqualTo(theirs.id());
        assertThat(flagsOn(table)).extracting(TrustFlags.Flag::id).containsExactly(theirs.id(), ours.id());

        post(freshness("a1", "GOOD", "2026-12-01T10:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> flagsOn(table).size() == 1);
        awaitQueueSettled();
        assertThat(flagsOn(table)).extracting(TrustFlags.Flag::id).containsExactly(theirs.id());
        assertThat(simulator.stats().count(SimulatorEndpoint.FLAG_DELETE, 403)).isZero();
    }

    @Test
    void aCreateWhoseAnswerWasLostIsAdoptedNotMadeTwice() {
        SimulatedTable table = table(22);
        registerAndMap("a1", table);
        // the POST creates the flag but its answer is lost (504): the bridge does not send it again; it looks at the
        // table's flags again at once, finds the flag and takes it as its own, and the batch is not sent again
        simulator.quality().flags().loseCreateAnswers(1);
        long valuesCallsBefore = simulator.stats().byEndpoint().getOrDefault(SimulatorEndpoint.DATA_QUALITY, 0L);
        long listingsBefore = simulator.stats().byEndpoint().getOrDefault(SimulatorEndpoint.FLAGS, 0L);

        post(freshness("a1", "ALERT", "2026-12-01T09:00:00Z"));

        awaitState("a1", "freshness", null, "DELIVERED");
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM alation_quality_asset WHERE flag_id IS NOT NULL", Long.class) == 1);
        assertThat(simulator.quality().flags().all()).hasSize(1);
        TrustFlags.Flag flag = flagsOn(table).get(0);
        assertThat(recordedFlagId("a1")).isEqualTo(flag.id());
        assertThat(simulator.stats().count(SimulatorEndpoint.FLAG_CREATE, 504)).isEqualTo(1);
        assertThat(simulator.stats().count(SimulatorEndpoint.FLAG_CREATE, 201)).isZero();
        assertThat(simulator.stats().byEndpoint().getOrDefault(SimulatorEndpoint.DATA_QUALITY, 0L) - valuesCallsBefore)
                .as("the values went once: the batch was not retried").isEqualTo(1);
        assertThat(simulator.stats().byEndpoint().getOrDefault(SimulatorEndpoint.FLAGS, 0L) - listingsBefore)
                .as("a look before the POST, and one after its lost answer").isEqualTo(2);

        // adopted means owned: it goes when the alert ends
        post(freshness("a1", "GOOD", "2026-12-01T10:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> flagsOn(table).isEmpty());
    }

    @Test
    void withTrustFlagsOffNoFlagIsMadeAndARecordedOneGoes() {
        SimulatedTable table = table(23);
        registerAndMap("a1", table);
        post(freshness("a1", "ALERT", "2026-12-01T09:00:00Z"));
        awaitOneFlagOn(table, "Rule freshness");

        integrate("{\"trust_flags\": false}");
        post(freshness("a1", "ALERT", "2026-12-01T10:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> flagsOn(table).isEmpty());
        awaitState("a1", "freshness", null, "DELIVERED");
        assertThat(value(FRESHNESS, table.key()).status()).isEqualTo("ALERT");
        assertThat(simulator.quality().flags().all()).hasSize(1);
    }

    @Test
    void withPushOffNothingIsDeliveredAndTurningItOnDeliversWhatCameMeanwhile() {
        SimulatedTable table = table(24);
        registerAndMap("a1", table);
        integrate("{\"push\": false}");

        post(freshness("a1", "ALERT", "2026-12-01T09:00:00Z"));
        // Alation is no destination while its push is off: no delivery is queued, nothing is sent
        assertThat(get("/acme/quality/results?asset_id=a1", ALL_TENANTS_KEY).json().get(0).get("deliveries")
                .has("alation")).isFalse();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM quality_delivery WHERE catalog = 'alation'", Long.class))
                .isZero();

        integrate("{\"push\": true}");
        awaitState("a1", "freshness", null, "DELIVERED");
        assertThat(value(FRESHNESS, table.key()).status()).isEqualTo("ALERT");
        awaitOneFlagOn(table, "Rule freshness");
    }

    @Test
    void resultsPostedBeforeTheIntegrationExistedAreDeliveredOnceItIsCreated() {
        SimulatedTable table = table(25);
        registerAndMap("a1", table);
        assertThat(delete(INTEGRATION, ALL_TENANTS_KEY).status()).isEqualTo(200);

        post(freshness("a1", "ALERT", "2026-12-01T09:00:00Z"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM quality_delivery WHERE catalog = 'alation'", Long.class))
                .isZero();

        integrate(null);
        awaitState("a1", "freshness", null, "DELIVERED");
        assertThat(deliveredTo("a1", "freshness")).isEqualTo(Long.toString(table.id()));
        assertThat(((Number) value(FRESHNESS, table.key()).value()).doubleValue()).isEqualTo(26.5);
        awaitOneFlagOn(table, "Rule freshness");
    }
}
