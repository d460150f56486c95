package io.catalogbridge.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The credential cache, its gauge and daily warning, and the state's rules, on a clock the test moves. */
@ExtendWith(OutputCaptureExtension.class)
class CredentialChecksTest {

    private static final Instant START = Instant.parse("2026-12-01T12:00:00Z");

    /** A clock the test sets. */
    static final class TestClock extends Clock {
        Instant now = START;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** A wing whose check counts its calls and answers what the test says. */
    static final class FakeSource implements IntegrationStatusSource {
        final AtomicInteger checks = new AtomicInteger();
        CredentialCheck answer;

        @Override
        public String catalog() {
            return "somecatalog";
        }

        @Override
        public String catalogName() {
            return "Some Catalog";
        }

        @Override
        public CredentialCheck checkCredential(String tenant) {
            checks.incrementAndGet();
            return answer;
        }

        @Override
        public CredentialSettings credentialSettings() {
            return new CredentialSettings() {
                @Override
                public Duration credentialCheckCache() {
                    return Duration.ofMinutes(5);
                }

                @Override
                public Integer credentialWarningDays() {
                    return 14;
                }
            };
        }
    }

    private final TestClock clock = new TestClock();
    private final FakeSource source = new FakeSource();
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final CredentialChecks checks = new CredentialChecks(List.of(source), null, meters, clock);

    private double gauge() {
        return meters.get(CredentialChecks.GAUGE).tags("tenant", "acme", "catalog", "somecatalog").gauge().value();
    }

    @Test
    void aCheckIsCachedForItsIntervalAndPerRevisionOfTheIntegration() {
        source.answer = CredentialCheck.active(START.plus(Duration.ofDays(30)));

        assertThat(checks.current(source, "acme", "1@a").state()).isEqualTo(CredentialState.ACTIVE);
        clock.now = START.plus(Duration.ofMinutes(4));
        checks.current(source, "acme", "1@a");
        assertThat(source.checks).hasValue(1);

        clock.now = START.plus(Duration.ofMinutes(5));
        checks.current(source, "acme", "1@a");
        assertThat(source.checks).hasValue(2);

        // another revision (a changed integration, or one removed and added again) is checked at once
        checks.current(source, "acme", "1@b");
        assertThat(source.checks).hasValue(3);
        assertThat(gauge()).isCloseTo(30 - 5.0 / 1440, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void anExpiryThatPassesWhileCachedMakesTheCredentialExpiredAndTheGaugeNegative() {
        source.answer = CredentialCheck.active(START.plus(Duration.ofMinutes(2)));
        checks.current(source, "acme", "1@a");

        clock.now = START.plus(Duration.ofMinutes(3));
        CredentialCheck later = checks.current(source, "acme", "1@a");

        assertThat(source.checks).hasValue(1);
        assertThat(later.state()).isEqualTo(CredentialState.EXPIRED);
        assertThat(gauge()).isNegative();
    }

    @Test
    void aCatalogThatCannotBeAskedKeepsTheExpiryItGaveLastAndNoExpiryIsNaN() {
        source.answer = CredentialCheck.active(START.plus(Duration.ofDays(3)));
        checks.current(source, "acme", "1@a");
        source.answer = CredentialCheck.unknown();
        clock.now = START.plus(Duration.ofMinutes(6));

        CredentialCheck unknown = checks.current(source, "acme", "1@a");

        assertThat(unknown).isEqualTo(new CredentialCheck(CredentialState.UNKNOWN, START.plus(Duration.ofDays(3))));
        assertThat(checks.current(source, "acme", "2@a").expiresAt()).as("not for another revision").isNull();
        assertThat(gauge()).isNaN();
    }

    @Test
    void anExpiringCredentialIsWarnedOfOnceADayWithoutTheCredential(CapturedOutput output) {
        source.answer = CredentialCheck.active(START.plus(Duration.ofDays(9)).plusSeconds(60));
        checks.current(source, "acme", "1@a");
        clock.now = START.plus(Duration.ofHours(2));
        checks.current(source, "acme", "1@a");

        String warning = "The Some Catalog credential of tenant acme expires at " + START.plus(Duration.ofDays(9))
                .plusSeconds(60) + " (9 days left, warning from 14 days)";
        assertThat(output.getOut().split(java.util.regex.Pattern.quote(warning), -1)).hasSize(2);

        clock.now = START.plus(Duration.ofDays(1)).plusSeconds(1);
        checks.current(source, "acme", "1@a");
        assertThat(output.getOut()).contains("The Some Catalog credential of tenant acme expires at "
                + START.plus(Duration.ofDays(9)).plusSeconds(60) + " (8 days left");
    }

    @Test
    void theStateFollowsTheCredentialTheHealthAndTheDeliveries() {
        IntegrationStatuses statuses = new IntegrationStatuses(List.of(source), checks, null, null,
                new StatusProperties(null, null, null), clock);
        CredentialCheck active = CredentialCheck.active(null);
        Instant now = START;

        assertThat(statuses.state(active, 14, now.minusSeconds(10), null, 0, now))
                .isEqualTo(IntegrationStatus.State.OK);
        assertThat(statuses.state(CredentialCheck.active(now.plus(Duration.ofDays(13))), 14, null, null, 0, now))
                .isEqualTo(IntegrationStatus.State.DEGRADED);
        assertThat(statuses.state(CredentialCheck.active(now.plus(Duration.ofDays(15))), 14, null, null, 0, now))
                .isEqualTo(IntegrationStatus.State.OK);
        assertThat(statuses.state(active, 14, null, null, 1, now)).isEqualTo(IntegrationStatus.State.DEGRADED);
        assertThat(statuses.state(CredentialCheck.refused(), 14, now, null, 0, now))
                .isEqualTo(IntegrationStatus.State.FAILING);
        assertThat(statuses.state(CredentialCheck.expired(now.minusSeconds(1)), 14, now, null, 0, now))
                .isEqualTo(IntegrationStatus.State.FAILING);
        assertThat(statuses.state(CredentialCheck.unknown(), 14, null, null, 0, now))
                .isEqualTo(IntegrationStatus.State.OK);
        // the latest call failed: 14 minutes after a success is DEGRADED, 15 minutes after it (or none ever) FAILING
        assertThat(statuses.state(active, 14, now.minus(Duration.ofMinutes(14)), now, 0, now))
                .isEqualTo(IntegrationStatus.State.DEGRADED);
        assertThat(statuses.state(active, 14, now.minus(Duration.ofMinutes(15)), now, 0, now))
                .isEqualTo(IntegrationStatus.State.FAILING);
        assertThat(statuses.state(active, 14, null, now, 0, now)).isEqualTo(IntegrationStatus.State.FAILING);
        // a success after the failure: OK
        assertThat(statuses.state(active, 14, now, now.minusSeconds(1), 0, now)).isEqualTo(IntegrationStatus.State.OK);
        assertThat(IntegrationStatuses.daysLeft(now.plus(Duration.ofHours(25)), now)).isEqualTo(1);
        assertThat(IntegrationStatuses.daysLeft(now.minus(Duration.ofHours(25)), now)).isEqualTo(-1);
    }

    @Test
    void storedMessagesLoseTheSecretsAndStayShort() {
        assertThat(IntegrationHealth.redact("refused token abcd1234 (HTTP 401)", "abcd1234", null))
                .isEqualTo("refused token <redacted> (HTTP 401)");
        assertThat(IntegrationHealth.redact("x".repeat(5000))).hasSize(IntegrationHealth.MAX_MESSAGE).endsWith("...");
        assertThat(IntegrationHealth.redact(null)).isEqualTo("unknown failure");
    }
}
