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
            Duration.ofMillis(400), Duration.ofSeconds(10), 0, Duration.ofMinutes(1), null);
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

    @Test
    void aTokenIsNotReplacedForItsExpirySoonerThanTheMinMintIntervalButAtOnceWhenDropped() {
        Instant[] now = {NOW};
        Clock moving = new Clock() {
            public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
            public Clock withZone(java.time.ZoneId zone) { return this; }
            public Instant instant() { return now[0]; }
        };
        AlationTokenCache cache = new AlationTokenCache(Duration.ofMinutes(1), Duration.ofMinutes(5), moving);
        AlationConnection acme = new AlationConnection("acme", "https://a.example", 1, "r", 1);
        AlationConnection globex = new AlationConnection("globex", "https://a.example", 1, "r", 1);
        // expires in 90 s: inside the margin after 30 s, but minted less than min-mint-interval ago
        cache.store(acme, new AlationAccessToken("short", 1L, NOW.plusSeconds(90), "ACTIVE", null));
        // already expired when minted: used until Alation refuses it
        cache.store(globex, new AlationAccessToken("skewed", 1L, NOW.minusSeconds(3600), "ACTIVE", null));

        now[0] = NOW.plusSeconds(40);
        assertThat(cache.lookup(acme)).isEqualTo("short");
        now[0] = NOW.plus(Duration.ofMinutes(5));
        assertThat(cache.lookup(acme)).as("past its expiry and the interval").isNull();
        now[0] = NOW.plus(Duration.ofDays(2));
        assertThat(cache.lookup(globex)).isEqualTo("skewed");
        assertThat(cache.lookup(new AlationConnection("globex", "https://a.example", 1, "r", 2)))
                .as("another version of the integration").isNull();
        cache.drop("globex");
        assertThat(cache.lookup(globex)).as("refused: dropped at once").isNull();
    }

    @Test
    void timestampsWithoutAZoneAreUtcAndUnreadableOnesAreUnknown() {
        assertThat(AlationTimestamp.parse("2023-05-20T15:16:10.222161Z")).isEqualTo("2023-05-20T15:16:10.222161Z");
        assertThat(AlationTimestamp.parse("2023-05-20T15:16:10.222161")).isEqualTo("2023-05-20T15:16:10.222161Z");
        assertThat(AlationTimestamp.parse("2023-05-20 17:16:10+02:00")).isEqualTo("2023-05-20T15:16:10Z");
        assertThat(AlationTimestamp.parse("tomorrow")).isNull();
    }
}
