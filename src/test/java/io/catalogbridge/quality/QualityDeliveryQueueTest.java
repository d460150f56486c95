package io.catalogbridge.quality;

import static io.catalogbridge.quality.QualityFixtures.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.catalogbridge.ApiTestSupport;
import io.catalogbridge.quality.QualityDeliveries.ClaimedDelivery;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The durable delivery queue as a wing's worker uses it: claims that never overlap, complete, retry, fail, gauges. */
// the Prometheus endpoint too: Spring Boot's tests switch metrics export off unless asked for
@AutoConfigureObservability(tracing = false)
class QualityDeliveryQueueTest extends ApiTestSupport {

    @Autowired
    QualityDeliveries deliveries;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void queueThreeResults() {
        putJson("/acme/assets", ALL_TENANTS_KEY, "[{\"asset_id\": \"a1\", \"schema\": \"s\", \"table\": \"t\"}]");
        QualityFixtures.configureAlation(jdbc, "acme");
        QualityFixtures.configureOpenMetadata(jdbc, "acme");
        QualityFixtures.mapInAlation(jdbc, "acme", "a1");
        assertThat(post(result("a1", "freshness", null, "ALERT", "NUMERIC", "26.5", "2026-12-01T09:00:00Z"),
                result("a1", "nulls", "email", "GOOD", "NUMERIC", "0", "2026-12-01T09:00:00Z"),
                result("a1", "volume", null, "WARNING", "BOOLEAN", "true", "2026-12-01T09:00:00Z"))).isEqualTo(202);
    }

    private int post(String... results) {
        return call("POST", "/acme/quality/results", ALL_TENANTS_KEY, "application/json",
                "[" + String.join(",", results) + "]").status();
    }

    private Map<String, Object> row(String ruleKey) {
        return jdbc.queryForMap("SELECT * FROM quality_delivery WHERE rule_key = ? AND catalog = 'alation'", ruleKey);
    }

