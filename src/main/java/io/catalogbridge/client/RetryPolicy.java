package io.catalogbridge.client;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retry policy of every call a wing makes to its catalog: which failures are worth another attempt (429, 5xx
 * but 501, and no answer at all), how long to wait (Retry-After in seconds or as an HTTP date when the catalog sends
 * one, else exponential backoff with "equal jitter", capped), and when to give up ({@code max-attempts}). One
 * instance per catalog, built by its wing from its own settings.
 */
public final class RetryPolicy {

    private static final Logger log = LoggerFactory.getLogger(RetryPolicy.class);

    private final String catalog;
    private final RetrySettings settings;
    private final Clock clock;
    private final Function<String, ? extends RuntimeException> unavailable;

    /**
     * @param catalog     the catalog's name as users read it, in messages and logs
     * @param settings    the catalog's retry settings
     * @param clock       the clock an HTTP-date Retry-After is measured against
     * @param unavailable the exception (with its message) a call fails with once its attempts are spent; the wing's,
     *                    so that its callers and error mapping see the catalog's own failure type (502)
     */
    public RetryPolicy(String catalog, RetrySettings settings, Clock clock,
            Function<String, ? extends RuntimeException> unavailable) {
        this.catalog = catalog;
        this.settings = settings;
        this.clock = clock;
        this.unavailable = unavailable;
    }

    /** Throttling, a server error or no answer at all ({@code ioFailure} set): worth another attempt. */
    public static boolean isRetryable(String ioFailure, int status) {
        return ioFailure != null || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    /**
     * After the {@code attempt}-th retryable failure of {@code call}: the wait before the next attempt in
     * milliseconds, or, once {@code max-attempts} are spent, the wing's exception naming the call and the last failure.
     */
    public long nextDelayOrGiveUp(String tenant, String call, int attempt, String ioFailure, int status,
            String retryAfter) {
        String what = ioFailure != null ? ioFailure : "HTTP " + status;
        if (attempt >= settings.maxAttempts()) {
            throw unavailable.apply(ioFailure != null
                    ? catalog + " could not be reached for " + call + " " + attempt + " times in a row (last: " + what
                            + "); giving up"
                    : catalog + " failed " + call + " " + attempt + " times in a row (last: " + what + "); giving up");
        }
        long delay = retryDelay(attempt, retryAfter);
        log.warn("{} answered {} to {} for tenant {}; attempt {} of {}, next in {} ms", catalog, what, call, tenant,
                attempt, settings.maxAttempts(), delay);
        return delay;
    }

    /** Retry-After (seconds or HTTP date) when the catalog sends one, else exponential backoff with jitter; capped. */
    public long retryDelay(int attempt, String retryAfter) {
        long max = settings.retryMaxDelay().toMillis();
        Long asked = parseRetryAfter(retryAfter);
        if (asked != null) {
            return Math.min(max, Math.max(0, asked));
        }
        long base = settings.retryInitialDelay().toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(max, base);
        // "equal jitter": at least half the backoff, so retries from several callers spread out but never bunch up
        return capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    }

    private Long parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.chars().allMatch(Character::isDigit)) {
            return Duration.ofSeconds(Long.parseLong(trimmed)).toMillis();
        }
        try {
            ZonedDateTime when = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
            return Duration.between(clock.instant(), when.toInstant()).toMillis();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
