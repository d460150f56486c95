package io.catalogbridge.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The core's call mechanics as a second wing uses them: its own settings, its own name, its own failure type. */
class RetryPolicyTest {

    private record Settings(int maxAttempts, Duration retryInitialDelay, Duration retryMaxDelay)
            implements RetrySettings {
    }

    private static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }

    private final RetryPolicy policy = new RetryPolicy("Some Catalog",
            new Settings(3, Duration.ofMillis(100), Duration.ofSeconds(2)),
            Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC), Unavailable::new);

    @Test
    void retriesThrottlingServerErrorsAndNoAnswerOnly() {
        assertThat(RetryPolicy.isRetryable(null, 429)).isTrue();
        assertThat(RetryPolicy.isRetryable(null, 503)).isTrue();
        assertThat(RetryPolicy.isRetryable("ConnectException", 0)).isTrue();
        assertThat(RetryPolicy.isRetryable(null, 501)).isFalse();
        assertThat(RetryPolicy.isRetryable(null, 404)).isFalse();
    }

    @Test
    void waitsAsAskedOrBacksOffUntilTheAttemptsAreSpentThenFailsWithTheWingsException() {
        assertThat(policy.nextDelayOrGiveUp("acme", "GET /api/v1/tables", 1, null, 429, "1")).isEqualTo(1_000);
        assertThat(policy.nextDelayOrGiveUp("acme", "GET /api/v1/tables", 2, null, 503, null)).isBetween(100L, 200L);
        assertThatThrownBy(() -> policy.nextDelayOrGiveUp("acme", "GET /api/v1/tables", 3, "ConnectException", 0, null))
                .isInstanceOf(Unavailable.class)
                .hasMessage("Some Catalog could not be reached for GET /api/v1/tables 3 times in a row"
                        + " (last: ConnectException); giving up");
    }

    @Test
    void timesEachCatalogUnderItsNameWithACatalogTag() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        new RequestTimer(meters, "somecatalog").record("/api/v1/tables", "200", System.nanoTime());

        assertThat(meters.find("catalog_bridge.somecatalog.requests")
                .tags("catalog", "somecatalog", "endpoint", "/api/v1/tables", "status", "200").timer())
                .isNotNull().satisfies(timer -> assertThat(timer.count()).isEqualTo(1));
    }
}