    @Test
    void twoConcurrentClaimsNeverGetTheSameDelivery() throws Exception {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        CountDownLatch firstClaimed = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        CompletableFuture<List<ClaimedDelivery>> first = CompletableFuture.supplyAsync(() -> tx.execute(status -> {
            List<ClaimedDelivery> claimed = deliveries.claim("alation", 2, Duration.ofMinutes(5));
            firstClaimed.countDown();
            try {
                secondDone.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return claimed;
        }));
        assertThat(firstClaimed.await(30, TimeUnit.SECONDS)).isTrue();
        // the first claim is not committed yet: its rows are locked, not leased, as seen from outside
        assertThat(jdbc.queryForObject("SELECT sum(attempts) FROM quality_delivery WHERE catalog = 'alation'",
                Integer.class)).isZero();

        List<ClaimedDelivery> second = tx.execute(status -> deliveries.claim("alation", 10, Duration.ofMinutes(5)));
        secondDone.countDown();
        List<ClaimedDelivery> firstClaims = first.get(30, TimeUnit.SECONDS);

        assertThat(firstClaims).hasSize(2);
        assertThat(second).hasSize(1);
        assertThat(second.get(0).ruleKey()).isNotIn(firstClaims.stream().map(ClaimedDelivery::ruleKey).toList());
        // only the catalog's PENDING rows: openmetadata has the asset NOT_MAPPED
        assertThat(List.of(firstClaims.get(0).catalog(), firstClaims.get(1).catalog(), second.get(0).catalog()))
                .containsOnly("alation");
        // claimed and committed: leased, so no claim gets them again before the lease runs out
        assertThat(deliveries.claim("alation", 10, Duration.ofMinutes(5))).isEmpty();
        assertThat(jdbc.queryForList("SELECT attempts FROM quality_delivery WHERE catalog = 'alation'", Integer.class))
                .containsOnly(1);
        assertThat(jdbc.queryForObject("SELECT bool_and(next_attempt_at > now() + interval '4 minutes')"
                + " FROM quality_delivery WHERE catalog = 'alation'", Boolean.class)).isTrue();
    }

    @Test
    void aClaimCarriesTheResultAndCompleteMarksItDelivered() {
        List<ClaimedDelivery> claimed = deliveries.claim("alation", 10, Duration.ofMinutes(5));
        ClaimedDelivery freshness = claimed.stream().filter(d -> d.ruleKey().equals("freshness")).findFirst().orElseThrow();
        assertThat(freshness).isEqualTo(new ClaimedDelivery("acme", "a1", "freshness", null, "alation", false, 1, 1,
                java.time.Instant.parse("2026-12-01T09:00:00Z"), null, "Rule freshness", null, "NUMERIC", "ALERT",
                new java.math.BigDecimal("26.5"), null));
        ClaimedDelivery nulls = claimed.stream().filter(d -> d.ruleKey().equals("nulls")).findFirst().orElseThrow();
        assertThat(nulls.column()).isEqualTo("email");
        assertThat(claimed.stream().filter(d -> d.ruleKey().equals("volume")).findFirst().orElseThrow().value())
                .isEqualTo(true);

        deliveries.complete(freshness, "1001", false);

        assertThat(row("freshness")).containsEntry("state", "DELIVERED").containsEntry("error", null);
        assertThat(jdbc.queryForObject("SELECT delivered_measured_at = '2026-12-01T09:00:00Z' AND delivered_at IS NOT NULL"
                + " FROM quality_delivery WHERE rule_key = 'freshness' AND catalog = 'alation'", Boolean.class)).isTrue();
        var answer = get("/acme/quality/results?asset_id=a1", ALL_TENANTS_KEY).json().get(0).get("deliveries");
        assertThat(answer.get("alation").get("state").asText()).isEqualTo("DELIVERED");
        assertThat(answer.get("alation").get("delivered_at").asText()).endsWith("Z");
        assertThat(answer.get("openmetadata").get("state").asText()).isEqualTo("NOT_MAPPED");
    }

    @Test
    void aNewerResultThatCameDuringADeliveryIsDeliveredNext() {
        ClaimedDelivery claimed = deliveries.claim("alation", 10, Duration.ofMinutes(5)).stream()
                .filter(d -> d.ruleKey().equals("freshness")).findFirst().orElseThrow();
        assertThat(post(result("a1", "freshness", null, "GOOD", "NUMERIC", "1", "2026-12-01T10:00:00Z"))).isEqualTo(202);

        deliveries.complete(claimed, "1001", false);

        // the catalog has the older state; the newer one is due at once
        assertThat(row("freshness")).containsEntry("state", "PENDING").containsEntry("version", 2L);
        List<ClaimedDelivery> again = deliveries.claim("alation", 10, Duration.ofMinutes(5));
        assertThat(again).hasSize(1);
        assertThat(again.get(0).status()).isEqualTo("GOOD");
        assertThat(again.get(0).version()).isEqualTo(2);
        deliveries.complete(again.get(0), "1001", false);
        assertThat(row("freshness")).containsEntry("state", "DELIVERED");
    }

    @Test
    void completeAllSettlesABatchInOneStatementAsCompleteDoesEach() {
        List<ClaimedDelivery> claimed = deliveries.claim("alation", 10, Duration.ofMinutes(5));
        ClaimedDelivery freshness = claimed.stream().filter(d -> d.ruleKey().equals("freshness")).findFirst().orElseThrow();
        ClaimedDelivery nulls = claimed.stream().filter(d -> d.ruleKey().equals("nulls")).findFirst().orElseThrow();
        ClaimedDelivery volume = claimed.stream().filter(d -> d.ruleKey().equals("volume")).findFirst().orElseThrow();
        // a newer freshness result comes while the batch is out
        assertThat(post(result("a1", "freshness", null, "GOOD", "NUMERIC", "1", "2026-12-01T10:00:00Z"))).isEqualTo(202);

        deliveries.completeAll("acme", "alation", List.of(
                new QualityDeliveries.Completion(freshness, "1001", false),
                new QualityDeliveries.Completion(nulls, "1001.email", false),
                new QualityDeliveries.Completion(volume, null, true)));

        assertThat(row("freshness")).as("the newer result is due at once").containsEntry("state", "PENDING")
                .containsEntry("version", 2L).containsEntry("delivered_to", "1001");
        assertThat(row("nulls")).containsEntry("state", "DELIVERED").containsEntry("delivered_to", "1001.email")
                .containsEntry("error", null);
        assertThat(jdbc.queryForObject("SELECT delivered_measured_at = '2026-12-01T09:00:00Z' AND delivered_at IS NOT NULL"
                + " FROM quality_delivery WHERE rule_key = 'nulls' AND catalog = 'alation'", Boolean.class)).isTrue();
        assertThat(row("volume")).containsEntry("state", "NOT_MAPPED").containsEntry("delivered_to", null)
                .containsEntry("delivered_at", null);
        assertThat(deliveries.claim("alation", 10, Duration.ofMinutes(5))).extracting(ClaimedDelivery::ruleKey)
                .containsExactly("freshness");
    }

    @Test
    void aRetriedDeliveryWaitsAndAFailedOneStaysFailedUntilANewerResult() {
        List<ClaimedDelivery> claimed = deliveries.claim("alation", 10, Duration.ofMinutes(5));
        ClaimedDelivery freshness = claimed.stream().filter(d -> d.ruleKey().equals("freshness")).findFirst().orElseThrow();
        ClaimedDelivery nulls = claimed.stream().filter(d -> d.ruleKey().equals("nulls")).findFirst().orElseThrow();

        deliveries.retry(freshness, "The catalog answered 503", Duration.ofMinutes(1));
        deliveries.fail(nulls, "The catalog refused the field");

        assertThat(row("freshness")).containsEntry("state", "PENDING").containsEntry("error", "The catalog answered 503");
        assertThat(row("nulls")).containsEntry("state", "FAILED").containsEntry("error", "The catalog refused the field");
        jdbc.update("UPDATE quality_delivery SET next_attempt_at = now() WHERE rule_key = 'volume'");
        // the retried one waits for its delay, the failed one is no longer due, the third is
        assertThat(deliveries.claim("alation", 10, Duration.ofMinutes(5))).extracting(ClaimedDelivery::ruleKey)
                .containsExactly("volume");
        var answer = get("/acme/quality/results?asset_id=a1", ALL_TENANTS_KEY).json();
        assertThat(answer.get(0).get("deliveries").get("alation").get("error").asText())
                .isEqualTo("The catalog answered 503");
        assertThat(answer.get(1).get("deliveries").get("alation").get("state").asText()).isEqualTo("FAILED");

        assertThat(post(result("a1", "nulls", "email", "ALERT", "NUMERIC", "5", "2026-12-01T10:00:00Z"))).isEqualTo(202);
        assertThat(row("nulls")).containsEntry("state", "PENDING").containsEntry("error", null)
                .containsEntry("attempts", 0);
    }

    @Test
    void aClaimedRemovalNamesTheResultOnly() {
        jdbc.update("UPDATE quality_delivery SET state = 'DELIVERED'");
        assertThat(delete("/acme/quality/results?asset_id=a1&rule_key=nulls&column=email", ALL_TENANTS_KEY).status())
                .isEqualTo(200);

        List<ClaimedDelivery> claimed = deliveries.claim("alation", 10, Duration.ofMinutes(5));

        assertThat(claimed).hasSize(1);
        ClaimedDelivery removal = claimed.get(0);
        assertThat(removal.removal()).isTrue();
        assertThat(List.of(removal.assetId(), removal.ruleKey(), removal.column())).containsExactly("a1", "nulls", "email");
        assertThat(removal.status()).isNull();
        assertThat(removal.measuredAt()).isNull();
        deliveries.complete(removal, null, false);
        assertThat(row("nulls")).containsEntry("state", "DELIVERED").containsEntry("removal", true);
    }

    @Test
    void theGaugesCountPendingDeliveriesAndTheOldestOnesAgePerCatalog() {
        jdbc.update("UPDATE quality_delivery SET queued_at = now() - interval '120 seconds' WHERE rule_key = 'nulls'");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(meters.get("catalog_bridge.quality.deliveries.pending").tag("catalog", "alation").gauge().value())
                    .isEqualTo(3.0);
            assertThat(meters.get("catalog_bridge.quality.deliveries.oldest.pending").tag("catalog", "alation").gauge()
                    .value()).isBetween(120.0, 180.0);
        });
        assertThat(meters.get("catalog_bridge.quality.deliveries.pending").tag("catalog", "openmetadata").gauge()
                .value()).isZero();
        assertThat(meters.get("catalog_bridge.quality.deliveries.oldest.pending").tag("catalog", "openmetadata")
                .gauge().value()).isZero();

        String scrape = get("/actuator/prometheus", ALL_TENANTS_KEY).body();
        assertThat(scrape).containsPattern("(?m)^catalog_bridge_quality_deliveries_pending\\{[^}]*catalog=\"alation\"[^}]*\\} 3\\.0$")
                .containsPattern("(?m)^catalog_bridge_quality_deliveries_pending\\{[^}]*catalog=\"openmetadata\"[^}]*\\} 0\\.0$")
                .containsPattern("(?m)^catalog_bridge_quality_deliveries_oldest_pending_seconds\\{[^}]*catalog=\"alation\"[^}]*\\} 1[2-7][0-9]\\.");

        jdbc.update("UPDATE quality_delivery SET state = 'DELIVERED'");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(meters
                .get("catalog_bridge.quality.deliveries.pending").tag("catalog", "alation").gauge().value()).isZero());
    }
}
