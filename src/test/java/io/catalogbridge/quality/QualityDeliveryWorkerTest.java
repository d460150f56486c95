package io.catalogbridge.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.catalogbridge.quality.QualityDeliveries.ClaimedDelivery;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The worker's backoff after a batch its catalog could not take: doubling from the first delay, capped. */
class QualityDeliveryWorkerTest {

    private final QualityDeliveryWorker worker = new QualityDeliveryWorker(null, null, null, null, null, 1000, 20,
            Duration.ofMinutes(5), Duration.ofSeconds(5), Duration.ofMinutes(10));

    private static ClaimedDelivery attempt(int attempts) {
        return new ClaimedDelivery("acme", "a1", "freshness", null, "alation", false, 1, attempts, null, null, null, null,
                "NUMERIC", "GOOD", 1, null);
    }

    @Test
    void theDelayDoublesWithEachAttemptUpToItsCap() {
        assertThat(worker.backoff(attempt(1))).isEqualTo(Duration.ofSeconds(5));
        assertThat(worker.backoff(attempt(2))).isEqualTo(Duration.ofSeconds(10));
        assertThat(worker.backoff(attempt(5))).isEqualTo(Duration.ofSeconds(80));
        assertThat(worker.backoff(attempt(8))).isEqualTo(Duration.ofSeconds(600));
        assertThat(worker.backoff(attempt(1_000))).isEqualTo(Duration.ofMinutes(10));
    }
}
