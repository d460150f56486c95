package io.catalogbridge.alation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/** The waiting and caching rules of the Alation client, without a clock of its own. */
class AlationRetryAndTokenPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final AlationProperties properties = new AlationProperties(false, null, null, 0, 5,
            Duration.ofMillis(400), Duration.ofSeconds(10), 0, Duration.ofMinutes(1));
    private final AlationCalls calls = new AlationCalls(properties, null, new SimpleMeterRegistry(), CLOCK);

    @Test
    void retryAfterInSecondsOrAsAnHttpDateIsHonouredUpToTheMaximum() {
        assertThat(calls.retryDelay(1, "3")).isEqualTo(3_000);
        String inFiveSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.ofInstant(NOW.plusSeconds(5), ZoneOffset.UTC));
        assertThat(calls.retryDelay(1, inFiveSeconds)).isEqualTo(5_000);
        assertThat(calls.retryDelay(1, "3600")).isEqualTo(10_000);
    }

    @Test
    void withoutRetryAfterTheBackoffDoublesWithJitterAndIsCapped() {
        for (int i = 0; i < 50; i++) {
            assertThat(calls.retryDelay(1, null)).isBetween(200L, 400L);
            assertThat(calls.retryDelay(3, null)).isBetween(800L, 1_600L);
            assertThat(calls.retryDelay(12, "not a date")).isBetween(5_000L, 10_000L);
        }
    }

    @Test
    void aTokenIsKeptUntilAMarginBeforeItsExpiryAndOnlyForItsIntegrationVersion() {
        Clock[] clock = {CLOCK};
        // a clock the test moves
        AlationTokenCache cache = new AlationTokenCache(Duration.ofMinutes(1), new Clock() {
            public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
            public Clock withZone(java.time.ZoneId zone) { return this; }
            public Instant instant() { return clock[0].instant(); }
        });
        AlationConnection v1 = new AlationConnection("acme", "https://a.example", 1, "r", 1);
        AlationConnection v2 = new AlationConnection("acme", "https://a.example", 1, "r", 2);
        cache.store(v1, new AlationAccessToken("tok", 1L, NOW.plus(Duration.ofMinutes(10)), "ACTIVE", null));

        assertThat(cache.lookup(v1)).isEqualTo("tok");
        assertThat(cache.lookup(v2)).as("another version of the integration").isNull();

        clock[0] = Clock.fixed(NOW.plus(Duration.ofMinutes(8)), ZoneOffset.UTC);
        assertThat(cache.lookup(v1)).isEqualTo("tok");
        clock[0] = Clock.fixed(NOW.plus(Duration.ofMinutes(9)), ZoneOffset.UTC);
        assertThat(cache.lookup(v1)).as("within the refresh margin").isNull();

        cache.store(v1, new AlationAccessToken("tok2", 1L, null, "ACTIVE", null));
        assertThat(cache.lookup(v1)).isEqualTo("tok2");
        cache.drop("acme");
        assertThat(cache.lookup(v1)).isNull();
    }
}
